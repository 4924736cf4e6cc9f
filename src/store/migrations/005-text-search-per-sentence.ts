import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * Each sentence row keeps the text-search configuration its language's profile names
 * (analysis/languages/), so that adding a language needs no migration: PostgreSQL's tsv column is
 * generated from the row's configuration instead of a list of languages. Rows written before keep
 * the configuration that 002's list gave them.
 */
export function textSearchPerSentence(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'postgres') {
        // SQLite searches its own stems (sentence_fts); the column is kept for the same rows everywhere.
        await db.schema.alterTable('sentences').addColumn('text_search', 'text', (c) => c.notNull().defaultTo('simple')).execute();
        await sql`update sentences set text_search = case language when 'ru' then 'russian' when 'en' then 'english' else 'simple' end`.execute(db);
        return;
      }
      await sql`alter table sentences add column text_search regconfig not null default 'simple'`.execute(db);
      await sql`update sentences set text_search = case language when 'ru' then 'russian'::regconfig when 'en' then 'english'::regconfig else 'simple'::regconfig end`.execute(db);
      await sql`alter table sentences alter column text_search drop default`.execute(db);
      await sql`drop index sentences_tsv`.execute(db);
      await sql`alter table sentences drop column tsv`.execute(db);
      await sql`alter table sentences add column tsv tsvector generated always as (to_tsvector(text_search, sentence)) stored`.execute(db);
      await sql`create index sentences_tsv on sentences using gin (tsv)`.execute(db);
    },
  };
}
