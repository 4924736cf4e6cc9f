import type { Kysely, Migration } from 'kysely';

/**
 * The user lexicon (analysis/factors/user-lexicon.ts): extra factors imported from a quanteda
 * dictionary, kept in the database so that every worker, on every machine, counts the same ones.
 */
export const userLexicon: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('user_factors')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('labels_json', 'text', (c) => c.notNull())
      .addColumn('globs_json', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .execute();
  },
};
