import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../dialect.js';

export function initialSchema(dialect: Dialect): Migration {
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  const real = dialect === 'postgres' ? 'double precision' : 'real';
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('size_bytes', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('pages', 'integer')
        .addColumn('words', 'integer')
        .addColumn('sentences', 'integer')
        .addColumn('language', 'text')
        .addColumn('error_code', 'text')
        .addColumn('error_message', 'text')
        .addColumn('lexicon_version', 'text')
        .addColumn('pdf_password', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('enqueued_at', 'text')
        .addColumn('analyzed_at', 'text')
        .execute();
      await db.schema.createIndex('documents_status').on('documents').columns(['status', 'created_at']).execute();
      await db.schema.createIndex('documents_created').on('documents').column('created_at').execute();

      await db.schema
        .createTable('document_files')
        .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
        .addColumn('bytes', sql.raw(bytes), (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('document_collections')
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('collection', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('document_collections_pk', ['document_id', 'collection'])
        .execute();
      await db.schema.createIndex('document_collections_by_name').on('document_collections').columns(['collection', 'document_id']).execute();

      await db.schema
        .createTable('summaries')
        .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
        .addColumn('summary_json', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('document_factors')
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('factor', 'text', (c) => c.notNull())
        .addColumn('mentions', 'integer', (c) => c.notNull())
        .addColumn('per_1000_words', sql.raw(real), (c) => c.notNull())
        .addColumn('positive', 'integer', (c) => c.notNull())
        .addColumn('negative', 'integer', (c) => c.notNull())
        .addColumn('neutral', 'integer', (c) => c.notNull())
        .addColumn('net', sql.raw(real), (c) => c.notNull())
        .addPrimaryKeyConstraint('document_factors_pk', ['document_id', 'factor'])
        .execute();
      await db.schema.createIndex('document_factors_by_factor').on('document_factors').columns(['factor', 'document_id']).execute();

      await db.schema
        .createTable('factor_mentions')
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('factor', 'text', (c) => c.notNull())
        .addColumn('sentence', 'text', (c) => c.notNull())
        .addColumn('start', 'integer', (c) => c.notNull())
        .addColumn('end', 'integer', (c) => c.notNull())
        .addColumn('page', 'integer')
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('match', 'text', (c) => c.notNull())
        .addColumn('stance', 'text', (c) => c.notNull())
        .addColumn('cues_json', 'text', (c) => c.notNull())
        .addColumn('section', 'text')
        .addPrimaryKeyConstraint('factor_mentions_pk', ['document_id', 'ordinal'])
        .execute();
      await db.schema.createIndex('factor_mentions_by_factor').on('factor_mentions').columns(['factor', 'stance']).execute();

      await db.schema
        .createTable('abbreviations')
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('short', 'text', (c) => c.notNull())
        .addColumn('long', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('first_offset', 'integer', (c) => c.notNull())
        .addColumn('equivalents_json', 'text', (c) => c.notNull())
        .addColumn('factor', 'text')
        .addPrimaryKeyConstraint('abbreviations_pk', ['document_id', 'ordinal'])
        .execute();
    },
  };
}
