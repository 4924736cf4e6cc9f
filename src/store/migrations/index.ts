// Migrations are code, bundled with the build, and run on every start by whichever process opens
// the database first (Kysely's migrator takes a lock, so concurrent workers do not race).
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from '../database.js';
import { initialSchema } from './001-initial-schema.js';
import { researchSchema } from './002-research.js';
import { apiKeys } from './003-api-keys.js';

const migrations = (dialect: Dialect): Record<string, Migration> => ({
  '001-initial-schema': initialSchema(dialect),
  '002-research': researchSchema(dialect),
  '003-api-keys': apiKeys,
});

export async function migrateToLatest(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const { error, results } = await new Migrator({ db, provider, allowUnorderedMigrations: true }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${(error as Error).message ?? error}`);
  }
}
