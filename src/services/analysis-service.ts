// The analysis job: load a stored document, analyze it in the sandbox, store the results.
// Registered by name with whichever queue runs (BullMQ worker or in-process runner).
import { parseRange } from '../analysis/articles/index.js';
import { AnalysisError } from '../analysis/errors.js';
import type { OcrOptions, Summary } from '../analysis/types.js';
import type { Logger } from '../logger.js';
import type { ProgressReporter } from '../queue/job-queue.js';
import type { AnalysisPool } from '../sandbox/analysis-pool.js';
import type { DocumentsRepository, StoredFile } from '../store/documents-repository.js';
import type { ResultsRepository } from '../store/results-repository.js';
import type { MetricsService } from './metrics-service.js';
import type { PasswordBox } from './password-box.js';
import { asSplitIssue, issueArticleDocuments } from './issue-articles.js';
import { isTransient } from './transient-errors.js';

export interface AnalysisServiceOptions {
  /** OCR for scanned pages; undefined leaves them missing (`needs_ocr`). */
  ocr?: OcrOptions;
  /** Attempts (JOB_ATTEMPTS) after which a document that keeps killing its analysis is given up. */
  maxAttempts: number;
  /** Opens the stored (encrypted) PDF passwords. */
  passwords: PasswordBox;
  /** Where analysis times are counted (the process's /metrics). */
  metrics?: Pick<MetricsService, 'recordAnalysis'>;
}

export class AnalysisService {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly results: ResultsRepository,
    private readonly pool: AnalysisPool,
    private readonly log: Logger,
    private readonly options: AnalysisServiceOptions,
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
    // Every attempt is counted before it starts: attempts used up without an outcome mean each one
    // killed its process (or the server), and the document must not be taken again — after a
    // restart that would crash the server again, for ever.
    if (file.attempts >= this.options.maxAttempts) {
      await this.documents.markFailed(documentId, 'failed', 'crashed', crashedMessage(file.attempts));
      this.log.error({ documentId, attempts: file.attempts }, 'document given up: its analysis never finished');
      return;
    }
    await this.documents.markProcessing(documentId);
    let crashed = false;
    try {
      await this.analyzeAndStore(documentId, file, progress);
    } catch (error) {
      crashed = error instanceof AnalysisError && error.code === 'crashed';
      throw error;
    } finally {
      if (!crashed) await this.documents.endAttempt(documentId).catch((e: Error) => this.log.warn({ documentId, err: e.message }, 'could not record the end of an attempt'));
    }
  }

  private async analyzeAndStore(documentId: string, file: StoredFile, progress: ProgressReporter): Promise<void> {
    // Progress is a courtesy to whoever watches: Redis refusing it (maxmemory, a blip) must not
    // fail the document.
    const report = (percent: number) =>
      Promise.resolve()
        .then(() => progress(percent))
        .catch((e: Error) => this.log.debug({ documentId, err: e.message }, 'progress not recorded'));
    await report(10);
    const started = Date.now();
    let result;
    try {
      const password = file.password === null ? undefined : this.options.passwords.open(file.password);
      if (file.password !== null && password === undefined) {
        throw new AnalysisError('password_required', 'The stored password cannot be decrypted here (the server key differs, see PASSWORD_KEY); send the password again.');
      }
      const articleRange = file.issueRange === null ? undefined : parseRange(file.issueRange) ?? undefined;
      result = await this.pool.analyze(file.bytes, { filename: file.filename, password, ocr: this.options.ocr, splitIssue: file.splitIssue, articleRange });
      if (file.issueRange !== null) nameArticle(result.summary.document, documentId, file.articleHead);
    } catch (error) {
      // A bug or a crash is retried by the queue; anything else is the document's own outcome.
      if (!(error instanceof AnalysisError) || error.code === 'internal' || error.code === 'crashed') throw error;
      await this.documents.markFailed(documentId, error.status, error.code, error.message);
      const ms = Date.now() - started;
      this.options.metrics?.recordAnalysis(ms / 1000, error.status);
      this.log.info({ documentId, filename: file.filename, ms, code: error.code }, 'document not analyzed: %s', error.message);
      return;
    }
    await report(90);
    const split = result.articles !== undefined && result.articles.length > 0;
    const { unmatchedReviews } = await this.results.save(documentId, split ? asSplitIssue(result, result.articles!.length) : result);
    if (result.articles) {
      // The articles wait in the outbox; the next sweep hands them to the queue (any worker can take them).
      const created = await this.documents.replaceIssueArticles(documentId, issueArticleDocuments(documentId, file.filename, result.articles));
      this.log.info({ documentId, articles: result.articles.length, created: created.length }, 'journal issue split into articles');
    }
    if (unmatchedReviews) this.log.warn({ documentId, unmatchedReviews }, 'reviews that match no mention of the new analysis are kept; GET /api/documents/:id/reviews lists them');
    await report(100);
    const ms = Date.now() - started;
    this.options.metrics?.recordAnalysis(ms / 1000, 'done');
    this.log.info({ documentId, filename: file.filename, ms, pages: result.summary.document.pages, words: result.summary.document.words, factors: result.summary.factors.length }, 'document analyzed');
  }

  /** Called when the queue gives up on a job: the document shows why. */
  async giveUp(documentId: string, error: Error): Promise<void> {
    if (isTransient(error)) {
      // Not the document's fault: it waits in the outbox until the queue and the store work again.
      this.log.warn({ documentId, err: error.message }, 'analysis interrupted by an infrastructure failure; the document goes back to the outbox');
      await this.documents.returnToOutbox(documentId);
      return;
    }
    // BullMQ gives up on a job whose worker died twice while holding it ("stalled").
    const crashed = (error instanceof AnalysisError && error.code === 'crashed') || /stalled more than/.test(error.message);
    const code = crashed ? 'crashed' : error instanceof AnalysisError ? error.code : 'internal';
    const message = crashed ? `${crashedMessage(this.options.maxAttempts)} Last: ${error.message}` : error.message.split('\n')[0] ?? 'analysis failed';
    await this.documents.markFailed(documentId, 'failed', code, message);
  }
}

/**
 * An article's bytes are its issue's: its Summary names the article, with the title and authors
 * read in the issue, where its head stands out from the issue's body print (its own front-matter
 * reading sees only the article's pages). The user's corrections still win where they are shown.
 */
function nameArticle(document: Summary['document'], id: string, head: StoredFile['articleHead']): void {
  document.id = id;
  if (!head) return;
  document.title = head.title;
  if (head.authors.length) document.authors = head.authors;
}

function crashedMessage(attempts: number): string {
  return `The analysis of this file stopped its process ${attempts} times without finishing (a hostile or damaged file, or a bug); it is not tried again unless reanalyzed.`;
}
