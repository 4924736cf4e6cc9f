// The worker role: takes analyze jobs from BullMQ; run as many as you like on as many machines as
// you like, all pointing at one Redis and one PostgreSQL.
import type { Config } from '../config.js';
import { ConfigError } from '../config.js';
import type { Logger } from '../logger.js';
import { createRuntime, type Runtime } from '../runtime.js';

export async function startWorker(config: Config, log?: Logger): Promise<Runtime> {
  if (!config.REDIS_URL) {
    throw new ConfigError('The worker needs REDIS_URL (and DATABASE_URL to share results across machines). Without Redis, `policylens serve` analyzes in-process.');
  }
  if (!config.DATABASE_URL) {
    (log ?? console).warn?.('DATABASE_URL is not set: this worker writes to SQLite under DATA_DIR, which only processes on this machine can share.');
  }
  const runtime = await createRuntime(config, { analyze: true, log });
  runtime.log.info({ concurrency: config.WORKER_CONCURRENCY, prefix: config.QUEUE_PREFIX, database: runtime.store.dialect }, 'worker started');
  return runtime;
}
