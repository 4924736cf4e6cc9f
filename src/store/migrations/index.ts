// Migrations are code, bundled with the build, and run on every start by whichever process opens
// the database first (Kysely's migrator takes a lock, so concurrent workers do not race).
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from '../dialect.js';
import { initialSchema } from './001-initial-schema.js';
import { researchSchema } from './002-research.js';
import { apiKeys } from './003-api-keys.js';
import { documentCorrections } from './006-document-corrections.js';
import { textSearchPerSentence } from './005-text-search-per-sentence.js';
import { reviews } from './007-reviews.js';
import { issueArticles } from './008-issue-articles.js';
import { sentenceZones } from './009-sentence-zones.js';
import { userLexicon } from './010-user-lexicon.js';
import { textSearchStatistics } from './011-text-search-statistics.js';

const migrations = (dialect: Dialect): Record<string, Migration> => ({
  '001-initial-schema': initialSchema(dialect),
  '002-research': researchSchema(dialect),
  '003-api-keys': apiKeys,
  '005-text-search-per-sentence': textSearchPerSentence(dialect),
  '006-document-corrections': documentCorrections,
  '007-reviews': reviews,
  '008-issue-articles': issueArticles,
  '009-sentence-zones': sentenceZones,
  '010-user-lexicon': userLexicon,
  '011-text-search-statistics': textSearchStatistics(dialect),
});

export async function migrateToLatest(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  // Kysely looks for its bookkeeping tables in every schema; name ours, so that several
  // deployments (or test runs) in one PostgreSQL database, each on its own search_path, stay apart.
  const migrationTableSchema = dialect === 'postgres' ? await currentSchema(db) : undefined;
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true, migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${(error as Error).message ?? error}`);
  }
}

async function currentSchema(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no current schema: check the search_path of DATABASE_URL');
  return schema;
}
