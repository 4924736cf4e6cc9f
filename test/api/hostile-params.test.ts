// The small holes an attacker probes: prototype names, NUL bytes, huge parameter lists, a failing
// export, impossible page counts, passwords at rest, bidirectional controls, precise messages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { AnalysisError } from '../../src/analysis/errors.js';
import { startWeb, type WebRole } from '../../src/roles/web.js';
import { PasswordBox } from '../../src/services/password-box.js';
import { manyPagePdf } from '../support/garbage.js';
import { silentLogger, testConfig, waitFor } from '../support/runtime.js';
import { createPgSchema, hasPostgres } from '../support/services.js';
import { hasShared, sharedPath } from '../support/shared.js';

/** The stored row, with what the API does not show (the sealed password). */
async function documentRow(web: WebRole, id: string) {
  return (await web.runtime.services.documents.findMany([id]))[0];
}

async function codeOf(res: Response): Promise<string> {
  return `${res.status} ${((await res.json()) as { error?: { code: string } }).error?.code}`;
}

async function upload(url: string, files: { filename: string; bytes: Uint8Array }[], extra: Record<string, unknown> = {}): Promise<Response> {
  return fetch(`${url}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ files: files.map((f) => ({ filename: f.filename, contentBase64: Buffer.from(f.bytes).toString('base64') })), ...extra }),
  });
}

describe.each([
  ['SQLite', false],
  ['PostgreSQL', true],
] as const)('hostile parameters (%s)', (_name, postgres) => {
  let web: WebRole;
  let schema: Awaited<ReturnType<typeof createPgSchema>> | undefined;
  const skip = postgres && !hasPostgres;

  beforeAll(async () => {
    if (skip) return;
    schema = postgres ? await createPgSchema() : undefined;
    web = await startWeb(testConfig(schema ? { DATABASE_URL: schema.url } : {}), silentLogger());
  });
  afterAll(async () => {
    await web?.stop();
    await schema?.drop();
  });

  it.skipIf(skip)('answers 404 for export names of Object.prototype', async () => {
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      expect(await codeOf(await fetch(`${web.url}/api/export/${name}`)), name).toBe('404 not_found');
    }
  });

  it.skipIf(skip)('answers 400 for NUL bytes anywhere in the URL and in a password', async () => {
    for (const path of ['/api/search?q=a%00b', '/api/documents?collection=a%00', '/api/factors?factor=x%00', '/api/export/factors.csv?collection=%00', '/api/documents/abcdef12%00']) {
      expect(await codeOf(await fetch(`${web.url}${path}`)), path).toBe('400 invalid_query');
    }
    const res = await upload(web.url, [{ filename: 'a.txt', bytes: new TextEncoder().encode('Sanctions.') }], { password: 'pass\u0000word' });
    expect(await codeOf(res)).toBe('400 invalid_password');
  });

  it.skipIf(skip)('answers 400 for a parameter list longer than the database takes', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => `c${i}`).join(',');
    for (const path of [`/api/factors?collection=${many}`, `/api/export/factors.csv?document=${many}`, `/api/compare?a=${many}&b=x`]) {
      expect(await codeOf(await fetch(`${web.url}${path}`)), path.slice(0, 30)).toMatch(/^400 /);
    }
  });
});

describe('a failing export', () => {
  let web: WebRole;
  beforeAll(async () => {
    web = await startWeb(testConfig(), silentLogger());
  });
  afterAll(() => web?.stop());

  it('is a JSON error before the first byte, not a 200 cut short', async () => {
    // The rows' table is gone: the first page of rows fails, after the header line was made.
    await web.runtime.store.db.schema.dropTable('document_factors').execute();
    const res = await fetch(`${web.url}/api/export/factors.csv`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toMatch(/json/);
  });
});

describe('documents at rest and in the analysis', () => {
  it('refuses a PDF whose page tree declares a negative page count', async () => {
    const pdf = Buffer.from(manyPagePdf(2).toString('latin1').replace('/Count 2', '/Count -5'), 'latin1');
    const error = await analyze(new Uint8Array(pdf), { filename: 'a.pdf' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnalysisError);
    expect((error as AnalysisError).code).toBe('pdf_invalid');
  });

  it('removes bidirectional control characters from the text and evidence', async () => {
    const text = 'Sanctions pressure \u202eweakens\u202c exports \u2066of\u2069 high-tech goods.\u200f';
    const { text: stored, summary } = await analyze(new TextEncoder().encode(text), { filename: 'a.txt' });
    expect(stored).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.stringify(summary)).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
  });

  it.skipIf(!hasShared)('says OCR is turned off, not missing, when the server turned it off', async () => {
    const bytes = new Uint8Array(readFileSync(sharedPath('pdfs', 'odd', '11_docling_scanned-image-only_en.pdf')));
    const error = (await analyze(bytes, { filename: 'scan.pdf' }).catch((e: unknown) => e)) as AnalysisError;
    expect(error.code).toBe('no_text_layer');
    expect(error.message).toMatch(/turned off/);
  });

  it('seals passwords: another key cannot open them, values from before are read as they are', () => {
    const box = new PasswordBox(Buffer.alloc(32, 1));
    const sealed = box.seal('пароль-1234');
    expect(sealed).not.toContain('1234');
    expect(box.open(sealed)).toBe('пароль-1234');
    expect(new PasswordBox(Buffer.alloc(32, 2)).open(sealed)).toBeUndefined();
    expect(box.open('legacy-plain')).toBe('legacy-plain');
  });

  it.skipIf(!hasShared)('never stores a PDF password in plain text, and still opens the PDF with it', async () => {
    const config = testConfig();
    const web = await startWeb(config, silentLogger());
    try {
      const bytes = new Uint8Array(readFileSync(sharedPath('pdfs', 'odd', '03_docling_password-1234_2col-arxiv.pdf')));
      const res = await upload(web.url, [{ filename: 'locked.pdf', bytes }], { password: 'wrong-secret' });
      const id = ((await res.json()) as { documents: { id: string }[] }).documents[0]!.id;
      const row = await waitFor('the wrong password to be tried', async () => {
        const r = await documentRow(web, id);
        return r?.status === 'needs_password' ? r : undefined;
      });
      expect(row.pdf_password).toMatch(/^enc1:/);
      expect(row.pdf_password).not.toContain('wrong-secret');
      const again = await fetch(`${web.url}/api/documents/${id}/reanalyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: '1234' }) });
      expect(again.status).toBe(202);
      expect((await documentRow(web, id))?.pdf_password).not.toContain('1234');
      await waitFor('the right password to open it', async () => (await documentRow(web, id))?.status === 'done');
      expect(readFileSync(join(config.dataDir, 'password.key'), 'utf8').trim()).toHaveLength(44);
    } finally {
      await web.stop();
      config.cleanup();
    }
  });
});
