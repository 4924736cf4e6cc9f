// Abuse: API keys for writes beyond loopback, rate limits, headers, hostile filenames, fuzzed queries.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { apiSettings } from '../../src/roles/web.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { silentLogger, testConfig } from '../support/runtime.js';

async function appWith(env: Record<string, string>) {
  const config = testConfig(env);
  const runtime = await createRuntime(config, { analyze: true, log: silentLogger() });
  return { runtime, app: createApp(runtime.services, apiSettings(config), runtime.log), async close() { await runtime.close(); config.cleanup(); } };
}

describe('API keys when the server listens beyond loopback', () => {
  let ctx: Awaited<ReturnType<typeof appWith>>;
  beforeAll(async () => { ctx = await appWith({ HOST: '0.0.0.0' }); });
  afterAll(() => ctx.close());

  it('refuses writes without a key, takes them with one, and refuses a revoked key', async () => {
    const file = Buffer.from('Sanctions and export controls cut supply chains.');
    const missing = await request(ctx.app).post('/api/documents').attach('files', file, 'a.txt').expect(401);
    expect(missing.body.error.code).toBe('api_key_required');
    await request(ctx.app).get('/api/documents').expect(200);

    const { id, key } = await ctx.runtime.services.apiKeys.create('test');
    await request(ctx.app).post('/api/documents').set('Authorization', `Bearer ${key}`).attach('files', file, 'a.txt').expect(202);
    expect((await ctx.runtime.services.apiKeys.list()).find((k) => k.id === id)?.last_used_at).toBeTruthy();
    await ctx.runtime.services.apiKeys.revoke(id);
    const revoked = await request(ctx.app).post('/api/documents').set('X-API-Key', key).attach('files', file, 'a.txt').expect(401);
    expect(revoked.body.error.code).toBe('invalid_api_key');
  });

  it('stores only a hash of each key', async () => {
    const { key } = await ctx.runtime.services.apiKeys.create('hashed');
    const rows = await ctx.runtime.store.db.selectFrom('api_keys').selectAll().execute();
    expect(rows.some((r) => r.key_hash.includes(key) || key.includes(r.key_hash))).toBe(false);
  });
});

describe('limits and headers on loopback', () => {
  let ctx: Awaited<ReturnType<typeof appWith>>;
  beforeAll(async () => { ctx = await appWith({ RATE_LIMIT_PER_MIN: '40', RATE_LIMIT_WRITES_PER_MIN: '3', MAX_UPLOAD_MB: '0.01' }); });
  afterAll(() => ctx.close());

  it('needs no key on loopback, limits writes per client with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await request(ctx.app).post('/api/documents').attach('files', Buffer.from(`Brain drain ${i} weakens universities.`), `${i}.txt`);
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
  });

  it('answers 413 for a file over the upload limit', async () => {
    const res = await request(ctx.app).post('/api/documents').attach('files', Buffer.alloc(20_000, 'a'), 'big.txt');
    expect([413, 429]).toContain(res.status);
  });

  it('sends a strict Content-Security-Policy without inline scripts', async () => {
    const res = await request(ctx.app).get('/').expect(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.text).not.toMatch(/<script>(?!\s*<\/script>)/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('hostile input', () => {
  let ctx: Awaited<ReturnType<typeof appWith>>;
  beforeAll(async () => { ctx = await appWith({}); });
  afterAll(() => ctx.close());

  it('strips paths, control and bidi characters from filenames', async () => {
    const res = await request(ctx.app)
      .post('/api/documents')
      .attach('files', Buffer.from('Technology transfer and absorption.'), { filename: '../../etc/pass\u202Ewd\u200F.txt' })
      .expect(202);
    expect(res.body.documents[0].filename).toBe('passwd.txt');
    const broken = await request(ctx.app).post('/api/documents').attach('files', Buffer.from('x'), { filename: 'bell\u0007.txt' }).expect(400);
    expect(broken.body.error.code).toBe('malformed_multipart');
  });

  it('never answers 500 to fuzzed query parameters', async () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
    const values = ['', '-1', '0', '1e309', 'NaN', '99999999999999999999', "' OR 1=1 --", '%00', '😀', 'санкции', '[]', '{}', 'a'.repeat(5000), 'null', 'true', '../..', '%E0%A4%A'];
    const keys = ['limit', 'offset', 'status', 'collection', 'document', 'factor', 'stance', 'language', 'limit[a]', 'factor[0][1]', 'document[]', '__proto__', 'constructor[prototype]'];
    const paths = ['/api/documents', '/api/factors', '/api/factors/sanctions/evidence', '/api/documents/abcdef12', '/api/documents/abcdef12/text', '/api/codebook', '/api/health'];
    const failures: string[] = [];
    for (let i = 0; i < 300; i++) {
      const query = Array.from({ length: 1 + Math.floor(random() * 4) }, () => `${encodeURIComponent(pick(keys)).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(pick(values))}`).join('&');
      const url = `${pick(paths)}?${query}`;
      const res = await request(ctx.app).get(url);
      if (res.status >= 500 && !(url.startsWith('/api/health') && res.status === 503)) failures.push(`${res.status} ${url}`);
    }
    expect(failures).toEqual([]);
  });
});
