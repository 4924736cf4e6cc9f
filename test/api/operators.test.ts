// What an operator gets: an access log with request ids, analysis log lines with filename and
// duration, Prometheus metrics, the OpenAPI description generated from the routes' schemas, and
// the BullMQ dashboard behind the API key in scaled mode.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { createLogger } from '../../src/logger.js';
import { corpusDir } from '../../src/paths.js';
import { BullMqQueue } from '../../src/queue/bullmq-queue.js';
import { apiSettings } from '../../src/roles/web.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { testConfig, waitFor } from '../support/runtime.js';
import { hasRedis, REDIS_URL, removeQueueKeys, uniqueName } from '../support/services.js';

const PAPER = 'en-2-brain-drain-human-capital.txt';

describe('operators on one process (SQLite, in-process queue)', () => {
  const lines: Record<string, unknown>[] = [];
  let runtime: Runtime;
  let app: ReturnType<typeof createApp>;
  let config: ReturnType<typeof testConfig>;

  beforeAll(async () => {
    config = testConfig();
    const log = createLogger('info', 'policylens', { write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    runtime = await createRuntime(config, { analyze: true, log });
    app = createApp(runtime.services, apiSettings(config), runtime.log);
    const res = await request(app).post('/api/documents').attach('files', readFileSync(join(corpusDir, PAPER)), PAPER).expect(202);
    const id = res.body.documents[0].id as string;
    await waitFor('the paper to be analyzed', async () => (await runtime.services.documents.get(id))?.status === 'done', 60_000, 100);
  }, 90_000);

  afterAll(async () => {
    await runtime?.close();
    config?.cleanup();
  });

  it('logs each API request once with its request id, returned to the client (or taken from it)', async () => {
    const made = await request(app).get('/api/documents').expect(200);
    const id = made.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const given = await request(app).get('/api/factors?factor=astrology').set('X-Request-Id', 'trace-42').expect(400);
    expect(given.headers['x-request-id']).toBe('trace-42');
    const access = lines.filter((l) => l.msg === 'request completed' || l.msg === 'request errored');
    expect(access.find((l) => (l.req as { id: string }).id === id)).toMatchObject({ level: 30, req: { method: 'GET', url: '/api/documents' }, res: { status: 200 }, responseTime: expect.any(Number) });
    expect(access.find((l) => (l.req as { id: string }).id === 'trace-42')).toMatchObject({ level: 40, res: { status: 400 } });
    // Headers (API keys among them) are not logged.
    expect(JSON.stringify(access)).not.toMatch(/authorization|user-agent/i);
  });

  it('logs each analysis with its filename and duration', () => {
    expect(lines.find((l) => l.msg === 'document analyzed')).toMatchObject({ filename: PAPER, ms: expect.any(Number), words: expect.any(Number) });
  });

  it('serves Prometheus metrics: documents by status, queue jobs by state, analysis time, requests', async () => {
    const res = await request(app).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toMatch(/^policylens_documents\{status="done"\} 1$/m);
    expect(res.text).toMatch(/^policylens_queue_jobs\{queue="in-process",state="waiting"\} 0$/m);
    expect(res.text).toMatch(/^policylens_analysis_duration_seconds_count\{outcome="done"\} 1$/m);
    expect(res.text).toMatch(/^policylens_http_requests_total\{method="POST",status="2xx"\} 1$/m);
    expect(res.text).toMatch(/^policylens_process_resident_memory_bytes \d+/m);
  });

  it('describes the API in OpenAPI 3.1 from the schemas the routes validate with', async () => {
    const doc = (await request(app).get('/api/openapi.json').expect(200)).body;
    expect(doc.openapi).toBe('3.1.0');
    const factors = doc.paths['/api/factors'].get;
    const names = factors.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['group', 'sort', 'complete', 'factor', 'stance', 'year', 'limit', 'offset']));
    // Every parameter schema is valid JSON Schema 2020-12, and the route agrees with it: a value the
    // schema lists is accepted, one it rejects is refused.
    const ajv = new Ajv2020({ strict: false });
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { parameters?: { schema: object }[] }>>)) {
      for (const op of Object.values(item)) for (const p of op.parameters ?? []) expect(() => ajv.compile(p.schema), path).not.toThrow();
    }
    const group = factors.parameters.find((p: { name: string }) => p.name === 'group').schema;
    expect(group.enum).toEqual(['document', 'factor']);
    for (const value of group.enum) await request(app).get(`/api/factors?group=${value}`).expect(200);
    expect(ajv.validate(group, 'paper')).toBe(false);
    await request(app).get('/api/factors?group=paper').expect(400);
    const limit = factors.parameters.find((p: { name: string }) => p.name === 'limit').schema;
    expect(limit).toMatchObject({ type: 'integer', minimum: 1, maximum: 1000 });
    await request(app).get(`/api/factors?limit=${limit.maximum + 1}`).expect(400);
    expect(doc.paths['/api/documents'].post.requestBody.content['application/json'].schema.required).toEqual(['files']);
  });
});

describe.skipIf(!hasRedis)('the queue dashboard in scaled mode', () => {
  const prefix = uniqueName('plbb');
  let runtime: Runtime;
  let app: ReturnType<typeof createApp>;
  let config: ReturnType<typeof testConfig>;
  let key: string;

  beforeAll(async () => {
    config = testConfig({ REDIS_URL, QUEUE_PREFIX: prefix });
    runtime = await createRuntime(config, { analyze: false, log: createLogger('silent') });
    const queue = runtime.queue as BullMqQueue;
    app = createApp(runtime.services, apiSettings(config), runtime.log, { dashboardQueues: [queue.queue] });
    ({ key } = await runtime.services.apiKeys.create('operator'));
  });

  afterAll(async () => {
    await runtime?.close();
    await removeQueueKeys(prefix);
    config?.cleanup();
  });

  it('asks for the API key by basic auth, then shows the analyze queue with a CSP relaxed for it alone', async () => {
    const refused = await request(app).get('/admin/queues').expect(401);
    expect(refused.headers['www-authenticate']).toMatch(/^Basic realm="PolicyLens queues"/);
    await request(app).get('/admin/queues').auth('admin', 'pl_wrong_key').expect(401);
    const page = await request(app).get('/admin/queues').auth('admin', key).expect(200);
    expect(page.text).toContain('PolicyLens queues');
    expect(page.headers['content-security-policy']).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    const queues = await request(app).get('/admin/queues/api/queues').auth('admin', key).expect(200);
    expect(JSON.stringify(queues.body)).toContain('"analyze"');
    const api = await request(app).get('/api/health').expect(200);
    expect(api.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
  });
});
