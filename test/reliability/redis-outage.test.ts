// Redis dies and comes back while uploads arrive: the API keeps accepting (documents wait in the
// outbox), nothing accepted is lost, nothing is analyzed twice into duplicate rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWeb, type WebRole } from '../../src/roles/web.js';
import { FactorTableRepository } from '../../src/store/factor-table-repository.js';
import { PrivateRedis } from '../support/private-redis.js';
import { compiled, freePort, startNode, stopChild, type Child } from '../../scripts/lib/processes.js';
import { recordReliability } from '../support/reliability-log.js';
import { silentLogger, testConfig, waitFor } from '../support/runtime.js';
import { createPgSchema, hasPostgres, hasRedis } from '../support/services.js';

const UPLOADS = 60;

describe.skipIf(!hasRedis || !hasPostgres)('Redis outage during uploads', () => {
  let redis: PrivateRedis;
  let schema: Awaited<ReturnType<typeof createPgSchema>>;
  let web: WebRole;
  let worker: Child;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    schema = await createPgSchema();
    const env = { REDIS_URL: redis.url, DATABASE_URL: schema.url, QUEUE_LOCK_MS: '1000', WORKER_CONCURRENCY: '2', LOG_LEVEL: 'warn' };
    web = await startWeb(testConfig(env), silentLogger());
    worker = startNode([compiled('workers/analyze.js')], env);
  });

  afterAll(async () => {
    await stopChild(worker, 'SIGKILL');
    await web?.stop();
    await redis?.kill();
    await schema?.drop();
  });

  it('accepts every upload, keeps it, and analyzes all once Redis is back', async () => {
    const accepted: string[] = [];
    const statuses: Record<number, number> = {};
    for (let i = 0; i < UPLOADS; i++) {
      if (i === 20) await redis.kill();
      if (i === 40) await redis.start();
      const form = new FormData();
      form.append('files', new Blob([`Paper ${i}: sanctions pressure and brain drain weaken universities; export support helps SMEs.`]), `outage-${i}.txt`);
      const res = await fetch(`${web.url}/api/documents`, { method: 'POST', body: form });
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status === 202) accepted.push(((await res.json()) as { documents: { id: string }[] }).documents[0]!.id);
      else expect(res.status).toBe(503);
    }
    await waitFor('every accepted upload to be analyzed', async () => {
      const rows = await web.runtime.services.documents.findMany(accepted);
      return rows.length === accepted.length && rows.every((r) => r.status === 'done');
    }, 120_000, 500);

    const { total } = await web.runtime.services.documents.list({ limit: 1, offset: 0 });
    const mentions = await new FactorTableRepository(web.runtime.store.db).mentions({ documents: accepted }, { limit: 100_000, offset: 0 });
    const keys = mentions.map((m) => `${m.document_id}:${m.ordinal}`);
    const duplicates = keys.length - new Set(keys).size;
    expect(total).toBe(accepted.length);
    expect(duplicates).toBe(0);
    recordReliability({
      suite: 'Redis killed and restarted during uploads', inputs: UPLOADS, faults: 2, submitted: UPLOADS, done: accepted.length, failed: {},
      duplicates, lost: UPLOADS - accepted.length - (statuses[503] ?? 0),
      notes: `HTTP statuses ${JSON.stringify(statuses)}; queued jobs wiped by the crash were enqueued again`,
    });
  }, 180_000);
});
