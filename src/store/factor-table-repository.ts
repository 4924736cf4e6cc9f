// Queries over the corpus: the documents × factors table and the evidence behind it.
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Stance } from '../analysis/types.js';

export interface FactorTableFilter {
  documents?: string[];
  factors?: string[];
  stance?: Stance;
  language?: string;
  collection?: string;
}

export interface FactorTableRow {
  document_id: string;
  filename: string;
  title: string | null;
  language: string | null;
  words: number | null;
  factor: string;
  mentions: number;
  per_1000_words: number;
  positive: number;
  negative: number;
  neutral: number;
  net: number;
}

export interface MentionRow {
  document_id: string;
  filename: string;
  ordinal: number;
  factor: string;
  sentence: string;
  start: number;
  end: number;
  page: number | null;
  language: string;
  match: string;
  stance: Stance;
  cues: string[];
  section: string | null;
}

export class FactorTableRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async rows(filter: FactorTableFilter, page: { limit: number; offset: number }): Promise<{ rows: FactorTableRow[]; total: number }> {
    const base = this.filtered(filter);
    const rows = await base
      .select([
        'document_factors.document_id',
        'documents.filename',
        'documents.title',
        'documents.language',
        'documents.words',
        'document_factors.factor',
        'document_factors.mentions',
        'document_factors.per_1000_words',
        'document_factors.positive',
        'document_factors.negative',
        'document_factors.neutral',
        'document_factors.net',
      ])
      .orderBy('documents.created_at', 'desc')
      .orderBy('document_factors.document_id')
      .orderBy('document_factors.mentions', 'desc')
      .orderBy('document_factors.factor')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    return { rows, total: Number(total) };
  }

  /** Every mention matching the filter (the stance filter applies to the mention itself). */
  async mentions(filter: FactorTableFilter, page: { limit: number; offset: number }): Promise<MentionRow[]> {
    let query = this.db
      .selectFrom('factor_mentions')
      .innerJoin('documents', 'documents.id', 'factor_mentions.document_id')
      .selectAll('factor_mentions')
      .select('documents.filename');
    if (filter.documents?.length) query = query.where('factor_mentions.document_id', 'in', filter.documents);
    if (filter.factors?.length) query = query.where('factor_mentions.factor', 'in', filter.factors);
    if (filter.stance) query = query.where('factor_mentions.stance', '=', filter.stance);
    if (filter.language) query = query.where('factor_mentions.language', '=', filter.language);
    if (filter.collection) query = query.where(inCollection(filter.collection));
    const rows = await query
      .orderBy('factor_mentions.document_id')
      .orderBy('factor_mentions.ordinal')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map(({ cues_json, ...row }) => ({ ...row, cues: JSON.parse(cues_json) as string[] }));
  }

  private filtered(filter: FactorTableFilter) {
    let query = this.db
      .selectFrom('document_factors')
      .innerJoin('documents', 'documents.id', 'document_factors.document_id');
    if (filter.documents?.length) query = query.where('document_factors.document_id', 'in', filter.documents);
    if (filter.factors?.length) query = query.where('document_factors.factor', 'in', filter.factors);
    if (filter.stance) query = query.where(`document_factors.${filter.stance}`, '>', 0);
    if (filter.language) query = query.where('documents.language', '=', filter.language);
    if (filter.collection) query = query.where(inCollection(filter.collection));
    return query;
  }
}

/** Documents that belong to the collection (usable in any query that joins `documents`). */
export function inCollection(collection: string) {
  return (eb: ExpressionBuilder<Database, 'documents'>) =>
    eb('documents.id', 'in', eb.selectFrom('document_collections').select('document_id').where('collection', '=', collection));
}
