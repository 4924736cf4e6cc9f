// A fixed pool of analysis runners (child processes or worker threads, see runners.ts). Each task
// has a time limit and each runner a memory limit: a parse that hangs or explodes is killed, its
// document fails with `timeout` or `too_large` (or `crashed` when the runner died on its own), and
// a fresh runner takes the next task. A runner holds one task at a time, so a death takes only
// that document with it.
import { AnalysisError } from '../analysis/errors.js';
import type { AnalysisResult } from '../analysis/index.js';
import type { DocumentMeta } from '../analysis/types.js';
import type { AnalysisResponse, RunnerReady } from './protocol.js';
import { startRunner, type Isolation, type Runner } from './runners.js';

export interface AnalysisPoolOptions {
  size: number;
  timeoutMs: number;
  memoryMb: number;
  /** Child processes (the default: native memory is bounded too) or worker threads. */
  isolation?: Isolation;
}

interface Task {
  taskId: number;
  bytes: Uint8Array;
  meta: DocumentMeta;
  resolve(result: AnalysisResult): void;
  reject(error: Error): void;
}

interface Slot {
  runner: Runner;
  /** The runner has loaded the analysis and can take a task. */
  ready: boolean;
  task?: Task;
  timer?: NodeJS.Timeout;
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
    while (this.waiting.length && !this.closed) {
      const slot = [...this.slots].find((s) => s.ready && !s.task);
      if (!slot) {
        // Runners still loading will call dispatch() when ready; start more up to the pool size.
        const loading = [...this.slots].filter((s) => !s.ready).length;
        if (loading < this.waiting.length && this.slots.size < this.options.size) this.spawn();
        return;
      }
      this.run(slot, this.waiting.shift()!);
    }
  }

  private spawn(): void {
    const slot = {} as Slot;
    slot.ready = false;
    slot.runner = startRunner(this.options.isolation ?? 'process', this.options.memoryMb, {
      onMessage: (message: AnalysisResponse | RunnerReady) => {
        if ('ready' in message) {
          slot.ready = true;
          this.dispatch();
        } else this.settle(slot, message);
      },
      onDeath: (error) => {
        if (this.slots.delete(slot)) this.fail(slot, error);
        this.dispatch();
      },
    });
    this.slots.add(slot);
  }

  private run(slot: Slot, task: Task): void {
    slot.task = task;
    slot.timer = setTimeout(() => {
      this.fail(slot, new AnalysisError('timeout', `analysis took longer than ${Math.round(this.options.timeoutMs / 1000)} s and was stopped`));
    }, this.options.timeoutMs);
    slot.runner.send({ taskId: task.taskId, bytes: task.bytes, meta: task.meta });
  }

  private settle(slot: Slot, response: AnalysisResponse): void {
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

  /** Ends the slot's task with an error and replaces its runner, which may be stuck or broken. */
  private fail(slot: Slot, error: AnalysisError): void {
    const task = slot.task;
    clearTimeout(slot.timer);
    slot.task = undefined;
    task?.reject(error);
    // A runner that dies before it is ready cannot load the analysis at all: fail what waits
    // instead of starting runners that would die the same way.
    if (!slot.ready) for (const waiting of this.waiting.splice(0)) waiting.reject(error);
    void this.retire(slot).then(() => this.dispatch());
  }

  private async retire(slot: Slot): Promise<void> {
    clearTimeout(slot.timer);
    this.slots.delete(slot);
    await slot.runner.stop();
  }
}
