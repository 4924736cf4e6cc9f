// A BullMQ worker for the analyze queue. The analysis runs in worker threads, so this process's
// event loop stays free to renew job locks; if the process dies, its jobs' locks expire and another
// worker takes them over (stalled-job recovery).
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { ANALYZE_QUEUE, type AnalyzeJob, type ProgressReporter } from './job-queue.js';

export interface BullWorkerOptions {
  connection: Redis;
  prefix: string;
  concurrency: number;
  /** How long a job stays locked without renewal before others consider it stalled. */
  lockDurationMs: number;
}

export interface BullWorkerHandlers {
  process(documentId: string, progress: ProgressReporter): Promise<void>;
  giveUp(documentId: string, error: Error): Promise<void>;
}

export function startBullWorker(handlers: BullWorkerHandlers, options: BullWorkerOptions, log: Logger): Worker<AnalyzeJob> {
  const worker = new Worker<AnalyzeJob>(
    ANALYZE_QUEUE,
    (job) => handlers.process(job.data.documentId, (percent) => job.updateProgress(percent)),
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockDurationMs,
      stalledInterval: Math.max(1000, Math.floor(options.lockDurationMs / 2)),
      maxStalledCount: 2,
    },
  );
  worker.on('failed', (job, error) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || /stalled more than/.test(error.message);
    log.warn({ documentId: job.data.documentId, attempt: job.attemptsMade, final, err: error.message }, 'analysis job failed');
    if (final) void handlers.giveUp(job.data.documentId, error).catch((e: Error) => log.error({ err: e.message }, 'could not record the failure'));
  });
  worker.on('error', (error) => log.error({ err: error.message }, 'queue worker error'));
  return worker;
}
