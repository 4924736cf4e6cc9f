// A document whose analysis kills the server each time (simulated: the server and its analysis
// processes are SIGKILLed mid-analysis, as an out-of-memory kill of the service would) is taken
// again after each restart until JOB_ATTEMPTS attempts are used, then ends `failed/crashed`: the
// server does not crash-loop on start, and goes on analyzing other papers.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../src/paths.js';
import { startWeb, type WebRole } from '../../src/roles/web.js';
import { openStore } from '../../src/store/database.js';
import { DocumentsRepository } from '../../src/store/documents-repository.js';
import { compiled, killWithChildren, startNode, type Child } from '../../scripts/lib/processes.js';
import { recordReliability } from '../support/reliability-log.js';
import { silentLogger, testConfig, waitFor } from '../support/runtime.js';
import { createPgSchema, hasPostgres, hasRedis, removeQueueKeys, REDIS_URL, uniqueName } from '../support/services.js';
import { UNCAUGHT, startServer, type ServerProcess } from '../support/server-process.js';

const ATTEMPTS = 3;
const corpus = readdirSync(corpusDir).filter((n) => n.endsWith('.txt')).map((n) => readFileSync(join(corpusDir, n), 'utf8')).join('\n\n');

async function documentRow(web: WebRole, id: string) {
  return (await web.runtime.services.documents.findMany([id]))[0];
}

async function upload(url: string, filename: string, text: string): Promise<string> {
  const res = await fetch(`${url}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ files: [{ filename, contentBase64: Buffer.from(text).toString('base64') }] }),
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { documents: { id: string }[] }).documents[0]!.id;
}

describe('a poison document across restarts (default mode: no Redis)', () => {
  const config = testConfig();
  const env = { DATA_DIR: config.dataDir, JOB_ATTEMPTS: String(ATTEMPTS), WORKER_CONCURRENCY: '1', ANALYSIS_TIMEOUT_S: '600' };
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    config.cleanup();
  });

  it(`ends failed/crashed after ${ATTEMPTS} attempts that took the service down, without a crash loop`, async () => {
    const store = await openStore({ dataDir: config.dataDir });
    const documents = new DocumentsRepository(store.db);
    try {
      server = await startServer(env);
      const poison = await upload(server.url, 'poison.txt', corpus.repeat(40));
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        if (attempt > 1) server = await startServer(env);
        // The attempt is in the database before the analysis runs; then the service dies.
        await waitFor(`attempt ${attempt} to start`, async () => (await documents.get(poison))?.attempts === attempt);
        await killWithChildren(server.child);
      }
      server = await startServer(env);
      const given = await waitFor('the poison document to be given up', async () => {
        const row = await documents.get(poison);
        return row?.status === 'failed' ? row : undefined;
      });
      expect(given.error_code).toBe('crashed');
      expect(given.attempts).toBe(ATTEMPTS);
      const paper = await upload(server.url, 'paper.txt', 'Sanctions pressure weakens exports; import substitution supports producers.');
      await waitFor('a normal paper to be analyzed', async () => (await documents.get(paper))?.status === 'done');
      expect(server.alive()).toBe(true);
      expect(server.child.output()).not.toMatch(UNCAUGHT);
      recordReliability({
        suite: 'poison document across restarts (default mode)', inputs: 2, faults: ATTEMPTS, submitted: 2, done: 1, failed: { crashed: 1 }, duplicates: 0, lost: 0,
        notes: `service SIGKILLed mid-analysis ${ATTEMPTS} times; the next start gives the document up, then analyzes a paper`,
      });
    } finally {
      await store.close();
    }
  }, 180_000);
});

describe.skipIf(!hasRedis || !hasPostgres)('a poison document across worker deaths (scaled mode: BullMQ)', () => {
  const prefix = uniqueName('plpoison');
  let schema: Awaited<ReturnType<typeof createPgSchema>>;
  let web: WebRole;
  const workers: Child[] = [];

  afterAll(async () => {
    await Promise.all(workers.map((w) => killWithChildren(w)));
    await web?.stop();
    await removeQueueKeys(prefix);
    await schema?.drop();
  });

  it(`ends failed/crashed after the workers analyzing it died ${ATTEMPTS} times`, async () => {
    schema = await createPgSchema();
    const env = { REDIS_URL, DATABASE_URL: schema.url, QUEUE_PREFIX: prefix, QUEUE_LOCK_MS: '1000', JOB_ATTEMPTS: String(ATTEMPTS), WORKER_CONCURRENCY: '1', LOG_LEVEL: 'warn' };
    web = await startWeb(testConfig(env), silentLogger());
    const startWorker = () => {
      const worker = startNode([compiled('workers/analyze.js')], env);
      workers.push(worker);
      return worker;
    };
    const poison = await upload(web.url, 'poison.txt', corpus.repeat(40));
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const worker = startWorker();
      await waitFor(`attempt ${attempt} to start`, async () => (await documentRow(web, poison))?.attempts === attempt, 60_000);
      await killWithChildren(worker);
    }
    startWorker();
    const given = await waitFor('the poison document to be given up', async () => {
      const row = await documentRow(web, poison);
      return row?.status === 'failed' ? row : undefined;
    }, 60_000);
    expect(given.error_code).toBe('crashed');
    const paper = await upload(web.url, 'paper.txt', 'Sanctions pressure weakens exports; import substitution supports producers.');
    await waitFor('a normal paper to be analyzed', async () => (await documentRow(web, paper))?.status === 'done', 60_000);
    recordReliability({
      suite: 'poison document across worker deaths (BullMQ)', inputs: 2, faults: ATTEMPTS, submitted: 2, done: 1, failed: { crashed: 1 }, duplicates: 0, lost: 0,
      notes: `the worker analyzing it SIGKILLed ${ATTEMPTS} times; the next worker gives it up, then analyzes a paper`,
    });
  }, 180_000);
});
