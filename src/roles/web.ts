// The web role: HTTP API and pages. Without REDIS_URL it also analyzes in-process; with it, it only
// stores and enqueues, and sweeps the outbox for documents stored while Redis was unreachable.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type ApiSettings } from '../api/app.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { BullMqQueue } from '../queue/bullmq-queue.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { seedSampleCorpus } from '../services/corpus-seed.js';

const OUTBOX_SWEEP_MS = 5000;

/** The API's limits and access rules, from the configuration. */
export function apiSettings(config: Config): ApiSettings {
  return {
    host: config.HOST,
    requireApiKey: config.REQUIRE_API_KEY,
    requestsPerMinute: config.RATE_LIMIT_PER_MIN,
    writesPerMinute: config.RATE_LIMIT_WRITES_PER_MIN,
    maxUploadBytes: Math.round(config.MAX_UPLOAD_MB * 1024 * 1024),
    maxFilesPerRequest: config.MAX_FILES_PER_REQUEST,
    maxJsonBodyBytes: Math.round(config.MAX_JSON_BODY_MB * 1024 * 1024),
  };
}
/** A job untouched for this many lock periods, and absent from the queue, was lost by the queue. */
const LOST_JOB_QUIET_LOCKS = 3;

export interface WebRole {
  runtime: Runtime;
  server: Server;
  url: string;
  stop(): Promise<void>;
}

export async function startWeb(config: Config, log?: Logger): Promise<WebRole> {
  const runtime = await createRuntime(config, { analyze: !config.REDIS_URL, log });
  const { documents } = runtime.services;
  // Documents left queued or processing when the last run stopped are taken again.
  if (runtime.queue.kind === 'in-process') await documents.enqueueUnfinished();
  if (config.SEED_CORPUS) await seedSampleCorpus(documents, runtime.log);
  const sweeper = setInterval(() => {
    documents
      .sweepOutbox()
      .then(() => documents.requeueLostJobs(LOST_JOB_QUIET_LOCKS * config.QUEUE_LOCK_MS))
      .catch((e: Error) => runtime.log.warn({ err: e.message }, 'outbox sweep failed'));
  }, OUTBOX_SWEEP_MS);
  sweeper.unref();

  const dashboardQueues = runtime.queue instanceof BullMqQueue ? [runtime.queue.queue] : [];
  const app = createApp(runtime.services, apiSettings(config), runtime.log, { dashboardQueues });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  runtime.log.info({ url, queue: runtime.queue.kind, database: runtime.store.dialect }, 'PolicyLens is listening');
  return {
    runtime,
    server,
    url,
    async stop() {
      clearInterval(sweeper);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await runtime.close();
    },
  };
}
