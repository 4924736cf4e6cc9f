// Analysis results: the Summary JSON and the rows derived from it for querying (per-document factor
// counts, every mention, abbreviations). A document's results are replaced as a whole in one
// transaction, so readers never see half of them and a job that runs twice leaves one copy.
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { AnalysisResult } from '../analysis/index.js';
import type { Summary } from '../analysis/types.js';
import type { Database } from './schema.js';
import { insertRows } from './bulk-insert.js';
import { replaceSentences } from './search-repository.js';
import { writeCoding } from './coding-writer.js';

export class ResultsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Stores a new analysis; returns how many of the document's reviews match none of its mentions (they
   * are kept). `attempt`: the analysis came from an attempt started by DocumentsRepository.beginAttempt,
   * which ends here, in the same statement as the status (one round trip fewer per document). If the
   * document changed since (another worker took the attempt over when this one lost its queue lock,
   * or a correction), nothing is stored and AttemptSupersededError is thrown.
   */
  async save(documentId: string, { summary, text, sentences }: AnalysisResult, options: { attempt?: { startedAt: string } } = {}): Promise<{ unmatchedReviews: number }> {
    const timestamp = new Date().toISOString();
    // The year the paper prints about itself (src/analysis/structure/year.ts).
    const year = summary.document.year ?? null;
    return this.db.transaction().execute(async (trx) => {
      // Updating the document row first takes its row lock in PostgreSQL: a second worker that
      // saves the same document waits here and then replaces, rather than interleaves, the rows.
      let update = trx
        .updateTable('documents')
        .set({
          status: 'done',
          // The user's corrections (kept apart) win over the analysis' title and year.
          title: (eb) => eb.fn.coalesce(corrected(eb, 'title'), eb.val(summary.document.title)),
          pages: summary.document.pages,
          words: summary.document.words,
          sentences: summary.document.sentences,
          language: summary.document.language,
          lexicon_version: summary.document.lexicon,
          media_type: summary.document.mediaType,
          error_code: null,
          error_message: null,
          pdf_password: null,
          updated_at: timestamp,
          analyzed_at: timestamp,
          // A corrected year, then a year given at upload (or kept from before), then the estimate.
          year: (eb) => eb.fn.coalesce(corrected(eb, 'year'), 'year', eb.val(year)),
          ...(options.attempt ? { attempts: sql<number>`case when attempts > 0 then attempts - 1 else 0 end` } : {}),
        })
        .where('id', '=', documentId);
      if (options.attempt) update = update.where('updated_at', '=', options.attempt.startedAt).where('status', '=', 'processing');
      const { numUpdatedRows } = await update.executeTakeFirst();
      if (options.attempt && numUpdatedRows === 0n) throw new AttemptSupersededError(documentId);
      for (const table of ['summaries', 'document_factors', 'factor_mentions', 'abbreviations'] as const) {
        await trx.deleteFrom(table).where('document_id', '=', documentId).execute();
      }
      await trx.insertInto('summaries').values({ document_id: documentId, summary_json: JSON.stringify(summary), text }).execute();
      await insertRows(trx, 'abbreviations', summary.abbreviations.map((a, ordinal) => ({
        document_id: documentId,
        ordinal,
        short: a.short,
        long: a.long,
        source: a.source,
        language: a.language,
        count: a.count,
        first_offset: a.firstOffset,
        equivalents_json: JSON.stringify(a.equivalents),
        factor: a.factor,
      })));
      await replaceSentences(trx, documentId, sentences);
      // The factor rows and mentions, with the document's reviews applied (after the sentences: added
      // mentions take their pages from them).
      const { unmatched } = await writeCoding(trx, documentId, summary, text);
      return { unmatchedReviews: unmatched.length };
    });
  }

  async getSummary(documentId: string): Promise<Summary | undefined> {
    const row = await this.db.selectFrom('summaries').select('summary_json').where('document_id', '=', documentId).executeTakeFirst();
    return row ? (JSON.parse(row.summary_json) as Summary) : undefined;
  }

  async getText(documentId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('summaries').select('text').where('document_id', '=', documentId).executeTakeFirst();
    return row?.text;
  }
}

/** The document changed while this attempt analyzed it: its results are not stored. */
export class AttemptSupersededError extends Error {
  override readonly name = 'AttemptSupersededError';
  constructor(documentId: string) {
    super(`document ${documentId} changed during this analysis (another worker took it over, or it was corrected); this attempt's results are not stored`);
  }
}

/** The user's correction of a documents column, as a subquery (null when not corrected). */
function corrected<C extends 'title' | 'year'>(eb: ExpressionBuilder<Database, 'documents'>, column: C) {
  return eb.selectFrom('document_corrections').select(`document_corrections.${column}` as const).whereRef('document_corrections.document_id', '=', 'documents.id');
}
