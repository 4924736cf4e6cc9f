// A scan of several pages is read with Tesseracts side by side (OcrOptions.threads): every page is
// read, and its text lands on its own page, in page order, whichever Tesseract finished first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/analysis/extract/index.js';
import { hasPdftoppm, hasTesseract } from '../support/services.js';
import { hasShared, sharedPath } from '../support/shared.js';

const PAGES = 3;

/** The first pages of a text PDF rendered to 150-dpi grey images and put back into a PDF without text. */
async function scanOf(pdf: string, dir: string): Promise<Uint8Array> {
  execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', '-f', '1', '-l', String(PAGES), pdf, join(dir, 'p')]);
  const doc = new PDFDocument({ autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  for (const png of readdirSync(dir).filter((f) => f.endsWith('.png')).sort()) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.image(join(dir, png), 0, 0, { width: doc.page.width, height: doc.page.height });
  }
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

describe.skipIf(!hasShared || !hasTesseract || !hasPdftoppm)('OCR of a multi-page scan', () => {
  const source = sharedPath('pdfs', 'generated', 'a-single-column-ru-en-5p.pdf');
  let dir: string;
  let scan: Uint8Array;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'policylens-ocr-'));
    scan = await scanOf(source, dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every page with two Tesseracts at a time, each page its own text', async () => {
    const original = await extract(new Uint8Array(readFileSync(source)), { filename: 'a.pdf' });
    const doc = await extract(scan, { filename: 'scan.pdf', ocr: { languages: 'rus+eng', maxPages: 10, threads: 2 } });
    expect(doc.warnings.join(' ')).toMatch(new RegExp(`pages 1, 2, 3 were read by OCR`));
    const pages = doc.blocks.map((b) => b.page);
    expect(pages).toEqual([...pages].sort((a, b) => a! - b!));
    for (let page = 1; page <= PAGES; page++) {
      // A long word of the page's own text layer is found by OCR on that page.
      const word = original.blocks.filter((b) => b.page === page).flatMap((b) => b.text.split(/[^\p{L}]+/u)).find((w) => w.length >= 9)!;
      const read = doc.blocks.filter((b) => b.page === page).map((b) => b.text).join(' ');
      expect(read).toContain(word);
    }
  }, 300_000);
});
