// Whether this process can do its work: the database answers, the queue takes jobs and has memory
// left (Redis at maxmemory refuses writes), and the disk under DATA_DIR has room.
import { statfs } from 'node:fs/promises';
import type { JobQueue } from '../queue/job-queue.js';
import type { Store } from '../store/database.js';

/** Redis this full (of maxmemory, with noeviction) refuses writes soon: job updates start failing. */
const QUEUE_MEMORY_PRESSURE = 0.9;

export interface Health {
  ok: boolean;
  database: { dialect: Store['dialect']; ok: boolean };
  /** memoryUse: share of Redis's maxmemory in use, when it has one. */
  queue: { kind: JobQueue['kind']; ok: boolean; memoryUse?: number };
  disk: { ok: boolean; freeMb: number | null };
}

export interface DiskCheck {
  /** DATA_DIR: where SQLite, the password key and uploads' temporary state live. */
  dataDir: string;
  minFreeMb: number;
}

export class HealthService {
  constructor(
    private readonly store: Pick<Store, 'dialect' | 'ping'>,
    private readonly queue: Pick<JobQueue, 'kind' | 'healthy' | 'memoryUse'>,
    private readonly disk: DiskCheck,
  ) {}

  async check(): Promise<Health> {
    const [database, reachable, freeMb] = await Promise.all([this.store.ping(), this.queue.healthy(), this.freeDiskMb()]);
    const memoryUse = reachable ? await this.queue.memoryUse() : null;
    const queueOk = reachable && (memoryUse === null || memoryUse < QUEUE_MEMORY_PRESSURE);
    const diskOk = freeMb === null || freeMb >= this.disk.minFreeMb;
    return {
      ok: database && queueOk && diskOk,
      database: { dialect: this.store.dialect, ok: database },
      queue: { kind: this.queue.kind, ok: queueOk, ...(memoryUse !== null ? { memoryUse: Math.round(memoryUse * 100) / 100 } : {}) },
      disk: { ok: diskOk, freeMb },
    };
  }

  private freeDiskMb(): Promise<number | null> {
    return statfs(this.disk.dataDir).then((s) => Math.floor((s.bavail * s.bsize) / 2 ** 20), () => null);
  }
}
