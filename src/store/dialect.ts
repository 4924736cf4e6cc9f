// Which SQL database the store runs on. The migrations and a few queries differ by dialect; they
// ask here rather than carry a flag around.
import { PostgresAdapter, type Kysely } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** The dialect of a Kysely instance (or transaction), from the adapter it was opened with. */
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
