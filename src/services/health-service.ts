// Whether this process can do its work: the database answers and the queue takes jobs.
import type { JobQueue } from '../queue/job-queue.js';
import type { Store } from '../store/database.js';

export interface Health {
  ok: boolean;
  database: { dialect: Store['dialect']; ok: boolean };
  queue: { kind: JobQueue['kind']; ok: boolean };
}

export class HealthService {
  constructor(
    private readonly store: Pick<Store, 'dialect' | 'ping'>,
    private readonly queue: Pick<JobQueue, 'kind' | 'healthy'>,
  ) {}

  async check(): Promise<Health> {
    const [database, queue] = await Promise.all([this.store.ping(), this.queue.healthy()]);
    return { ok: database && queue, database: { dialect: this.store.dialect, ok: database }, queue: { kind: this.queue.kind, ok: queue } };
  }
}
