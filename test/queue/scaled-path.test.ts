// The scaled path, for real: API → BullMQ on Redis → worker processes → PostgreSQL → query.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../src/paths.js';
import { startWeb, type WebRole } from '../../src/roles/web.js';
import { FactorTableRepository } from '../../src/store/factor-table-repository.js';
import { silentLogger, testConfig, waitFor } from '../support/runtime.js';
import { compiled, startNode, stopChild, type Child } from '../../scripts/lib/processes.js';
import { createPgSchema, hasPostgres, hasRedis, removeQueueKeys, REDIS_URL, uniqueName } from '../support/services.js';

const corpusTexts = readdirSync(corpusDir).filter((n) => n.endsWith('.txt')).map((n) => join(corpusDir, n));

describe.skipIf(!hasRedis || !hasPostgres)('scaled path: API → BullMQ (Redis) → worker processes → PostgreSQL', () => {
  const prefix = uniqueName('pltest');
  let schema: Awaited<ReturnType<typeof createPgSchema>>;
  let env: Record<string, string>;
  let web: WebRole;
  const workers: Child[] = [];

  beforeAll(async () => {
    schema = await createPgSchema();
    env = {
      REDIS_URL,
      DATABASE_URL: schema.url,
      QUEUE_PREFIX: prefix,
      QUEUE_LOCK_MS: '2000',
      WORKER_CONCURRENCY: '1',
      SHUTDOWN_GRACE_S: '5',
      LOG_LEVEL: 'warn',
    };
    const config = testConfig(env);
    web = await startWeb(config, silentLogger());
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => stopChild(w, 'SIGKILL')));
    await web?.stop();
    await removeQueueKeys(prefix);
    await schema?.drop();
  });

  const startWorker = (extra: Record<string, string> = {}) => {
    const worker = startNode([compiled('workers/analyze.js')], { ...env, ...extra });
    workers.push(worker);
    return worker;
  };

  async function upload(name: string, bytes: Uint8Array): Promise<string> {
    const form = new FormData();
    form.append('files', new Blob([bytes]), name);
    const res = await fetch(`${web.url}/api/documents`, { method: 'POST', body: form });
    expect(res.status).toBe(202);
    return ((await res.json()) as { documents: { id: string }[] }).documents[0]!.id;
  }

  const status = async (id: string) => (await web.runtime.services.documents.get(id))?.status;

  it('two workers analyze uploaded papers and the results are queryable through the API', async () => {
    startWorker();
    startWorker();
    const ids = await Promise.all(corpusTexts.map((path) => upload(path.split('/').pop()!, readFileSync(path))));
    await waitFor('all corpus papers done', async () => (await Promise.all(ids.map(status))).every((s) => s === 'done'), 240_000);
    const table = (await (await fetch(`${web.url}/api/factors?limit=1000`)).json()) as { rows: { document_id: string }[] };
    expect(new Set(table.rows.map((r) => r.document_id))).toEqual(new Set(ids));
  }, 300_000);

  it('a worker SIGKILLed mid-job loses nothing: the other worker finishes the job, with no duplicate rows', async () => {
    await Promise.all(workers.splice(0).map((w) => stopChild(w)));
    const victim = startWorker();
    // A long paper, so that the kill lands while the job runs.
    const long = Buffer.from(corpusTexts.map((p) => readFileSync(p, 'utf8')).join('\n\n').repeat(25) + `\n\n${prefix}`);
    const id = await upload('long-paper.txt', new Uint8Array(long));
    await waitFor('the job to start', async () => (await status(id)) === 'processing', 60_000, 20);
    const survivor = startWorker();
    victim.process.kill('SIGKILL');
    await victim.exited;

    await waitFor('the other worker to finish the job', async () => (await status(id)) === 'done', 180_000);
    const row = await web.runtime.services.documents.get(id);
    // The killed attempt never came back and stays counted (poison documents are given up after
    // JOB_ATTEMPTS of those); the survivor's finished attempt does not count.
    expect(row!.attempts).toBe(1);
    const summary = (await web.runtime.services.documents.summary(id))!;
    // One row per counted mention (translations in a parallel abstract are evidence, not rows).
    const evidence = summary.factors.reduce((n, f) => n + f.evidence.filter((e) => e.translationOf === undefined).length, 0);
    const mentions = await new FactorTableRepository(web.runtime.store.db).mentions({ documents: [id] }, { limit: 1_000_000, offset: 0 });
    expect(mentions.length).toBe(evidence);
    expect(new Set(mentions.map((m) => m.ordinal)).size).toBe(mentions.length);
    expect(survivor.process.exitCode).toBeNull();
  }, 300_000);

  it('`policylens ingest` with REDIS_URL shares the corpus between two workers and waits for them', async () => {
    startWorker();
    const cli = startNode([compiled('src/cli/main.js'), 'ingest', corpusDir, '--collection', 'ingest-test'], env);
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toMatch(/Outcome/);
    const listed = await web.runtime.services.documents.list({ limit: 100, offset: 0, collection: 'ingest-test' });
    expect(listed.total).toBeGreaterThanOrEqual(corpusTexts.length);
    expect(listed.rows.every((r) => ['done', 'failed', 'needs_ocr', 'needs_password'].includes(r.status))).toBe(true);
  }, 300_000);

  it('a worker stops cleanly on SIGTERM', async () => {
    const worker = startWorker({ LOG_LEVEL: 'info' });
    await waitFor('the worker to start', async () => worker.output().includes('worker started'), 60_000);
    const code = await stopChild(worker, 'SIGTERM');
    expect(code, worker.output()).toBe(0);

  });
});
