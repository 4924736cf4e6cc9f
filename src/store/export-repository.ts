// Summaries of a selection of documents, walked by document id for streaming exports.
import type { Kysely } from 'kysely';
import { documentConditions, type CorpusFilter } from './corpus-filter.js';
import type { Database } from './schema.js';

export class ExportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Summary JSON of the selected documents after `afterId`. With a factor (and stance) filter, the
   * documents that mention one of the factors (with that stance).
   */
  async summariesAfter(filter: CorpusFilter, afterId: string | null, limit: number): Promise<{ document_id: string; summary_json: string }[]> {
    let q = this.db
      .selectFrom('summaries')
      .innerJoin('documents', 'documents.id', 'summaries.document_id')
      .select(['summaries.document_id', 'summaries.summary_json'])
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
    return q.orderBy('summaries.document_id').limit(limit).execute();
  }
}
