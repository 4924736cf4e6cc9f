// `npm run bench` (queue part; alone: `tsx scripts/bench/queue.ts`): what BullMQ costs per job,
// apart from the analysis. The application's own queue and worker code (BullMqQueue.enqueue with
// its addBulk and job options, startBullWorker) carry jobs whose processor does nothing, on a
// queue prefix of its own that is removed afterwards. Two views:
//   - round trip: one job at a time, enqueue → a worker picks it → completed, per job;
//   - bulk: N jobs enqueued at once and drained by one worker (concurrency 1), time per job.
// The processor's own time is subtracted from both.
//
//   tsx scripts/bench/queue.ts [--jobs 1000] [--runs 3] [--json]
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger } from '../../src/logger.js';
import { BullMqQueue } from '../../src/queue/bullmq-queue.js';
import { startBullWorker } from '../../src/queue/bullmq-worker.js';
import { connectRedis, whenReady } from '../../src/queue/redis.js';
import { REDIS_URL, removeQueueKeys, uniqueName } from '../lib/services.js';
import { figure, median, printFigures, printJson, repeat, type Figure } from './common.js';

interface QueueRun {
  /** Median enqueue → completed of single jobs, processing subtracted, ms. */
  roundTripMs: number;
  /** Wall time per job of a bulk batch drained by one worker, processing subtracted, ms. */
  bulkMsPerJob: number;
}

async function measureOnce(jobs: number): Promise<QueueRun> {
  const prefix = uniqueName('benchq');
  const log = createLogger('silent');
  const producer = connectRedis(REDIS_URL, 'producer');
  const consumer = connectRedis(REDIS_URL, 'worker');
  if (!(await whenReady(producer, 5000))) throw new Error(`Redis at ${REDIS_URL} is not reachable`);
  const queue = new BullMqQueue({ connection: producer, prefix, attempts: 1 });
  let processingMs = 0;
  const waiters = new Map<string, () => void>();
  const worker = startBullWorker(
    {
      process: async () => {
        const started = performance.now();
        processingMs += performance.now() - started;
      },
      giveUp: async () => {},
    },
    { connection: consumer, prefix, concurrency: 1, lockDurationMs: 30_000 },
    log,
  );
  worker.on('completed', (job) => waiters.get(job.data.documentId)?.());
  const completed = (id: string) => new Promise<void>((resolve) => waiters.set(id, resolve));
  try {
    await worker.waitUntilReady();
    const roundTrips: number[] = [];
    const singles = Math.min(jobs, 200);
    for (let i = 0; i < singles; i++) {
      const id = `single-${i}`;
      const done = completed(id);
      processingMs = 0;
      const started = performance.now();
      await queue.enqueue([id]);
      await done;
      roundTrips.push(performance.now() - started - processingMs);
    }
    const ids = Array.from({ length: jobs }, (_, i) => `bulk-${i}`);
    const allDone = Promise.all(ids.map(completed));
    processingMs = 0;
    const started = performance.now();
    await queue.enqueue(ids);
    await allDone;
    const bulkMs = performance.now() - started - processingMs;
    return { roundTripMs: median(roundTrips.slice(10)), bulkMsPerJob: bulkMs / jobs };
  } finally {
    await worker.close();
    await queue.close();
    await producer.quit();
    await consumer.quit();
    await removeQueueKeys(prefix);
  }
}

export async function benchQueue(options: { jobs: number; runs: number }): Promise<{ jobs: number; figures: Figure[] }> {
  const runs = await repeat(options.runs, () => measureOnce(options.jobs));
  return {
    jobs: options.jobs,
    figures: [
      figure('queue: round trip of one job (enqueue → done)', 'ms/job', runs.map((r) => r.roundTripMs)),
      figure(`queue: ${options.jobs} jobs in bulk, 1 worker`, 'ms/job', runs.map((r) => r.bulkMsPerJob)),
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const { values } = parseArgs({
    options: { jobs: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' }, json: { type: 'boolean', default: false } },
  });
  const report = await benchQueue({ jobs: Number(values.jobs), runs: Number(values.runs) });
  printFigures('queue overhead (no-op jobs through BullMQ)', report.figures);
  if (values.json) printJson(report);
}
