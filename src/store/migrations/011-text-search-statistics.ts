import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * PostgreSQL decides from the tsv column's statistics whether a word is common (walk the sentences
 * in id order until a page is full) or rare (take its few matches from the GIN index and sort
 * them). With the default statistics target (100) it keeps the 1,000 most frequent words; every
 * other word is assumed to be as frequent as half the least frequent of them (~0.2 % of sentences),
 * so a word that occurs in 300 of 4 M sentences was walked for in id order through the whole table
 * (~1.5 s). 1,000 keeps the 10,000 most frequent words and puts that floor near 0.01 %; ANALYZE
 * then samples 300,000 rows (~30 s on 4 M sentences, done here once and by autovacuum after).
 * SQLite's FTS5 needs no statistics: it walks the matches in rowid order.
 */
export function textSearchStatistics(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'postgres') return;
      await sql`alter table sentences alter column tsv set statistics 1000`.execute(db);
      await sql`analyze sentences (tsv)`.execute(db);
    },
  };
}
