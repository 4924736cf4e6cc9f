// The worker role: takes analyze jobs from BullMQ; run as many as you like on as many machines as
// you like, all pointing at one Redis and one PostgreSQL.
import type { Config } from '../config.js';
import { ConfigError } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { createRuntime, type Runtime } from '../runtime.js';

const MAX_START_BACKOFF_MS = 30_000;

export async function startWorker(config: Config, log: Logger = createLogger(config.LOG_LEVEL)): Promise<Runtime> {
  if (!config.REDIS_URL) {
    throw new ConfigError('The worker needs REDIS_URL (and DATABASE_URL to share results across machines). Without Redis, `policylens serve` analyzes in-process.');
  }
  if (!config.DATABASE_URL) {
    log.warn('DATABASE_URL is not set: this worker writes to SQLite under DATA_DIR, which only processes on this machine can share.');
  }
  // Workers are started by process managers, often before the database is up (or while it restarts):
  // wait for it with backoff instead of exiting.
  for (let attempt = 1; ; attempt++) {
    try {
      const runtime = await createRuntime(config, { analyze: true, log });
      log.info({ concurrency: config.WORKER_CONCURRENCY, prefix: config.QUEUE_PREFIX, database: runtime.store.dialect }, 'worker started');
      return runtime;
    } catch (error) {
      const delay = Math.min(MAX_START_BACKOFF_MS, 500 * 2 ** attempt);
      log.warn({ attempt, delay, err: (error as Error).message }, 'database not reachable; retrying');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
