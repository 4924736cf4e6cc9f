// A fixed pool of worker threads that run analyze(). Each task has a time limit and each thread a
// heap limit: a parse that hangs or explodes is killed, its document fails with `timeout` or
// `too_large`, and a fresh thread takes the next task.
import { Worker } from 'node:worker_threads';
import { AnalysisError } from '../analysis/errors.js';
import type { AnalysisResult } from '../analysis/index.js';
import type { DocumentMeta } from '../analysis/types.js';
import type { ThreadReady, ThreadRequest, ThreadResponse } from './protocol.js';

export interface AnalysisPoolOptions {
  size: number;
  timeoutMs: number;
  memoryMb: number;
}

interface Task {
  taskId: number;
  bytes: Uint8Array;
  meta: DocumentMeta;
  resolve(result: AnalysisResult): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** The thread has loaded the analysis and can take a task. */
  ready: boolean;
  task?: Task;
  timer?: NodeJS.Timeout;
}

// Under vitest or tsx the sources are TypeScript: the thread then registers tsx's loader itself
// (Node 20 does not pass --import loaders on to worker threads).
const fromSource = import.meta.url.endsWith('.ts');
const threadUrl = new URL(fromSource ? './analysis-thread.ts' : './analysis-thread.js', import.meta.url);

function startThread(resourceLimits: { maxOldGenerationSizeMb: number }): Worker {
  if (!fromSource) return new Worker(threadUrl, { resourceLimits });
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(threadUrl.href)}); });`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}

export class AnalysisPool {
  private readonly slots = new Set<Slot>();
  private readonly waiting: Task[] = [];
  private nextTaskId = 1;
  private closed = false;

  constructor(private readonly options: AnalysisPoolOptions) {}

  analyze(bytes: Uint8Array, meta: DocumentMeta): Promise<AnalysisResult> {
    if (this.closed) return Promise.reject(new Error('the analysis pool is closed'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ taskId: this.nextTaskId++, bytes, meta, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.reject(new Error('the analysis pool was closed'));
    await Promise.all([...this.slots].map((slot) => this.retire(slot)));
  }

  private dispatch(): void {
    while (this.waiting.length) {
      const slot = [...this.slots].find((s) => s.ready && !s.task);
      if (!slot) {
        // Threads still loading will call dispatch() when ready; start more up to the pool size.
        const loading = [...this.slots].filter((s) => !s.ready).length;
        if (loading < this.waiting.length && this.slots.size < this.options.size) this.spawn();
        return;
      }
      this.run(slot, this.waiting.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = startThread({ maxOldGenerationSizeMb: this.options.memoryMb });
    const slot: Slot = { worker, ready: false };
    worker.on('message', (message: ThreadResponse | ThreadReady) => {
      if ('ready' in message) {
        slot.ready = true;
        this.dispatch();
      } else {
        this.settle(slot, message);
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const failure =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new AnalysisError('too_large', `analysis ran out of memory (limit ${this.options.memoryMb} MB)`)
          : new AnalysisError('internal', `analysis thread crashed: ${error.message}`);
      this.fail(slot, failure);
    });
    worker.on('exit', () => {
      if (this.slots.delete(slot)) this.fail(slot, new AnalysisError('internal', 'analysis thread exited unexpectedly'));
      if (!this.closed) this.dispatch();
    });
    this.slots.add(slot);
    return slot;
  }

  private run(slot: Slot, task: Task): void {
    slot.task = task;
    slot.timer = setTimeout(() => {
      this.fail(slot, new AnalysisError('timeout', `analysis took longer than ${Math.round(this.options.timeoutMs / 1000)} s and was stopped`));
    }, this.options.timeoutMs);
    const request: ThreadRequest = { taskId: task.taskId, bytes: task.bytes, meta: task.meta };
    slot.worker.postMessage(request);
  }

  private settle(slot: Slot, response: ThreadResponse): void {
    const task = slot.task;
    if (!task || task.taskId !== response.taskId) return;
    clearTimeout(slot.timer);
    slot.task = undefined;
    if (response.ok) {
      const { taskId: _taskId, ok: _ok, ...result } = response;
      task.resolve(result);
    } else {
      task.reject(new AnalysisError(response.code, response.message, response.details));
    }
    this.dispatch();
  }

  /** Ends the slot's task with an error and replaces its thread, which may be stuck or broken. */
  private fail(slot: Slot, error: Error): void {
    const task = slot.task;
    clearTimeout(slot.timer);
    slot.task = undefined;
    task?.reject(error);
    // A thread that dies before it is ready cannot load the analysis at all: fail what waits
    // instead of starting threads that would die the same way.
    if (!slot.ready) for (const waiting of this.waiting.splice(0)) waiting.reject(error);
    void this.retire(slot).then(() => this.dispatch());
  }

  private async retire(slot: Slot): Promise<void> {
    clearTimeout(slot.timer);
    if (!this.slots.delete(slot)) return;
    await slot.worker.terminate();
  }
}
