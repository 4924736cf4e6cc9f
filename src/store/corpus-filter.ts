// The selection every research query shares (factor table, evidence, search, comparison of
// collections, exports): which documents, which factors, which stance.
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Stance } from '../analysis/types.js';
import type { Dialect } from './database.js';
import type { Database } from './schema.js';

export interface CorpusFilter {
  documents?: string[];
  factors?: string[];
  stance?: Stance;
  language?: string;
  /** One collection, or several (a document in any of them is selected). */
  collection?: string | string[];
  /** Publication year range, inclusive; documents of unknown year are left out when either is set. */
  yearFrom?: number;
  yearTo?: number;
}

export interface Page {
  limit: number;
  offset: number;
}

/**
 * The filter's conditions on the `documents` table (ids, collection, year, and the document's
 * language unless the caller filters a language of its own rows).
 */
export function documentConditions(filter: CorpusFilter, options: { language?: boolean } = {}) {
  return (eb: ExpressionBuilder<Database, 'documents'>): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [];
    if (filter.documents?.length) conditions.push(eb('documents.id', 'in', filter.documents));
    if (filter.language && options.language !== false) conditions.push(eb('documents.language', '=', filter.language));
    if (filter.yearFrom !== undefined) conditions.push(eb('documents.year', '>=', filter.yearFrom));
    if (filter.yearTo !== undefined) conditions.push(eb('documents.year', '<=', filter.yearTo));
    const collections = collectionList(filter.collection);
    if (collections.length) conditions.push(inCollection(collections)(eb));
    return eb.and(conditions);
  };
}

/** Documents that belong to the collection, or to any of the collections. */
export function inCollection(collection: string | string[]) {
  const names = collectionList(collection);
  return (eb: ExpressionBuilder<Database, 'documents'>) =>
    eb('documents.id', 'in', eb.selectFrom('document_collections').select('document_id').where('collection', 'in', names));
}

export function collectionList(collection: string | string[] | undefined): string[] {
  return collection === undefined ? [] : ([] as string[]).concat(collection);
}

export function dialectOf(db: Kysely<Database>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
