// Counts of analyzed documents by collection, language and year.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface CorpusOverview {
  documents: number;
  collections: { name: string; documents: number }[];
  languages: { language: string; documents: number }[];
  years: { year: number; documents: number }[];
}

export class CorpusRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async overview(): Promise<CorpusOverview> {
    const done = this.db.selectFrom('documents').where('status', '=', 'done');
    const [total, collections, languages, years] = await Promise.all([
      done.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      this.db
        .selectFrom('document_collections')
        .innerJoin('documents', 'documents.id', 'document_collections.document_id')
        .where('documents.status', '=', 'done')
        .select((eb) => ['document_collections.collection as name', eb.fn.countAll<number>().as('documents')])
        .groupBy('document_collections.collection')
        .orderBy('document_collections.collection')
        .execute(),
      done.where('language', 'is not', null).select((eb) => ['language', eb.fn.countAll<number>().as('documents')]).groupBy('language').orderBy('language').execute(),
      done.where('year', 'is not', null).select((eb) => ['year', eb.fn.countAll<number>().as('documents')]).groupBy('year').orderBy('year').execute(),
    ]);
    return {
      documents: Number(total.n),
      collections: collections.map((c) => ({ name: c.name, documents: Number(c.documents) })),
      languages: languages.map((l) => ({ language: l.language!, documents: Number(l.documents) })),
      years: years.map((y) => ({ year: y.year!, documents: Number(y.documents) })),
    };
  }

  /** The collections and document languages stored (any status): what a filter may name. */
  async filterValues(): Promise<{ collections: string[]; languages: string[] }> {
    const [collections, languages] = await Promise.all([
      this.db.selectFrom('document_collections').select('collection').distinct().orderBy('collection').execute(),
      this.db.selectFrom('documents').select('language').distinct().where('language', 'is not', null).orderBy('language').execute(),
    ]);
    return { collections: collections.map((c) => c.collection), languages: languages.map((l) => l.language!) };
  }
}
