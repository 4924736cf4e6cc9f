// Every problem file of ../shared/pdfs/odd and ../shared/pdfs/generated ends as the table in
// ../shared/README.md says: text with warnings, or an AnalysisError with the right code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnalysisError, type AnalysisErrorCode } from '../../src/analysis/errors.js';
import { extract } from '../../src/analysis/extract/index.js';
import type { ExtractedDocument, OcrOptions } from '../../src/analysis/types.js';
import { hasTesseract } from '../support/services.js';
import { hasShared, sharedPath } from '../support/shared.js';

function load(dir: 'odd' | 'generated' | 'real', name: string): Uint8Array {
  return new Uint8Array(readFileSync(sharedPath('pdfs', dir, name)));
}

async function run(dir: 'odd' | 'generated' | 'real', name: string, password?: string, ocr?: OcrOptions): Promise<ExtractedDocument> {
  return extract(load(dir, name), { filename: name, password, ocr });
}

const OCR: OcrOptions = { languages: 'rus+eng', maxPages: 50 };

async function failure(dir: 'odd' | 'generated', name: string, password?: string, ocr?: OcrOptions): Promise<AnalysisError> {
  try {
    await run(dir, name, password, ocr);
  } catch (error) {
    expect(error).toBeInstanceOf(AnalysisError);
    return error as AnalysisError;
  }
  throw new Error(`${name} was expected to fail`);
}

function allText(doc: ExtractedDocument): string {
  return doc.blocks.map((b) => b.text).join('\n');
}

async function expectCode(dir: 'odd' | 'generated', name: string, code: AnalysisErrorCode, password?: string): Promise<AnalysisError> {
  const error = await failure(dir, name, password);
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(10);
  return error;
}

describe.skipIf(!hasShared)('extract: problem PDFs of ../shared/pdfs/odd', () => {
  it('02 text named .pdf is rejected as not a PDF', async () => {
    await expectCode('odd', '02_docling_not-a-pdf.pdf', 'unsupported_media_type');
  });

  it('03 asks for the password, then reads the paper with "1234"', async () => {
    const error = await expectCode('odd', '03_docling_password-1234_2col-arxiv.pdf', 'password_required');
    expect(error.status).toBe('needs_password');
    const doc = await run('odd', '03_docling_password-1234_2col-arxiv.pdf', '1234');
    expect(allText(doc).split(/\s+/).length).toBeGreaterThan(500);
  });

  it('03 with a wrong password still needs the password', async () => {
    const error = await expectCode('odd', '03_docling_password-1234_2col-arxiv.pdf', 'password_required', 'wrong');
    expect(error.details).toMatchObject({ passwordGiven: true });
  });

  it('04 asks for the password, then reports the scanned page', async () => {
    await expectCode('odd', '04_pdfjs_password-ELXRTQWS_scanned.pdf', 'password_required');
    const error = await expectCode('odd', '04_pdfjs_password-ELXRTQWS_scanned.pdf', 'no_text_layer', 'ELXRTQWS');
    expect(error.details).toEqual({ pages: [1] });
  });

  it('05 opens with the non-ASCII password "pässwört"', async () => {
    await expectCode('odd', '05_pdfjs_password-unicode.pdf', 'password_required');
    const doc = await run('odd', '05_pdfjs_password-unicode.pdf', 'pässwört');
    expect(allText(doc)).toContain('decryption succeeded');
  });

  it('06 and 07, encrypted with an empty user password, are read without one', async () => {
    expect(allText(await run('odd', '06_pdfjs_rc4-encrypted-empty-userpw.pdf'))).toContain('Dummy PDF file');
    const doc = await run('odd', '07_pdfjs_aes256-encrypted-empty-userpw.pdf');
    expect(doc.pages).toBe(1);
  });

  it('08 is reported as an invalid PDF', async () => {
    await expectCode('odd', '08_pdfjs_redhat-broken-stream.pdf', 'pdf_invalid');
  });

  it.each(['09_pdfjs_ghostscript-fuzzed.pdf', '10_pdfjs_pdfbox-fuzzed.pdf'])('%s ends with a warning or as an invalid PDF', async (name) => {
    try {
      const doc = await run('odd', name);
      expect(doc.warnings.length).toBeGreaterThan(0);
    } catch (error) {
      expect((error as AnalysisError).code).toBe('pdf_invalid');
    }
  });

  it.each(['11_docling_scanned-image-only_en.pdf', '12_docling_scanned-rotated-90.pdf', '13_dedoc_scanned-image-only_ru.pdf'])(
    '%s has no text layer on page 1',
    async (name) => {
      const error = await expectCode('odd', name, 'no_text_layer');
      expect(error.status).toBe('needs_ocr');
      expect(error.details).toEqual({ pages: [1] });
    },
  );

  it('14 is read with a warning that the text looks garbled', async () => {
    const doc = await run('odd', '14_dedoc_wrong-ocr-layer_latin-as-cyrillic.pdf');
    expect(doc.blocks.length).toBeGreaterThan(0);
    expect(doc.warnings.join(' ')).toMatch(/garbled/);
  });

  it('15 reads the invisible text layer normally', async () => {
    const doc = await run('odd', '15_docling_invisible-text-layer.pdf');
    expect(allText(doc)).toContain('Invisible OCR text layer');
    expect(doc.warnings).toEqual([]);
  });
});

describe.skipIf(!hasShared)('extract: generated PDFs of ../shared/pdfs/generated', () => {
  it('reads the single-column paper without warnings, title first', async () => {
    const doc = await run('generated', 'a-single-column-ru-en-5p.pdf');
    expect(doc.pages).toBe(5);
    expect(doc.warnings).toEqual([]);
    expect(doc.title).toMatch(/^Доклад о цифровой экономике/);
    expect(allText(doc)).toContain('risk-based classification');
    expect(doc.blocks.some((b) => b.kind === 'heading' && b.text === '1. Раздел / Section 1')).toBe(true);
  });

  it('reads all 100 pages of the big file', async () => {
    const doc = await run('generated', 'big-ru-en-100p.pdf');
    expect(doc.pages).toBe(100);
    expect(new Set(doc.blocks.map((b) => b.page)).size).toBe(100);
  });

  it('c1: an empty page gives no text and a warning', async () => {
    const doc = await run('generated', 'c1-empty.pdf');
    expect(doc.blocks).toEqual([]);
    expect(doc.warnings.join(' ')).toMatch(/no text/);
  });

  it('c2: an image-only page needs OCR', async () => {
    const error = await expectCode('generated', 'c2-image-only.pdf', 'no_text_layer');
    expect(error.details).toEqual({ pages: [1] });
  });

  it.each(['d1-truncated-50pct.pdf', 'd2-no-xref-trailer.pdf'])('%s is an invalid PDF', async (name) => {
    await expectCode('generated', name, 'pdf_invalid');
  });

  it('d3: garbage named .pdf is not a PDF', async () => {
    await expectCode('generated', 'd3-garbage.pdf', 'unsupported_media_type');
  });

  it('d4: zero bytes is an empty file', async () => {
    await expectCode('generated', 'd4-zero-bytes.pdf', 'empty_file');
  });

  it('d5: flipped bytes give partial text with a warning', async () => {
    const doc = await run('generated', 'd5-bytes-flipped.pdf');
    expect(doc.blocks.length).toBeGreaterThan(0);
    expect(doc.warnings.length).toBeGreaterThan(0);
  });

  it.each(['e1-encrypted-userpw-aes128.pdf', 'e2-encrypted-userpw-aes256.pdf'])('%s needs the password "secret"', async (name) => {
    await expectCode('generated', name, 'password_required');
    const doc = await run('generated', name, 'secret');
    expect(doc.blocks.length).toBeGreaterThan(3);
  });

  it('e3: an owner password alone does not stop reading', async () => {
    expect((await run('generated', 'e3-encrypted-owner-only.pdf')).blocks.length).toBeGreaterThan(3);
  });

  it('f: a Chromium-printed page is read', async () => {
    expect(allText(await run('generated', 'f-chromium-printed.pdf'))).toContain('Анализ документов');
  });

  it('leaves the caller\'s bytes usable (pdf.js detaches what it is given) and reads the next file after failures', async () => {
    const bytes = load('generated', 'b-two-column-hyphen.pdf');
    await expectCode('generated', 'd1-truncated-50pct.pdf', 'pdf_invalid');
    await extract(bytes, { filename: 'b.pdf' });
    expect(bytes.length).toBeGreaterThan(1000);
    expect((await extract(bytes, { filename: 'b.pdf' })).pages).toBe(3);
  });
});

describe.skipIf(!hasShared || !hasTesseract)('extract: scanned pages read by OCR (tesseract)', () => {
  it.each(['11_docling_scanned-image-only_en.pdf', '12_docling_scanned-rotated-90.pdf'])('%s, upright or turned, reads as English text', async (name) => {
    const doc = await run('odd', name, undefined, OCR);
    expect(allText(doc)).toMatch(/bundles PDF document conversion to JSON and Markdown/);
    expect(doc.blocks.every((b) => b.page === 1)).toBe(true);
    expect(doc.warnings.join(' ')).toMatch(/page 1 was read by OCR \(rus\+eng\)/);
  });

  it('13 reads as Russian text', async () => {
    const doc = await run('odd', '13_dedoc_scanned-image-only_ru.pdf', undefined, OCR);
    expect(allText(doc)).toMatch(/Техническое задание/);
    expect(allText(doc)).toMatch(/Международный аэропорт/);
  });

  it('04 is read once its password is given', async () => {
    const doc = await run('odd', '04_pdfjs_password-ELXRTQWS_scanned.pdf', 'ELXRTQWS', OCR);
    expect(doc.warnings.join(' ')).toMatch(/read by OCR/);
  });

  it('an image without words still needs OCR, and the message says OCR found nothing', async () => {
    const error = await failure('generated', 'c2-image-only.pdf', undefined, OCR);
    expect(error.code).toBe('no_text_layer');
    expect(error.message).toMatch(/OCR found no text/);
  });

  it('pages set in a font without a character map are read by OCR, the others from their text layer', async () => {
    // The working paper's body font gives pdf.js glyph numbers (control codes); its first and last
    // pages print real characters. Two pages of OCR keep the test short: the rest stay as they are.
    const doc = await run('real', '10_pdfjs_TAMReview_working-paper.pdf', undefined, { ...OCR, maxPages: 2 });
    const page = (n: number) => doc.blocks.filter((b) => b.page === n).map((b) => b.text).join(' ');
    expect(doc.warnings.join(' ')).toMatch(/pages 2, 3 were read by OCR/);
    expect(doc.warnings.join(' ')).toMatch(/pages 4, 5, .*, 22 have a text layer of glyph numbers/);
    expect(page(2)).toMatch(/Technology Acceptance Model/);
    expect(page(2)).not.toMatch(/[\u0000-\u0008]/);
    expect(page(1)).toMatch(/User acceptance of technology/);
  });

  it('reads no more scanned pages than asked', async () => {
    const error = await failure('odd', '11_docling_scanned-image-only_en.pdf', undefined, { ...OCR, maxPages: 0 });
    expect(error.code).toBe('no_text_layer');
  });
});
