// Queries over the corpus: the documents × factors table (per document or per factor) and the
// evidence behind it, paged for the API and walked by key for exports.
import type { Kysely } from 'kysely';
import { netStance } from '../analysis/net-stance.js';
import { documentConditions, type CorpusFilter, type Page } from './corpus-filter.js';
import type { Database, DocumentFactorsTable, DocumentsTable, FactorMentionsTable } from './schema.js';

export type FactorSort = 'mentions' | 'rate' | 'net';
export type SortOrder = 'asc' | 'desc';

/** The facts of a document that every row of the factor table repeats. */
export type DocumentFacts = Pick<DocumentsTable, 'id' | 'filename' | 'title' | 'language' | 'year' | 'words'>;

/** One document × factor cell of the factor table, with the document's facts. */
export type FactorTableRow = DocumentFactorsTable & Omit<DocumentFacts, 'id'>;

/**
 * One factor over the selected documents: the counts summed, per_1000_words the mean of the
 * documents' rates, net the net stance of all the mentions together (as a document's net is).
 */
export interface FactorTotalRow extends Omit<DocumentFactorsTable, 'document_id' | 'review'> {
  /** Documents that mention the factor. */
  documents: number;
}

/** One mention with its document's facts; cues parsed from their JSON column. */
export type MentionRow = Omit<FactorMentionsTable, 'cues_json'> & Pick<DocumentsTable, 'filename' | 'title' | 'year'> & { cues: string[] };

export interface Sorting {
  sort?: FactorSort;
  order?: SortOrder;
}

const SORT_COLUMN = { mentions: 'mentions', rate: 'per_1000_words', net: 'net' } as const;

export class FactorTableRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** One row per document × factor, sorted by a measure (mentions by default, largest first). */
  async rows(filter: CorpusFilter, page: Page, sorting: Sorting = {}): Promise<{ rows: FactorTableRow[]; total: number }> {
    const column = SORT_COLUMN[sorting.sort ?? 'mentions'];
    const order = sorting.order ?? 'desc';
    // Ties broken in the same direction, so that one index (measure, document, factor) serves the
    // whole ORDER BY, read backwards for desc.
    // The page and the count at once: on PostgreSQL they run on two pooled connections.
    const [rows, { total }] = await Promise.all([
      this.withDocuments(this.filtered(filter))
        .select(FACTOR_ROW_COLUMNS)
        .orderBy(`document_factors.${column}`, order)
        .orderBy('document_factors.document_id', order)
        .orderBy('document_factors.factor', order)
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      this.filtered(filter).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total) };
  }

  /** One row per factor over the selected documents (at most one per codebook factor). */
  async totals(filter: CorpusFilter, page: Page, sorting: Sorting = {}): Promise<{ rows: FactorTotalRow[]; total: number }> {
    const rows = await this.filtered(filter)
      .select((eb) => [
        'document_factors.factor',
        eb.fn.countAll<number>().as('documents'),
        eb.fn.sum<number>('document_factors.mentions').as('mentions'),
        eb.fn.avg<number>('document_factors.per_1000_words').as('per_1000_words'),
        eb.fn.sum<number>('document_factors.positive').as('positive'),
        eb.fn.sum<number>('document_factors.negative').as('negative'),
        eb.fn.sum<number>('document_factors.neutral').as('neutral'),
      ])
      .groupBy('document_factors.factor')
      .execute();
    const totals = rows.map((r) => {
      const mentions = Number(r.mentions);
      const [positive, negative, neutral] = [Number(r.positive), Number(r.negative), Number(r.neutral)];
      return {
        factor: r.factor,
        documents: Number(r.documents),
        mentions,
        per_1000_words: round(Number(r.per_1000_words)),
        positive,
        negative,
        neutral,
        net: round(netStance(positive, negative, mentions)),
      };
    });
    const key = SORT_COLUMN[sorting.sort ?? 'mentions'];
    const sign = sorting.order === 'asc' ? 1 : -1;
    totals.sort((a, b) => sign * (a[key] - b[key]) || a.factor.localeCompare(b.factor));
    return { rows: totals.slice(page.offset, page.offset + page.limit), total: totals.length };
  }

  /** Every mention matching the filter (the stance and language filters apply to the mention itself). */
  async mentions(filter: CorpusFilter, page: Page): Promise<MentionRow[]> {
    const rows = await this.mentionsWithDocuments(filter)
      .orderBy('factor_mentions.document_id')
      .orderBy('factor_mentions.ordinal')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map(withCues);
  }

  async countMentions(filter: CorpusFilter): Promise<number> {
    const { n } = await this.filteredMentions(filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  /** Rows by (document, factor) after the given key: exports walk the whole selection with it. */
  async rowsAfter(filter: CorpusFilter, after: { document_id: string; factor: string } | null, limit: number): Promise<FactorTableRow[]> {
    let q = this.withDocuments(this.filtered(filter)).select(FACTOR_ROW_COLUMNS);
    if (after) {
      q = q.where((eb) => eb(eb.refTuple('document_factors.document_id', 'document_factors.factor'), '>', eb.tuple(after.document_id, after.factor)));
    }
    return q.orderBy('document_factors.document_id').orderBy('document_factors.factor').limit(limit).execute();
  }

  /** Mentions by (document, ordinal) after the given key. */
  async mentionsAfter(filter: CorpusFilter, after: { document_id: string; ordinal: number } | null, limit: number): Promise<MentionRow[]> {
    let q = this.mentionsWithDocuments(filter);
    if (after) {
      q = q.where((eb) => eb(eb.refTuple('factor_mentions.document_id', 'factor_mentions.ordinal'), '>', eb.tuple(after.document_id, after.ordinal)));
    }
    const rows = await q.orderBy('factor_mentions.document_id').orderBy('factor_mentions.ordinal').limit(limit).execute();
    return rows.map(withCues);
  }

  /** Where each factor mention of these documents starts (search facets match them to sentences). */
  async mentionStarts(documentIds: string[]): Promise<Pick<FactorMentionsTable, 'document_id' | 'start' | 'factor'>[]> {
    if (documentIds.length === 0) return [];
    return this.db.selectFrom('factor_mentions').select(['document_id', 'start', 'factor']).where('document_id', 'in', documentIds).execute();
  }

  /** Analyzed documents the filter's document conditions select, by id after `afterId` (the rows of a complete table). */
  async analyzedDocumentsAfter(filter: CorpusFilter, afterId: string | null, limit: number): Promise<DocumentFacts[]> {
    let q = this.analyzedDocuments(filter).select(['id', 'filename', 'title', 'language', 'year', 'words']);
    if (afterId) q = q.where('documents.id', '>', afterId);
    return q.orderBy('documents.id').limit(limit).execute();
  }

  /** A page of the analyzed documents the filter selects, by id. */
  async analyzedDocumentsPage(filter: CorpusFilter, page: Page): Promise<DocumentFacts[]> {
    return this.analyzedDocuments(filter).select(['id', 'filename', 'title', 'language', 'year', 'words']).orderBy('documents.id').limit(page.limit).offset(page.offset).execute();
  }

  async countAnalyzedDocuments(filter: CorpusFilter): Promise<number> {
    const { n } = await this.analyzedDocuments(filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  }

  /** The stored cells of these documents (only factors with mentions are stored). */
  async cellsOf(documentIds: string[], factors?: string[]): Promise<DocumentFactorsTable[]> {
    if (documentIds.length === 0) return [];
    let q = this.db.selectFrom('document_factors').selectAll().where('document_id', 'in', documentIds);
    if (factors?.length) q = q.where('factor', 'in', factors);
    return q.execute();
  }

  private analyzedDocuments(filter: CorpusFilter) {
    return this.db.selectFrom('documents').where('documents.status', '=', 'done').where(documentConditions(filter, 'documents.id'));
  }

  private filtered(filter: CorpusFilter) {
    let query = this.db.selectFrom('document_factors').where(documentConditions(filter, 'document_factors.document_id'));
    if (filter.factors?.length) query = query.where('document_factors.factor', 'in', filter.factors);
    if (filter.stance) query = query.where(`document_factors.${filter.stance}`, '>', 0);
    return query;
  }

  private withDocuments(query: ReturnType<FactorTableRepository['filtered']>) {
    return query.innerJoin('documents', 'documents.id', 'document_factors.document_id');
  }

  private filteredMentions(filter: CorpusFilter) {
    let query = this.db
      .selectFrom('factor_mentions')
      .where(documentConditions(filter, 'factor_mentions.document_id', { language: false }));
    if (filter.factors?.length) query = query.where('factor_mentions.factor', 'in', filter.factors);
    if (filter.stance) query = query.where('factor_mentions.stance', '=', filter.stance);
    if (filter.language) query = query.where('factor_mentions.language', '=', filter.language);
    return query;
  }

  private mentionsWithDocuments(filter: CorpusFilter) {
    return this.filteredMentions(filter)
      .innerJoin('documents', 'documents.id', 'factor_mentions.document_id')
      .selectAll('factor_mentions')
      .select(['documents.filename', 'documents.title', 'documents.year']);
  }
}

const FACTOR_ROW_COLUMNS = [
  'document_factors.document_id',
  'documents.filename',
  'documents.title',
  'documents.language',
  'documents.year',
  'documents.words',
  'document_factors.factor',
  'document_factors.mentions',
  'document_factors.per_1000_words',
  'document_factors.positive',
  'document_factors.negative',
  'document_factors.neutral',
  'document_factors.net',
  'document_factors.review',
] as const;

function withCues<T extends { cues_json: string }>({ cues_json, ...row }: T): Omit<T, 'cues_json'> & { cues: string[] } {
  return { ...row, cues: JSON.parse(cues_json) as string[] };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
