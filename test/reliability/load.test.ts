// Load: 200 concurrent clients upload 2,000 small papers to the real server (BullMQ + PostgreSQL);
// every paper ends done, none is duplicated or lost. Run with 1 and with 2 worker processes.
import { afterAll, describe, expect, it } from 'vitest';
import { startWeb, type WebRole } from '../../src/roles/web.js';
import { compiled, startNode, stopChild, type Child } from '../../scripts/lib/processes.js';
import { recordReliability } from '../support/reliability-log.js';
import { silentLogger, testConfig, waitFor } from '../support/runtime.js';
import { createPgSchema, hasPostgres, hasRedis, removeQueueKeys, REDIS_URL, uniqueName } from '../support/services.js';

const CLIENTS = 200;
const DOCUMENTS = 2000;

const topics = ['sanctions pressure', 'brain drain', 'tax incentives', 'export credit agencies', 'technology transfer', 'import substitution', 'university–industry links', 'semiconductor supply chains'];
const stances = ['weakens exports', 'proved highly effective', 'remains a barrier for SMEs', 'is described in the data section'];

function paper(run: string, i: number): string {
  return `Load paper ${run}-${i}. ${topics[i % topics.length]} ${stances[i % stances.length]}. ` +
    `The ${topics[(i * 7) % topics.length]} of region ${i} ${stances[(i * 3) % stances.length]}.`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

describe.skipIf(!hasRedis || !hasPostgres)(`load: ${CLIENTS} clients upload ${DOCUMENTS} papers`, () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  });

  for (const workerCount of [1, 2]) {
    it(`every paper ends done with ${workerCount} worker process(es)`, async () => {
      const schema = await createPgSchema();
      const prefix = uniqueName('plload');
      const env = {
        REDIS_URL, DATABASE_URL: schema.url, QUEUE_PREFIX: prefix, WORKER_CONCURRENCY: '1', LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MIN: '1000000', RATE_LIMIT_WRITES_PER_MIN: '1000000',
      };
      const web: WebRole = await startWeb(testConfig(env), silentLogger());
      const workers: Child[] = Array.from({ length: workerCount }, () => startNode([compiled('workers/analyze.js')], env));
      cleanups.push(() => schema.drop(), () => removeQueueKeys(prefix), () => web.stop(), ...workers.map((w) => () => stopChild(w, 'SIGKILL')));
      // Let the workers connect before the clock starts.
      await new Promise((resolve) => setTimeout(resolve, 1500));

      const latencies: number[] = [];
      const accepted = new Set<string>();
      let next = 0;
      const started = Date.now();
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          for (let i = next++; i < DOCUMENTS; i = next++) {
            const form = new FormData();
            form.append('files', new Blob([paper(prefix, i)]), `load-${i}.txt`);
            const t0 = performance.now();
            const res = await fetch(`${web.url}/api/documents`, { method: 'POST', body: form });
            latencies.push(performance.now() - t0);
            expect(res.status).toBe(202);
            accepted.add(((await res.json()) as { documents: { id: string }[] }).documents[0]!.id);
          }
        }),
      );
      const uploadedMs = Date.now() - started;
      await waitFor('the queue to drain', async () => {
        const { total } = await web.runtime.services.documents.list({ limit: 1, offset: 0, status: 'done' });
        return total === DOCUMENTS;
      }, 600_000, 500);
      const drainMs = Date.now() - started;

      const { total } = await web.runtime.services.documents.list({ limit: 1, offset: 0 });
      latencies.sort((a, b) => a - b);
      const p95 = Math.round(percentile(latencies, 95));
      const p50 = Math.round(percentile(latencies, 50));
      expect(accepted.size).toBe(DOCUMENTS);
      expect(total).toBe(DOCUMENTS);
      console.log(`load with ${workerCount} worker(s): upload p50 ${p50} ms, p95 ${p95} ms; uploads took ${uploadedMs} ms; drained in ${drainMs} ms (${Math.round((DOCUMENTS / drainMs) * 60_000)} documents/min)`);
      recordReliability({
        suite: `load, ${workerCount} worker(s)`, inputs: DOCUMENTS, faults: 0, submitted: DOCUMENTS, done: total, failed: {},
        duplicates: DOCUMENTS - accepted.size, lost: DOCUMENTS - total,
        notes: `${CLIENTS} clients; upload p50 ${p50} ms, p95 ${p95} ms; drained in ${(drainMs / 1000).toFixed(1)} s`,
      });
    }, 700_000);
  }
});
