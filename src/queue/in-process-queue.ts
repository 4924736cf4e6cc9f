// The queue without Redis: documents are analyzed in this process, a bounded number at a time, with
// the same retries as BullMQ. Nothing is kept in memory that the database does not also know: after
// a crash, documents left queued or processing are taken again on start (the web role calls
// DocumentService.enqueueUnfinished). Uploaders take turns: a free slot goes to the waiting
// uploader with the fewest analyses running, so a client that queues a thousand documents does not
// keep another client's upload waiting behind them.
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
  /** Waiting documents by uploader, each with the turn it was last served at (0: not yet). */
  private readonly pending = new Map<string, { ids: string[]; servedAt: number }>();
  /** Analyses running, by uploader. */
  private readonly runningBy = new Map<string, number>();
  private readonly known = new Set<string>();
  private running = 0;
  private turn = 0;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly handler: JobHandler,
    private readonly giveUp: GiveUpHandler,
    private readonly options: InProcessQueueOptions,
    private readonly log: Logger,
  ) {}

  async enqueue(documentIds: string[], uploader = ''): Promise<void> {
    for (const id of documentIds) {
      if (this.known.has(id)) continue;
      this.known.add(id);
      const waiting = this.pending.get(uploader);
      if (waiting) waiting.ids.push(id);
      else this.pending.set(uploader, { ids: [id], servedAt: 0 });
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
    let waiting = 0;
    for (const { ids } of this.pending.values()) waiting += ids.length;
    return { waiting, active: this.running };
  }

  /** Resolves when nothing is pending or running (used by the CLI and tests). */
  idle(): Promise<void> {
    if (this.running === 0 && this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.pending.clear();
    await this.idle();
  }

  private pump(): void {
    while (!this.closed && this.running < this.options.concurrency && this.pending.size) {
      const { id, uploader } = this.takeNext();
      this.running++;
      this.runningBy.set(uploader, (this.runningBy.get(uploader) ?? 0) + 1);
      void this.runWithRetries(id).finally(() => {
        this.running--;
        const left = this.runningBy.get(uploader)! - 1;
        if (left) this.runningBy.set(uploader, left);
        else this.runningBy.delete(uploader);
        this.known.delete(id);
        this.pump();
        if (this.running === 0 && this.pending.size === 0) for (const wake of this.idleWaiters.splice(0)) wake();
      });
    }
  }

  /**
   * The next document of the waiting uploader with the fewest analyses running, and of those the one
   * served longest ago (a newcomer first): O(uploaders waiting) per document.
   */
  private takeNext(): { id: string; uploader: string } {
    let best: { uploader: string; running: number; servedAt: number } | undefined;
    for (const [uploader, { servedAt }] of this.pending) {
      const running = this.runningBy.get(uploader) ?? 0;
      if (!best || running < best.running || (running === best.running && servedAt < best.servedAt)) best = { uploader, running, servedAt };
    }
    const waiting = this.pending.get(best!.uploader)!;
    const id = waiting.ids.shift()!;
    waiting.servedAt = ++this.turn;
    if (waiting.ids.length === 0) this.pending.delete(best!.uploader);
    return { id, uploader: best!.uploader };
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
