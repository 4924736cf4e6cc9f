// A journal issue stored once, and each of its articles as a document of its own that points to
// it: the article has no file of its own — a worker reads the issue's bytes and the article's range
// (src/analysis/articles/positions.ts formatRange) from the database alone.
import type { Kysely, Migration } from 'kysely';

export const issueArticles: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('documents')
      .addColumn('issue_document_id', 'text', (c) => c.references('documents.id').onDelete('cascade'))
      .execute();
    // Place of the article in its issue (1, 2, …) and its range ("9.1-16.23"; open end: "106.1-").
    await db.schema.alterTable('documents').addColumn('issue_position', 'integer').execute();
    await db.schema.alterTable('documents').addColumn('issue_range', 'text').execute();
    // The article's title and authors as the splitter read them in the issue's context (its head
    // beside the issue's body print), which its own analysis reports instead of re-reading them.
    await db.schema.alterTable('documents').addColumn('article_title', 'text').execute();
    await db.schema.alterTable('documents').addColumn('article_authors_json', 'text').execute();
    // 1: the uploader asked for this file to be split into its articles when analyzed.
    await db.schema.alterTable('documents').addColumn('split_issue', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.createIndex('documents_issue').on('documents').column('issue_document_id').execute();
  },
};
