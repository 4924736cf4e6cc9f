// The HTTP API on the embedded defaults: SQLite and the in-process worker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { apiSettings } from '../../src/roles/web.js';
import { corpusDir } from '../../src/paths.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { validateSummary } from '../support/schema.js';
import { silentLogger, testConfig, waitFor } from '../support/runtime.js';

const config = testConfig();
let runtime: Runtime;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  runtime = await createRuntime(config, { analyze: true, log: silentLogger() });
  app = createApp(runtime.services, apiSettings(config), runtime.log);
});

afterAll(async () => {
  await runtime.close();
  config.cleanup();
});

const paper = readFileSync(join(corpusDir, 'ru-1-sanctions-high-tech-exports.txt'));

async function waitUntilFinished(id: string) {
  return waitFor(`document ${id} to finish`, async () => {
    const res = await request(app).get(`/api/documents/${id}`);
    return ['queued', 'processing'].includes(res.body.document.status) ? undefined : res.body;
  });
}

describe('POST /api/documents', () => {
  it('accepts a text paper with a Cyrillic filename, analyzes it and returns a valid Summary', async () => {
    const res = await request(app)
      .post('/api/documents')
      .field('collection', 'санкции')
      .attach('files', paper, { filename: 'Санкции и экспорт.txt', contentType: 'text/plain' })
      .expect(202);
    const [doc] = res.body.documents;
    expect(doc).toMatchObject({ filename: 'Санкции и экспорт.txt', status: 'queued', created: true });
    expect(doc.id).toMatch(/^[0-9a-f]{64}$/);

    const body = await waitUntilFinished(doc.id);
    expect(body.document).toMatchObject({ status: 'done', language: 'ru', collections: ['санкции'] });
    validateSummary(body.summary);
    expect(body.summary.document.id).toBe(doc.id);
    expect(body.summary.document.words).toBeGreaterThan(800);

    const text = await request(app).get(`/api/documents/${doc.id}/text`).expect(200);
    expect(text.type).toBe('text/plain');
    const evidence = body.summary.factors.flatMap((f: { evidence: { start: number; end: number; sentence: string }[] }) => f.evidence);
    for (const e of evidence) expect(text.text.slice(e.start, e.end)).toBe(e.sentence);
  });

  it('returns the existing document when the same bytes are uploaded again', async () => {
    const first = await request(app).post('/api/documents').attach('files', paper, 'again.txt').expect(202);
    expect(first.body.documents[0].created).toBe(false);
    const list = await request(app).get('/api/documents').expect(200);
    expect(list.body.documents.filter((d: { id: string }) => d.id === first.body.documents[0].id)).toHaveLength(1);
  });

  it('takes papers as JSON too, with a publication year', async () => {
    const content = Buffer.from('Sanctions pressure reduced high-tech exports. Brain drain weakens universities.');
    const res = await request(app)
      .post('/api/documents')
      .send({ files: [{ filename: 'note.txt', contentBase64: content.toString('base64') }], collection: 'json', year: 2021 })
      .expect(202);
    expect(res.body.documents[0]).toMatchObject({ filename: 'note.txt', year: 2021 });
    const badYear = await request(app).post('/api/documents').field('year', '20x1').attach('files', content, 'x.txt').expect(400);
    expect(badYear.body.error.code).toBe('invalid_year');
    await waitUntilFinished(res.body.documents[0].id);
  });

  it('rejects an empty file with 422 and a file that only claims to be a PDF with 415', async () => {
    const empty = await request(app).post('/api/documents').attach('files', Buffer.alloc(0), 'empty.txt').expect(422);
    expect(empty.body.error.code).toBe('empty_file');
    const fake = await request(app).post('/api/documents').attach('files', Buffer.from('this is not a PDF at all, just text'), 'paper.pdf').expect(415);
    expect(fake.body.error).toMatchObject({ code: 'unsupported_media_type' });
    expect(fake.body.error.message).toMatch(/PDF/);
  });

  it('rejects binary junk with 415 and keeps the good files of the same request', async () => {
    const junk = Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x00, 0x10, 0x80, 0x00]);
    const res = await request(app)
      .post('/api/documents')
      .attach('files', junk, 'junk.bin')
      .attach('files', Buffer.from('Import substitution and localisation support regional clusters.'), 'ok.txt')
      .expect(202);
    expect(res.body.documents).toHaveLength(1);
    expect(res.body.rejected).toEqual([{ filename: 'junk.bin', error: expect.objectContaining({ code: 'unsupported_media_type' }) }]);
  });

  it('answers 400 when no file is sent', async () => {
    const res = await request(app).post('/api/documents').field('collection', 'x').expect(400);
    expect(res.body.error.code).toBe('no_files');
  });
});

describe('reading', () => {
  it('lists documents with paging and filters by collection', async () => {
    const res = await request(app).get('/api/documents?limit=1&collection=санкции').expect(200);
    expect(res.body).toMatchObject({ total: 1, limit: 1, offset: 0 });
    expect(res.body.documents[0].collections).toContain('санкции');
  });

  it('serves the factor table, filtered by factor and collection', async () => {
    const all = await request(app).get('/api/factors?collection=санкции&limit=1000').expect(200);
    expect(all.body.rows.length).toBeGreaterThan(0);
    const factor = all.body.rows[0].factor;
    const one = await request(app).get(`/api/factors?factor=${factor}&collection=санкции`).expect(200);
    expect(one.body.rows.every((r: { factor: string }) => r.factor === factor)).toBe(true);
    const evidence = await request(app).get(`/api/factors/${factor}?collection=санкции&limit=1000`).expect(200);
    expect(evidence.body.mentions.length).toBe(one.body.rows.reduce((n: number, r: { mentions: number }) => n + r.mentions, 0));
  });

  it('answers JSON errors for unknown documents, bad parameters and unknown routes', async () => {
    expect((await request(app).get('/api/documents/nothex').expect(404)).body.error.code).toBe('not_found');
    expect((await request(app).get(`/api/documents/${'0'.repeat(64)}`).expect(404)).body.error.code).toBe('not_found');
    expect((await request(app).get('/api/documents?limit=-3').expect(400)).body.error.code).toBe('invalid_query');
    expect((await request(app).get('/api/factors?stance=angry').expect(400)).body.error.code).toBe('invalid_query');
    expect((await request(app).get('/api/nothing').expect(404)).body.error.code).toBe('not_found');
  });

  it('reports health of the database and the queue', async () => {
    const res = await request(app).get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { dialect: 'sqlite', ok: true }, queue: { kind: 'in-process', ok: true } });
  });

  it('serves the pages with a strict Content-Security-Policy', async () => {
    const res = await request(app).get('/').expect(200);
    expect(res.text).toContain('<form id="upload"');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    await request(app).get('/document.html').expect(200);
  });
});
