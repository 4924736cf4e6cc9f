// PostgreSQL crashes and restarts while workers analyze: workers retry with backoff and finish; the
// API answers 503 with Retry-After while the database is away, and keeps everything it accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWeb, type WebRole } from '../../src/roles/web.js';
import { PrivatePostgres, postgresBinaries } from '../support/private-postgres.js';
import { compiled, freePort, startNode, stopChild, type Child } from '../../scripts/lib/processes.js';
import { recordReliability } from '../support/reliability-log.js';
import { silentLogger, testConfig, waitFor } from '../support/runtime.js';
import { hasRedis, removeQueueKeys, REDIS_URL, uniqueName } from '../support/services.js';

const UPLOADS = 40;
const canRun = hasRedis && postgresBinaries() !== undefined && process.getuid?.() === 0;
if (!canRun) console.warn('NOTICE: PostgreSQL restart test skipped (needs Redis, PostgreSQL binaries and root to run them as postgres)');

describe.skipIf(!canRun)('PostgreSQL restart while workers run', () => {
  let pg: PrivatePostgres;
  let web: WebRole;
  let worker: Child;
  const prefix = uniqueName('plpgfault');

  beforeAll(async () => {
    pg = new PrivatePostgres(await freePort());
    pg.start();
    const env = { REDIS_URL, DATABASE_URL: pg.url, QUEUE_PREFIX: prefix, JOB_ATTEMPTS: '6', WORKER_CONCURRENCY: '2', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '4' };
    web = await startWeb(testConfig(env), silentLogger());
    worker = startNode([compiled('workers/analyze.js')], { ...env, LOG_LEVEL: 'info' });
    await waitFor('the worker to start', async () => worker.output().includes('worker started'), 30_000);
  });

  afterAll(async () => {
    await stopChild(worker, 'SIGKILL');
    if (process.env.DEBUG_FAULTS) console.log(worker.output().slice(-5000));
    await web?.stop().catch(() => {});
    await removeQueueKeys(prefix);
    pg?.destroy();
  });

  it('finishes every accepted document after the database comes back', async () => {
    const accepted: string[] = [];
    const statuses: Record<number, number> = {};
    let retryAfterSeen = false;
    for (let i = 0; i < UPLOADS; i++) {
      if (i === 15) pg.crash();
      if (i === 30) pg.start();
      const form = new FormData();
      form.append('files', new Blob([`Paper ${prefix} ${i}: import substitution and localisation support regional clusters; the key rate is a barrier.`]), `pg-${i}.txt`);
      const res = await fetch(`${web.url}/api/documents`, { method: 'POST', body: form });
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status === 202) accepted.push(((await res.json()) as { documents: { id: string }[] }).documents[0]!.id);
      else {
        expect(res.status).toBe(503);
        retryAfterSeen ||= Number(res.headers.get('retry-after')) > 0;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(statuses[503] ?? 0).toBeGreaterThan(0);
    expect(retryAfterSeen).toBe(true);

    let last: Record<string, number> = {};
    await waitFor('every accepted document to be analyzed', async () => {
      const rows = await web.runtime.services.documents.findMany(accepted).catch(() => []);
      last = {};
      for (const r of rows) last[r.status] = (last[r.status] ?? 0) + 1;
      return rows.length === accepted.length && rows.every((r) => r.status === 'done');
    }, 120_000, 500).catch((error: Error) => {
      throw new Error(`${error.message}; statuses: ${JSON.stringify(last)} of ${accepted.length}`);
    });
    const { total } = await web.runtime.services.documents.list({ limit: 1, offset: 0 });
    expect(total).toBe(accepted.length);
    recordReliability({
      suite: 'PostgreSQL crashed and restarted', inputs: UPLOADS, faults: 2, submitted: UPLOADS, done: accepted.length, failed: {},
      duplicates: total - new Set(accepted).size, lost: 0,
      notes: `HTTP statuses ${JSON.stringify(statuses)} (503 + Retry-After while the database was down, nothing stored)`,
    });
  }, 200_000);
});
