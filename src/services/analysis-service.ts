// The analysis job: load a stored document, analyze it in the sandbox, store the results.
// Registered by name with whichever queue runs (BullMQ worker or in-process runner).
import { AnalysisError } from '../analysis/errors.js';
import type { OcrOptions } from '../analysis/types.js';
import type { Logger } from '../logger.js';
import type { ProgressReporter } from '../queue/job-queue.js';
import type { AnalysisPool } from '../sandbox/analysis-pool.js';
import type { DocumentsRepository } from '../store/documents-repository.js';
import type { ResultsRepository } from '../store/results-repository.js';

export class AnalysisService {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly results: ResultsRepository,
    private readonly pool: AnalysisPool,
    private readonly log: Logger,
    /** OCR for scanned pages; undefined leaves them missing (`needs_ocr`). */
    private readonly ocr?: OcrOptions,
  ) {}

  /**
   * Analyzes one document. A problem with the document itself (damaged, encrypted, scanned, too big
   * or slow) is stored as its status and ends the job; anything else (database down, a bug) throws
   * so that the queue retries the job with backoff.
   */
  async process(documentId: string, progress: ProgressReporter = () => {}): Promise<void> {
    const file = await this.documents.readFile(documentId);
    if (!file) {
      this.log.warn({ documentId }, 'document no longer exists; job dropped');
      return;
    }
    await this.documents.markProcessing(documentId);
    await progress(10);
    const started = Date.now();
    let result;
    try {
      result = await this.pool.analyze(file.bytes, { filename: file.filename, password: file.password ?? undefined, ocr: this.ocr });
    } catch (error) {
      if (!(error instanceof AnalysisError) || error.code === 'internal') throw error;
      await this.documents.markFailed(documentId, error.status, error.code, error.message);
      this.log.info({ documentId, code: error.code }, 'document not analyzed: %s', error.message);
      return;
    }
    await progress(90);
    const { unmatchedReviews } = await this.results.save(documentId, result);
    if (unmatchedReviews) this.log.warn({ documentId, unmatchedReviews }, 'reviews that match no mention of the new analysis are kept; GET /api/documents/:id/reviews lists them');
    await progress(100);
    this.log.info({ documentId, ms: Date.now() - started, factors: result.summary.factors.length }, 'document analyzed');
  }

  /** Called when the queue gives up on a job: the document shows why. */
  async giveUp(documentId: string, error: Error): Promise<void> {
    const code = error instanceof AnalysisError ? error.code : 'internal';
    await this.documents.markFailed(documentId, 'failed', code, error.message.split('\n')[0] ?? 'analysis failed');
  }
}
