// The queue that hands documents to whoever analyzes them: BullMQ on Redis when REDIS_URL is set,
// otherwise a bounded in-process runner. Both carry only document ids.

export const ANALYZE_QUEUE = 'analyze';

export interface AnalyzeJob {
  documentId: string;
}

export interface JobQueue {
  readonly kind: 'bullmq' | 'in-process';
  /**
   * Hands the documents to the queue; throws when the queue cannot take them now. `uploader` (an API
   * key id or a client address) lets the in-process queue take turns between clients; BullMQ keeps
   * one line (see README, Security and limits).
   */
  enqueue(documentIds: string[], uploader?: string): Promise<void>;
  /** Of these documents, the ones that have no job waiting or running in the queue. */
  withoutJob(documentIds: string[]): Promise<string[]>;
  /** True when the queue can take jobs. */
  healthy(): Promise<boolean>;
  /** Share of its memory limit the queue's store uses (Redis used_memory / maxmemory); null when unlimited or unknown. */
  memoryUse(): Promise<number | null>;
  /** Jobs by state (waiting, active, delayed…), for metrics. */
  jobCounts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/** Reports how far a document's analysis got, 0–100. */
export type ProgressReporter = (percent: number) => Promise<void> | void;

export class QueueUnavailableError extends Error {
  override readonly name = 'QueueUnavailableError';
}
