// The queue without Redis: documents are analyzed in this process, a bounded number at a time, with
// the same retries as BullMQ. Nothing is kept in memory that the database does not also know: after
// a crash, documents left queued or processing are taken again on start (the web role calls
// DocumentService.enqueueUnfinished).
import type { Logger } from '../logger.js';
import type { JobQueue } from './job-queue.js';

export interface InProcessQueueOptions {
  concurrency: number;
  attempts: number;
  /** First retry delay; doubles with each attempt. */
  backoffMs: number;
}

export type JobHandler = (documentId: string) => Promise<void>;
export type GiveUpHandler = (documentId: string, error: Error) => Promise<void>;

export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly pending: string[] = [];
  private readonly known = new Set<string>();
  private running = 0;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly handler: JobHandler,
    private readonly giveUp: GiveUpHandler,
    private readonly options: InProcessQueueOptions,
    private readonly log: Logger,
  ) {}

  async enqueue(documentIds: string[]): Promise<void> {
    for (const id of documentIds) {
      if (this.known.has(id)) continue;
      this.known.add(id);
      this.pending.push(id);
    }
    this.pump();
  }

  async withoutJob(documentIds: string[]): Promise<string[]> {
    return documentIds.filter((id) => !this.known.has(id));
  }

  async healthy(): Promise<boolean> {
    return !this.closed;
  }

  async memoryUse(): Promise<number | null> {
    return null;
  }

  async jobCounts(): Promise<Record<string, number>> {
    return { waiting: this.pending.length, active: this.running };
  }

  /** Resolves when nothing is pending or running (used by the CLI and tests). */
  idle(): Promise<void> {
    if (this.running === 0 && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.pending.length = 0;
    await this.idle();
  }

  private pump(): void {
    while (!this.closed && this.running < this.options.concurrency && this.pending.length) {
      const id = this.pending.shift()!;
      this.running++;
      void this.runWithRetries(id).finally(() => {
        this.running--;
        this.known.delete(id);
        this.pump();
        if (this.running === 0 && this.pending.length === 0) for (const wake of this.idleWaiters.splice(0)) wake();
      });
    }
  }

  private async runWithRetries(id: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.handler(id);
        return;
      } catch (error) {
        const err = error as Error;
        if (attempt >= this.options.attempts || this.closed) {
          this.log.error({ documentId: id, attempt, err: err.message }, 'analysis failed; giving up');
          await this.giveUp(id, err).catch((e: Error) => this.log.error({ documentId: id, err: e.message }, 'could not record the failure'));
          return;
        }
        const delay = this.options.backoffMs * 2 ** (attempt - 1);
        this.log.warn({ documentId: id, attempt, delay, err: err.message }, 'analysis failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}
