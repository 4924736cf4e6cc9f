// Summaries of a selection of documents, walked by document id for streaming exports.
import type { Kysely } from 'kysely';
import { documentConditions, type CorpusFilter } from './corpus-filter.js';
import { fromCorrectionRow, type Correction } from './documents-repository.js';
import type { Database } from './schema.js';

export class ExportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Summary JSON of the selected documents after `afterId`. With a factor (and stance) filter, the
   * documents that mention one of the factors (with that stance).
   */
  async summariesAfter(filter: CorpusFilter, afterId: string | null, limit: number): Promise<{ document_id: string; summary_json: string; correction?: Correction }[]> {
    let q = this.db
      .selectFrom('summaries')
      .innerJoin('documents', 'documents.id', 'summaries.document_id')
      // The user's corrections, by primary key: the summary is reparsed only for corrected documents.
      .leftJoin('document_corrections', 'document_corrections.document_id', 'summaries.document_id')
      .select(['summaries.document_id', 'summaries.summary_json'])
      .select(['document_corrections.corrected_at', 'document_corrections.title', 'document_corrections.authors_json', 'document_corrections.year', 'document_corrections.venue'])
      .where(documentConditions(filter, 'summaries.document_id'));
    if (filter.factors?.length || filter.stance) {
      q = q.where('documents.id', 'in', (eb) => {
        let sub = eb.selectFrom('document_factors').select('document_factors.document_id');
        if (filter.factors?.length) sub = sub.where('document_factors.factor', 'in', filter.factors);
        if (filter.stance) sub = sub.where(`document_factors.${filter.stance}`, '>', 0);
        return sub;
      });
    }
    if (afterId) q = q.where('summaries.document_id', '>', afterId);
    const rows = await q.orderBy('summaries.document_id').limit(limit).execute();
    return rows.map(({ document_id, summary_json, corrected_at, ...correction }) => ({
      document_id,
      summary_json,
      ...(corrected_at === null ? {} : { correction: fromCorrectionRow({ document_id, corrected_at, ...correction }) }),
    }));
  }
}
