// The analyze queue on Redis (BullMQ). Job id = document id, so a document is queued at most once
// at a time however often it is submitted; the job carries only the id.
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { ANALYZE_QUEUE, QueueUnavailableError, type AnalyzeJob, type JobQueue } from './job-queue.js';

export interface BullQueueOptions {
  connection: Redis;
  prefix: string;
  attempts: number;
}

export class BullMqQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  readonly queue: Queue<AnalyzeJob>;
  private readonly jobOptions: JobsOptions;

  constructor(private readonly options: BullQueueOptions) {
    this.queue = new Queue<AnalyzeJob>(ANALYZE_QUEUE, { connection: options.connection, prefix: options.prefix });
    // Finished jobs are removed: the document row keeps the outcome, and a removed id can be
    // queued again (reanalysis, a retry with a password).
    this.jobOptions = {
      attempts: options.attempts,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: true,
      removeOnFail: true,
    };
  }

  async enqueue(documentIds: string[]): Promise<void> {
    if (documentIds.length === 0) return;
    if (this.options.connection.status !== 'ready') throw new QueueUnavailableError(`Redis is ${this.options.connection.status}`);
    await this.queue.addBulk(
      documentIds.map((documentId) => ({ name: ANALYZE_QUEUE, data: { documentId }, opts: { ...this.jobOptions, jobId: documentId } })),
    );
  }

  async withoutJob(documentIds: string[]): Promise<string[]> {
    const states = await Promise.all(documentIds.map((id) => this.queue.getJobState(id)));
    return documentIds.filter((_, i) => states[i] === 'unknown' || states[i] === 'completed' || states[i] === 'failed');
  }

  async healthy(): Promise<boolean> {
    if (this.options.connection.status !== 'ready') return false;
    try {
      return (await this.options.connection.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async memoryUse(): Promise<number | null> {
    try {
      const info = await this.options.connection.info('memory');
      const used = Number(/^used_memory:(\d+)/m.exec(info)?.[1]);
      const max = Number(/^maxmemory:(\d+)/m.exec(info)?.[1]);
      return max > 0 && Number.isFinite(used) ? used / max : null;
    } catch {
      return null;
    }
  }

  /** Finished jobs are removed (see the constructor), so completed and failed stay near zero. */
  async jobCounts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'paused', 'completed', 'failed');
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
