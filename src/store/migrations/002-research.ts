// What researchers query: the publication year of a document, a full-text index over every
// sentence, and the indexes that keep the factor table, comparisons and search fast on a corpus
// of ten thousand papers.
import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../dialect.js';

export function researchSchema(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('documents').addColumn('year', 'integer').execute();
      await db.schema.createIndex('documents_year').on('documents').columns(['year', 'id']).execute();
      await db.schema.createIndex('documents_language').on('documents').columns(['language', 'id']).execute();

      // The factor table sorted by each measure, for one factor or for all.
      for (const column of ['per_1000_words', 'net']) {
        await db.schema.createIndex(`document_factors_factor_${column}`).on('document_factors').columns(['factor', column, 'document_id']).execute();
      }
      for (const column of ['mentions', 'per_1000_words', 'net']) {
        await db.schema.createIndex(`document_factors_${column}`).on('document_factors').columns([column, 'document_id', 'factor']).execute();
      }
      // Covering indexes: totals per factor read one index instead of every row (and one factor's
      // rows come sorted by mentions); profiles of given documents or collections likewise.
      const counts = ['per_1000_words', 'positive', 'negative', 'neutral', 'net'];
      await db.schema.createIndex('document_factors_factor_cover').on('document_factors').columns(['factor', 'mentions', 'document_id', ...counts]).execute();
      await db.schema.createIndex('document_factors_document_cover').on('document_factors').columns(['document_id', 'factor', 'mentions', ...counts]).execute();
      // Search filters by factor and stance through the mentions that start at the sentence.
      await db.schema.createIndex('factor_mentions_by_start').on('factor_mentions').columns(['document_id', 'start', 'factor', 'stance']).execute();

      // Every sentence of every analyzed document. `id` links a sentence to its full-text entry.
      const id = dialect === 'postgres' ? sql.raw('bigint generated always as identity primary key') : sql.raw('integer primary key');
      await db.schema
        .createTable('sentences')
        .addColumn('id', id)
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('start', 'integer', (c) => c.notNull())
        .addColumn('end', 'integer', (c) => c.notNull())
        .addColumn('page', 'integer')
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('sentence', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sentences_by_document').on('sentences').columns(['document_id', 'ordinal']).unique().execute();

      if (dialect === 'postgres') {
        // PostgreSQL stems with its own Snowball dictionaries: russian for Russian sentences (its
        // configuration also stems Latin words with english_stem), english for English ones.
        await sql`alter table sentences add column tsv tsvector generated always as (to_tsvector(
            case language when 'ru' then 'russian'::regconfig when 'en' then 'english'::regconfig else 'simple'::regconfig end,
            sentence)) stored`.execute(db);
        await sql`create index sentences_tsv on sentences using gin (tsv)`.execute(db);
      } else {
        // SQLite has no Russian stemmer: the index holds the stems our own tokenizer produces
        // (src/analysis/search-index.ts) and queries are stemmed the same way. rowid = sentences.id.
        await sql`create virtual table sentence_fts using fts5(stems, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
      }
    },
  };
}
