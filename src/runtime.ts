// The composition root: the one place that reads the configuration and wires the store, the queue,
// the sandbox and the services together for a role. Repositories receive the database, services
// receive repositories (and the queue), the API and the CLI receive services. `serve` is web (plus
// an in-process worker without Redis), `worker` is a BullMQ worker, the CLI borrows what it needs.
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { ocrOptions, type Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { BullMqQueue } from './queue/bullmq-queue.js';
import { startBullWorker } from './queue/bullmq-worker.js';
import { InProcessQueue } from './queue/in-process-queue.js';
import type { JobQueue } from './queue/job-queue.js';
import { connectRedis, whenReady } from './queue/redis.js';
import { AnalysisPool } from './sandbox/analysis-pool.js';
import { AnalysisService } from './services/analysis-service.js';
import { ApiKeyService } from './services/api-key-service.js';
import { CompareService } from './services/compare-service.js';
import { ConcordanceService } from './services/concordance-service.js';
import { CorpusSelection } from './services/corpus-selection.js';
import { CorpusService } from './services/corpus-service.js';
import { DocumentService } from './services/document-service.js';
import { ExportService } from './services/export-service.js';
import { FactorTableService } from './services/factor-table-service.js';
import { HealthService } from './services/health-service.js';
import { QualityService } from './services/quality-service.js';
import { ReviewService } from './services/review-service.js';
import { MetricsService } from './services/metrics-service.js';
import type { Services } from './services/index.js';
import { loadPasswordBox } from './services/password-box.js';
import { ApiKeysRepository } from './store/api-keys-repository.js';
import { CompareRepository } from './store/compare-repository.js';
import { CorpusRepository } from './store/corpus-repository.js';
import { openStore, type Store } from './store/database.js';
import { DocumentsRepository } from './store/documents-repository.js';
import { ExportRepository } from './store/export-repository.js';
import { FactorTableRepository } from './store/factor-table-repository.js';
import { ResultsRepository } from './store/results-repository.js';
import { ReviewSamplesRepository } from './store/review-samples-repository.js';
import { ReviewsRepository } from './store/reviews-repository.js';
import { SearchRepository } from './store/search-repository.js';
import { UserLexiconRepository } from './store/user-lexicon-repository.js';
import { UserLexiconService } from './services/user-lexicon-service.js';

const REDIS_READY_WAIT_MS = 5000;

export interface Runtime {
  log: Logger;
  /** The database this process opened (its dialect is reported; tests read it directly). */
  store: Store;
  queue: JobQueue;
  services: Services;
  /** Present where this process analyzes documents itself. */
  analysis?: AnalysisService;
  /** Resolves when this process's in-process queue has nothing left (no-op with BullMQ). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Analyze in this process: a BullMQ worker with REDIS_URL, the in-process queue without. */
  analyze: boolean;
  log?: Logger;
}

export async function createRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const store = await openStore({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.dataDir,
    poolSize: config.DATABASE_POOL_SIZE,
    onPoolError: (e) => log.warn({ err: e.message }, 'database connection lost; reconnecting on next use'),
  });
  const documents = new DocumentsRepository(store.db);
  const results = new ResultsRepository(store.db);
  const factorTable = new FactorTableRepository(store.db);
  const reviews = new ReviewsRepository(store.db);
  const closers: (() => Promise<unknown>)[] = [];
  const passwords = loadPasswordBox(config.PASSWORD_KEY, config.dataDir);
  // The queue is made below; the metrics read it at each scrape.
  const metrics = new MetricsService(documents, () => queue);

  const userLexicon = new UserLexiconService(new UserLexiconRepository(store.db));
  let analysis: AnalysisService | undefined;
  const needsPool = options.analyze || !config.REDIS_URL;
  if (needsPool) {
    const pool = new AnalysisPool({
      size: config.WORKER_CONCURRENCY,
      timeoutMs: config.ANALYSIS_TIMEOUT_S * 1000,
      memoryMb: config.ANALYSIS_MEMORY_MB,
      isolation: config.ANALYSIS_ISOLATION,
    });
    closers.push(() => pool.close());
    analysis = new AnalysisService(documents, results, pool, log, { ocr: ocrOptions(config), maxAttempts: config.JOB_ATTEMPTS, passwords, metrics, userLexicon: () => userLexicon.current() });
  }

  let queue: JobQueue;
  let inProcess: InProcessQueue | undefined;
  if (config.REDIS_URL) {
    const producer = connectRedis(config.REDIS_URL, 'producer');
    producer.on('error', (e: Error) => log.debug({ err: e.message }, 'redis (producer) error'));
    // Uploads that arrive before Redis answers would wait for the outbox sweep; give it a moment.
    if (!(await whenReady(producer, REDIS_READY_WAIT_MS))) log.warn('Redis is not reachable yet; uploads wait in the outbox until it is');
    queue = new BullMqQueue({ connection: producer, prefix: config.QUEUE_PREFIX, attempts: config.JOB_ATTEMPTS });
    closers.unshift(() => queue.close(), () => quit(producer));
    if (options.analyze && analysis) {
      const service = analysis;
      const connection = connectRedis(config.REDIS_URL, 'worker');
      connection.on('error', (e: Error) => log.debug({ err: e.message }, 'redis (worker) error'));
      const worker: Worker = startBullWorker(
        { process: (id, progress) => service.process(id, progress), giveUp: (id, error) => service.giveUp(id, error) },
        { connection, prefix: config.QUEUE_PREFIX, concurrency: config.WORKER_CONCURRENCY, lockDurationMs: config.QUEUE_LOCK_MS },
        log,
      );
      closers.unshift(() => closeWorker(worker, config.SHUTDOWN_GRACE_S * 1000, log), () => quit(connection));
    }
  } else {
    const service = analysis!;
    inProcess = new InProcessQueue(
      (id) => service.process(id),
      (id, error) => service.giveUp(id, error),
      { concurrency: config.WORKER_CONCURRENCY, attempts: config.JOB_ATTEMPTS, backoffMs: 1000 },
      log,
    );
    queue = inProcess;
    closers.unshift(() => inProcess!.close());
  }
  closers.push(() => store.close());

  const documentService = new DocumentService(documents, results, queue, log, passwords, () => userLexicon.lexiconVersion());
  const corpus = new CorpusRepository(store.db);
  const selection = new CorpusSelection(corpus, documentService, async () => (await userLexicon.list()).factors.map((f) => f.id));
  const corpusService = new CorpusService(corpus, new SearchRepository(store.db), selection, factorTable);
  return {
    log,
    store,
    queue,
    services: {
      documents: documentService,
      factorTable: new FactorTableService(factorTable, selection),
      compare: new CompareService(new CompareRepository(store.db), documentService),
      corpus: corpusService,
      concordance: new ConcordanceService(corpusService),
      exports: new ExportService(factorTable, new ExportRepository(store.db), documents, selection),
      health: new HealthService(store, queue, { dataDir: config.dataDir, minFreeMb: config.MIN_FREE_DISK_MB }),
      apiKeys: new ApiKeyService(new ApiKeysRepository(store.db)),
      reviews: new ReviewService(reviews, documentService),
      quality: new QualityService(reviews, new ReviewSamplesRepository(store.db)),
      metrics,
      userLexicon,
    },
    analysis,
    idle: () => inProcess?.idle() ?? Promise.resolve(),
    async close() {
      for (const close of closers) {
        await close().catch((e: Error) => log.warn({ err: e.message }, 'error while shutting down'));
      }
    },
  };
}

/**
 * Stops taking jobs and waits for the running ones up to the grace period; after it, the jobs are
 * released (their locks lapse) and another worker finishes them.
 */
async function closeWorker(worker: Worker, graceMs: number, log: Logger): Promise<void> {
  const graceful = worker.close();
  const timedOut = await Promise.race([graceful.then(() => false), sleep(graceMs).then(() => true)]);
  if (timedOut) {
    log.warn('running jobs did not finish within the grace period; releasing them to other workers');
    await worker.close(true);
  }
}

async function quit(redis: Redis): Promise<void> {
  await redis.quit().catch(() => redis.disconnect());
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
