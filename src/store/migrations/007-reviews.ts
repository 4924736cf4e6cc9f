// Reviews of the evidence, kept apart from the analysis (a new analysis replaces the results, never
// the reviews), and on every row of the query tables whether a reviewer checked it.
import type { Kysely, Migration } from 'kysely';

export const reviews: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('reviews')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('start', 'integer', (c) => c.notNull())
      .addColumn('end', 'integer', (c) => c.notNull())
      .addColumn('sentence', 'text', (c) => c.notNull())
      .addColumn('factor', 'text')
      .addColumn('verdict', 'text', (c) => c.notNull())
      .addColumn('to_factor', 'text')
      .addColumn('stance', 'text')
      .addColumn('seen_stance', 'text')
      .addColumn('seen_match', 'text')
      .addColumn('reviewer', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('reviews_by_document').on('reviews').columns(['document_id', 'created_at']).execute();
    // Stratified random samples of mentions drawn for review (per factor and language), each unit with
    // the size of its stratum at the draw: the weights of the quality estimates.
    await db.schema
      .createTable('review_samples')
      .addColumn('sample_id', 'text', (c) => c.notNull())
      .addColumn('drawn_at', 'text', (c) => c.notNull())
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('factor', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('start', 'integer', (c) => c.notNull())
      .addColumn('end', 'integer', (c) => c.notNull())
      .addColumn('sentence', 'text', (c) => c.notNull())
      .addColumn('stratum_population', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('review_samples_by_sample').on('review_samples').columns(['sample_id', 'factor', 'language']).execute();
    // 'automatic' | 'reviewed' | 'corrected' (src/analysis/review-coding.ts).
    for (const table of ['document_factors', 'factor_mentions']) {
      await db.schema.alterTable(table).addColumn('review', 'text', (c) => c.notNull().defaultTo('automatic')).execute();
    }
  },
};
