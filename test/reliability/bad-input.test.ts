// Every bad or tricky file ends with a clear status and message, and the worker goes on with the
// next document. Runs the real service: upload check → queue → analysis sandbox → store.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisError } from '../../src/analysis/errors.js';
import { ingest } from '../../src/cli/commands/ingest.js';
import { corpusDir } from '../../src/paths.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { deeplyNestedPdf, invalidUtf8, manyPagePdf, oneLongLine, randomWithPdfHeader, sparseFile, withNulBytes } from '../support/garbage.js';
import { recordReliability } from '../support/reliability-log.js';
import { silentLogger, testConfig } from '../support/runtime.js';
import { hasTesseract } from '../support/services.js';
import { hasShared, sharedPath } from '../support/shared.js';

type Outcome = 'done' | 'failed' | 'needs_password' | 'needs_ocr' | `rejected:${string}`;

/** Scanned pages: read by OCR where tesseract is installed (CI installs it), else `needs_ocr`. */
const scanned: Outcome = hasTesseract ? 'done' : 'needs_ocr';

/** What a user should get for each file (../shared/README.md); some damaged files may go either way. */
const expected: Record<string, Outcome[]> = {
  '02_docling_not-a-pdf.pdf': ['rejected:unsupported_media_type'],
  '03_docling_password-1234_2col-arxiv.pdf': ['needs_password'],
  '04_pdfjs_password-ELXRTQWS_scanned.pdf': ['needs_password'],
  '05_pdfjs_password-unicode.pdf': ['needs_password'],
  '06_pdfjs_rc4-encrypted-empty-userpw.pdf': ['done'],
  '07_pdfjs_aes256-encrypted-empty-userpw.pdf': ['done'],
  '08_pdfjs_redhat-broken-stream.pdf': ['done', 'failed'],
  '09_pdfjs_ghostscript-fuzzed.pdf': ['done', 'failed'],
  '10_pdfjs_pdfbox-fuzzed.pdf': ['done', 'failed'],
  '11_docling_scanned-image-only_en.pdf': [scanned],
  '12_docling_scanned-rotated-90.pdf': [scanned],
  '13_dedoc_scanned-image-only_ru.pdf': [scanned],
  '14_dedoc_wrong-ocr-layer_latin-as-cyrillic.pdf': ['done'],
  '15_docling_invisible-text-layer.pdf': ['done'],
  'a-single-column-ru-en-5p.pdf': ['done'],
  'b-two-column-hyphen.pdf': ['done'],
  'big-ru-en-100p.pdf': ['done'],
  'c1-empty.pdf': ['needs_ocr', 'done'],
  // An image without words: OCR finds nothing either.
  'c2-image-only.pdf': ['needs_ocr'],
  'd1-truncated-50pct.pdf': ['done', 'failed'],
  'd2-no-xref-trailer.pdf': ['done', 'failed'],
  'd3-garbage.pdf': ['failed', 'rejected:unsupported_media_type'],
  'd4-zero-bytes.pdf': ['rejected:empty_file'],
  'd5-bytes-flipped.pdf': ['done', 'failed'],
  'e1-encrypted-userpw-aes128.pdf': ['needs_password'],
  'e2-encrypted-userpw-aes256.pdf': ['needs_password'],
  'e3-encrypted-owner-only.pdf': ['done'],
  'f-chromium-printed.pdf': ['done'],
  'garbage-random-with-pdf-header.pdf': ['failed', 'done'],
  'garbage-deeply-nested.pdf': ['failed', 'done'],
  'garbage-10000-pages.pdf': ['failed'],
  'garbage-one-50mb-line.txt': ['done', 'failed'],
  'garbage-invalid-utf8.txt': ['done', 'rejected:unsupported_media_type'],
  'garbage-nul-bytes.txt': ['done', 'rejected:unsupported_media_type'],
};

const passwords: Record<string, { password: string; then: Outcome }> = {
  '03_docling_password-1234_2col-arxiv.pdf': { password: '1234', then: 'done' },
  '04_pdfjs_password-ELXRTQWS_scanned.pdf': { password: 'ELXRTQWS', then: scanned },
  '05_pdfjs_password-unicode.pdf': { password: 'pässwört', then: 'done' },
  'e1-encrypted-userpw-aes128.pdf': { password: 'secret', then: 'done' },
};

function garbage(): [string, Buffer][] {
  return [
    ['garbage-random-with-pdf-header.pdf', randomWithPdfHeader(1 << 20)],
    ['garbage-deeply-nested.pdf', deeplyNestedPdf(200_000)],
    ['garbage-10000-pages.pdf', manyPagePdf(10_000)],
    ['garbage-one-50mb-line.txt', oneLongLine(50 * 1024 * 1024)],
    ['garbage-invalid-utf8.txt', invalidUtf8()],
    ['garbage-nul-bytes.txt', withNulBytes()],
  ];
}

describe.skipIf(!hasShared)('bad input: every file ends with its status and message', () => {
  // The default memory limit: with OCR, the tesseract an analysis starts counts towards it too.
  const config = testConfig({ MAX_UPLOAD_MB: '60', ANALYSIS_TIMEOUT_S: '120', ANALYSIS_MEMORY_MB: '1024', WORKER_CONCURRENCY: '2', JOB_ATTEMPTS: '1' });
  let runtime: Runtime;
  const outcomes = new Map<string, { outcome: Outcome; id?: string; message?: string | null; code?: string | null }>();

  beforeAll(async () => {
    runtime = await createRuntime(config, { analyze: true, log: silentLogger() });
  });
  afterAll(async () => {
    await runtime.close();
    config.cleanup();
  });

  async function submitAll(files: [string, Buffer][]) {
    for (const [name, bytes] of files) {
      try {
        const { document } = await runtime.services.documents.submit({ bytes: new Uint8Array(bytes), filename: name });
        outcomes.set(name, { outcome: document.status as Outcome, id: document.id });
      } catch (error) {
        if (!(error instanceof AnalysisError)) throw error;
        outcomes.set(name, { outcome: `rejected:${error.code}`, message: error.message });
      }
    }
    await runtime.idle();
    for (const [name, entry] of outcomes) {
      if (!entry.id) continue;
      const row = (await runtime.services.documents.get(entry.id))!;
      outcomes.set(name, { ...entry, outcome: row.status as Outcome, message: row.error_message, code: row.error_code });
    }
  }

  it('ends every odd, generated and garbage file as expected, with a message', async () => {
    const shared = ['odd', 'generated'].flatMap((folder) =>
      readdirSync(sharedPath('pdfs', folder))
        .filter((n) => n.endsWith('.pdf'))
        .map((n): [string, Buffer] => [n, readFileSync(sharedPath('pdfs', folder, n))]),
    );
    await submitAll([...shared, ...garbage()]);
    const wrong: string[] = [];
    for (const [name, allowed] of Object.entries(expected)) {
      const got = outcomes.get(name);
      if (!got || !allowed.includes(got.outcome)) wrong.push(`${name}: got ${got?.outcome}, expected ${allowed.join(' or ')}`);
      else if (got.outcome !== 'done' && !got.message) wrong.push(`${name}: ${got.outcome} without a message`);
    }
    expect(wrong).toEqual([]);
  }, 600_000);

  it('analyzes encrypted files once the password is given, non-ASCII passwords included', async () => {
    for (const [name, { password, then }] of Object.entries(passwords)) {
      const id = outcomes.get(name)!.id!;
      await runtime.services.documents.reanalyze([id], password);
      await runtime.idle();
      expect(`${name}: ${(await runtime.services.documents.get(id))!.status}`).toBe(`${name}: ${then}`);
    }
  }, 300_000);

  it('refuses a 1 GB (sparse) file in bulk ingest without reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylens-sparse-'));
    sparseFile(join(dir, 'huge.pdf'), 1024 ** 3);
    await runtime.close();
    const results = await ingest({ ...config, MAX_UPLOAD_MB: 50 }, [dir], { wait: true });
    expect(results).toEqual([expect.objectContaining({ status: 'rejected', reason: expect.stringMatching(/^too_large/) })]);
    runtime = await createRuntime(config, { analyze: true, log: silentLogger() });
  });

  it('analyzes a normal paper right after all of that', async () => {
    const paper = readFileSync(join(corpusDir, 'en-1-export-controls-semiconductors.txt'));
    const { document } = await runtime.services.documents.submit({ bytes: new Uint8Array(paper), filename: 'after.txt' });
    await runtime.idle();
    expect((await runtime.services.documents.get(document.id))!.status).toBe('done');

    const failed: Record<string, number> = {};
    let done = 0;
    for (const { outcome, code } of outcomes.values()) {
      if (outcome === 'done') done++;
      else failed[code ? `${outcome}/${code}` : outcome] = (failed[code ? `${outcome}/${code}` : outcome] ?? 0) + 1;
    }
    console.log(Object.fromEntries([...outcomes].map(([name, o]) => [name, `${o.outcome}${o.code ? ` (${o.code})` : ''}: ${o.message ?? ''}`.slice(0, 140)])));
    recordReliability({
      suite: 'bad input', inputs: outcomes.size + 2, faults: 0, submitted: outcomes.size + 1, done: done + 1, failed, duplicates: 0, lost: 0,
      notes: 'odd/ + generated/ + 6 garbage kinds + 1 GB sparse file; passwords retried',
    });
  });
});
