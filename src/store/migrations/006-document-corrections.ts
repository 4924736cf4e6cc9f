// What the user corrected in a paper's bibliographic record, kept apart from the analysis: a new
// analysis replaces the results and the documents row's analysed values, never the corrections,
// which are then applied again (ResultsRepository.save).
import type { Kysely, Migration } from 'kysely';

export const documentCorrections: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('document_corrections')
      .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
      // null: not corrected, the analysis' value stands.
      .addColumn('title', 'text')
      .addColumn('authors_json', 'text')
      .addColumn('year', 'integer')
      .addColumn('venue', 'text')
      .addColumn('corrected_at', 'text', (c) => c.notNull())
      .execute();
  },
};
