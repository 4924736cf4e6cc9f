// The selection every research query shares (factor table, evidence, search, comparison of
// collections, exports): which documents, which factors, which stance.
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { Stance } from '../analysis/types.js';
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

/**
 * A year filter as written by a user — one year (2019) or a range with either end left open
 * (2015-2020, 2015-, -2020) — as the filter's bounds; undefined when it is not one.
 */
export function parseYearRange(text: string): Pick<CorpusFilter, 'yearFrom' | 'yearTo'> | undefined {
  const match = /^(\d{4})?(?:(-)(\d{4})?)?$/.exec(text);
  if (!match || (!match[1] && !match[3])) return undefined;
  const from = match[1] ? Number(match[1]) : undefined;
  return { yearFrom: from, yearTo: match[2] ? (match[3] ? Number(match[3]) : undefined) : from };
}

export interface Page {
  limit: number;
  offset: number;
}

/**
 * The filter's document conditions (ids, collection, year, and the document's language unless the
 * caller filters a language of its own rows) on a document-id column, as IN-subqueries: a query
 * over factor rows, mentions or sentences filters without joining `documents` row by row, and
 * joins it only for the page it returns.
 */
export function documentConditions(filter: CorpusFilter, column: DocumentIdColumn, options: { language?: boolean } = {}) {
  return (eb: ExpressionBuilder<Database, any>): Expression<SqlBool> => {
    const id = sql.ref<string>(column);
    const conditions: Expression<SqlBool>[] = [];
    if (filter.documents?.length) conditions.push(eb(id, 'in', filter.documents));
    const language = options.language !== false ? filter.language : undefined;
    if (language || filter.yearFrom !== undefined || filter.yearTo !== undefined) {
      let documents = eb.selectFrom('documents').select('documents.id');
      if (language) documents = documents.where('documents.language', '=', language);
      if (filter.yearFrom !== undefined) documents = documents.where('documents.year', '>=', filter.yearFrom);
      if (filter.yearTo !== undefined) documents = documents.where('documents.year', '<=', filter.yearTo);
      conditions.push(eb(id, 'in', documents));
    }
    const collections = collectionList(filter.collection);
    if (collections.length) {
      conditions.push(eb(id, 'in', eb.selectFrom('document_collections').select('document_collections.document_id').where('document_collections.collection', 'in', collections)));
    }
    return eb.and(conditions);
  };
}

export type DocumentIdColumn = 'documents.id' | 'document_factors.document_id' | 'factor_mentions.document_id' | 'sentences.document_id' | 'summaries.document_id';

/** Documents that belong to the collection, or to any of the collections. */
export function inCollection(collection: string | string[]) {
  const names = collectionList(collection);
  return (eb: ExpressionBuilder<Database, 'documents'>) =>
    eb('documents.id', 'in', eb.selectFrom('document_collections').select('document_id').where('collection', 'in', names));
}

export function collectionList(collection: string | string[] | undefined): string[] {
  return collection === undefined ? [] : ([] as string[]).concat(collection);
}
