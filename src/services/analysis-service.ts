// The analysis job: load a stored document, analyze it in the sandbox, store the results.
// Registered by name with whichever queue runs (BullMQ worker or in-process runner).
import { parseRange } from '../analysis/articles/index.js';
import { AnalysisError } from '../analysis/errors.js';
import type { OcrOptions, Summary, UserLexicon } from '../analysis/types.js';
import type { Logger } from '../logger.js';
import type { ProgressReporter } from '../queue/job-queue.js';
import type { AnalysisPool } from '../sandbox/analysis-pool.js';
import type { DocumentsRepository, StartedAttempt, StoredFile } from '../store/documents-repository.js';
import { AttemptSupersededError, type ResultsRepository } from '../store/results-repository.js';
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
  /** The user lexicon stored now (read for each document, so an import reaches every worker at once). */
  userLexicon?: () => Promise<UserLexicon | undefined>;
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
   * so that the queue retries the job with backoff. The store is asked twice on the way to a result:
   * once to start the attempt (and read the original), once to write the results in one transaction.
   */
  async process(documentId: string, progress: ProgressReporter = () => {}): Promise<void> {
    const steps = new StepTimes();
    // Every attempt is counted before it starts: attempts used up without an outcome mean each one
    // killed its process (or the server), and the document must not be taken again — after a
    // restart that would crash the server again, for ever.
    const file = await steps.time('begin', () => this.documents.beginAttempt(documentId));
    if (!file) {
      this.log.warn({ documentId }, 'document no longer exists or is already finished; job dropped');
      return;
    }
    if (file.attempts >= this.options.maxAttempts) {
      // Not an attempt after all: the count stays at the attempts that were made.
      await this.documents.endAttempt(documentId);
      await this.documents.markFailed(documentId, 'failed', 'crashed', crashedMessage(file.attempts));
      this.log.error({ documentId, attempts: file.attempts }, 'document given up: its analysis never finished');
      return;
    }
    this.log.debug({ documentId, attempt: file.attempts + 1 }, 'analysis started');
    let attemptEnded = false;
    let crashed = false;
    try {
      attemptEnded = await this.analyzeAndStore(documentId, file, progress, steps);
    } catch (error) {
      crashed = error instanceof AnalysisError && error.code === 'crashed';
      // Whoever took the document over counted an attempt of its own, which its save ends.
      attemptEnded = error instanceof AttemptSupersededError;
      if (attemptEnded) this.log.warn({ documentId }, (error as Error).message);
      throw error;
    } finally {
      if (!crashed && !attemptEnded) await this.documents.endAttempt(documentId).catch((e: Error) => this.log.warn({ documentId, err: e.message }, 'could not record the end of an attempt'));
    }
  }

  /** Returns true when the results were saved, which also ended the attempt. */
  private async analyzeAndStore(documentId: string, file: StartedAttempt, progress: ProgressReporter, steps: StepTimes): Promise<boolean> {
    const reporter = new QuietProgress(progress, (e) => this.log.debug({ documentId, err: e.message }, 'progress not recorded'));
    const started = Date.now();
    let result;
    try {
      const password = file.password === null ? undefined : this.options.passwords.open(file.password);
      if (file.password !== null && password === undefined) {
        throw new AnalysisError('password_required', 'The stored password cannot be decrypted here (the server key differs, see PASSWORD_KEY); send the password again.');
      }
      const articleRange = file.issueRange === null ? undefined : parseRange(file.issueRange) ?? undefined;
      const userLexicon = await this.options.userLexicon?.();
      result = await steps.time('analysis', () => this.pool.analyze(file.bytes, { filename: file.filename, password, ocr: this.options.ocr, splitIssue: file.splitIssue, articleRange, userLexicon }));
      if (file.issueRange !== null) nameArticle(result.summary.document, documentId, file.articleHead);
    } catch (error) {
      reporter.stop();
      // A bug or a crash is retried by the queue; anything else is the document's own outcome.
      if (!(error instanceof AnalysisError) || error.code === 'internal' || error.code === 'crashed') throw error;
      await this.documents.markFailed(documentId, error.status, error.code, error.message);
      const ms = Date.now() - started;
      this.options.metrics?.recordAnalysis(ms / 1000, error.status);
      this.log.info({ documentId, filename: file.filename, ms, code: error.code }, 'document not analyzed: %s', error.message);
      return false;
    }
    await reporter.report(90);
    const split = result.articles !== undefined && result.articles.length > 0;
    const { unmatchedReviews } = await steps.time('save', () => this.results.save(documentId, split ? asSplitIssue(result, result.articles!.length) : result, { attempt: file }));
    if (result.articles) {
      // The articles wait in the outbox; the next sweep hands them to the queue (any worker can take them).
      const created = await this.documents.replaceIssueArticles(documentId, issueArticleDocuments(documentId, file.filename, result.articles));
      this.log.info({ documentId, articles: result.articles.length, created: created.length }, 'journal issue split into articles');
    }
    if (unmatchedReviews) this.log.warn({ documentId, unmatchedReviews }, 'reviews that match no mention of the new analysis are kept; GET /api/documents/:id/reviews lists them');
    // No 100%: the job's completion says it.
    reporter.stop();
    const ms = Date.now() - started;
    this.options.metrics?.recordAnalysis(ms / 1000, 'done');
    this.log.info(
      { documentId, filename: file.filename, ms, steps: steps.ms, pages: result.summary.document.pages, words: result.summary.document.words, factors: result.summary.factors.length },
      'document analyzed',
    );
    return true;
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

/** Wall-clock milliseconds of a job's steps, logged with its outcome (the ingest benchmark reads them). */
class StepTimes {
  readonly ms: Record<string, number> = {};

  async time<T>(step: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      this.ms[step] = Math.round((performance.now() - started) * 10) / 10;
    }
  }
}

/** A job shorter than this reports no progress: its end is the news, and each report is a Redis round trip. */
const PROGRESS_AFTER_MS = 2000;

/**
 * Progress of a long job, for whoever watches it (the queue dashboard). Nothing is sent before
 * PROGRESS_AFTER_MS; after that, each report is sent. Progress is a courtesy: Redis refusing it
 * (maxmemory, a blip) must not fail the document.
 */
class QuietProgress {
  private started = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly progress: ProgressReporter,
    private readonly onError: (error: Error) => void,
  ) {
    this.timer = setTimeout(() => {
      this.started = true;
      void this.send(10);
    }, PROGRESS_AFTER_MS);
  }

  async report(percent: number): Promise<void> {
    if (this.started) await this.send(percent);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private send(percent: number): Promise<void> {
    return Promise.resolve()
      .then(() => this.progress(percent))
      .catch((e: Error) => this.onError(e));
  }
}
