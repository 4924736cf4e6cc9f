// A PDF's text as laid-out paragraphs: every page read with pdf.js, furniture removed, lines put in
// reading order and grouped into paragraphs. Problems end as AnalysisErrors (no text at all,
// password, damage) or as warnings when part of the document is still readable.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AnalysisError } from '../../errors.js';
import type { DocumentMeta, OcrOptions } from '../../types.js';
import type { LayoutParagraph, LayoutResult } from '../paragraphs.js';
import { textParagraphs } from '../text-input.js';
import { removeFurniture } from './furniture.js';
import { hasUnmappedGlyphs, looksGarbled, SAMPLE_CHARS } from './garbled.js';
import { layoutParagraphs } from './layout.js';
import { ocrAvailable, ocrPages, type ScannedPage } from './ocr.js';
import { openPdf } from './open.js';
import { decodedStreamOverflows, MAX_DECODED_STREAM_BYTES } from './pdfjs.js';
import { printedPageNumbers } from './page-numbers.js';
import { orderLines } from './reading-order.js';
import { largestImage, readPageText, type ImageSize, type PageText } from './runs.js';

/** More pages than any paper has; beyond it the file is refused rather than slowly read. */
export const MAX_PAGES = 3000;

interface OcrResult {
  /** Whether OCR ran (it was asked for and tesseract is installed). */
  tried: boolean;
  /** The pages whose text OCR read. */
  read: number[];
  paragraphs: LayoutParagraph[];
  warnings: string[];
}

const NO_OCR: OcrResult = { tried: false, read: [], paragraphs: [], warnings: [] };

interface PageScan {
  pages: PageText[];
  /** Pages with images and no text. */
  scanned: number[];
  /** Pages whose text is glyph numbers, not characters (a font without a character map): OCR reads them too. */
  unmapped: number[];
  /** The largest image of each scanned page: the scan, whose pixels tell the page's resolution. */
  scans: Map<number, ImageSize>;
  /** Pages with neither text nor images: blank, or content pdf.js skipped as damaged. */
  blank: number[];
  unreadable: { page: number; reason: string }[];
}

export async function readPdf(bytes: Uint8Array, meta: Pick<DocumentMeta, 'password' | 'ocr'>): Promise<LayoutResult> {
  const doc = await openPdf(bytes, meta.password);
  try {
    // The page count comes from the file (/Count): a damaged or hostile one may say -5.
    if (!Number.isInteger(doc.numPages) || doc.numPages < 1) {
      throw new AnalysisError('pdf_invalid', `The PDF is damaged: its page tree declares ${doc.numPages} pages.`);
    }
    if (doc.numPages > MAX_PAGES) {
      throw new AnalysisError('too_large', `The PDF has ${doc.numPages} pages; at most ${MAX_PAGES} are analyzed.`, { pages: doc.numPages });
    }
    const overflowsBefore = decodedStreamOverflows();
    const scan = await scanPages(doc);
    const toRead = [...scan.scanned, ...scan.unmapped].sort((a, b) => a - b);
    const ocr = meta.ocr && toRead.length > 0 ? await readScannedPages(doc, toRead.map((page) => ({ page, image: scan.scans.get(page) ?? null })), meta.ocr) : NO_OCR;
    // pdf.js skips the content it could not decode; a stream stopped at the size limit fails the
    // whole file instead (a runner holds one document at a time, so the count is this document's).
    if (decodedStreamOverflows() > overflowsBefore) {
      throw new AnalysisError('too_large', `The PDF has a compressed stream that inflates to more than ${MAX_DECODED_STREAM_BYTES / 1024 / 1024} MB (a decompression bomb or a damaged file); it is not analyzed.`);
    }
    const unread = (pages: number[]) => pages.filter((n) => !ocr.read.includes(n));
    const warnings = [...checkScan({ ...scan, scanned: unread(scan.scanned), unmapped: unread(scan.unmapped) }, doc.numPages, ocr, meta.ocr !== undefined), ...ocr.warnings];
    const { pages, furniture } = removeFurniture(scan.pages.filter((p) => p.runs.length > 0 && !ocr.read.includes(p.page)));
    const laidOut = layoutParagraphs(pages.map((p) => ({ page: p.page, lines: orderLines(p.runs) })));
    // Paragraphs stay in page order; a page is either laid out or read by OCR, never both.
    const paragraphs = [...laidOut, ...ocr.paragraphs].sort((a, b) => a.page! - b.page!);
    if (looksGarbled(sampleText(paragraphs))) {
      warnings.push('the text layer looks garbled (letters of the wrong alphabet or stray signs inside words, as from a bad OCR layer); results may be unreliable');
    }
    const labels = await doc.getPageLabels().catch(() => null);
    const printedPages = printedPageNumbers(doc.numPages, labels, furniture);
    return { mediaType: 'application/pdf', pages: doc.numPages, paragraphs, warnings, furniture, printedPages };
  } finally {
    await doc.destroy();
  }
}

async function scanPages(doc: PDFDocumentProxy): Promise<PageScan> {
  const scan: PageScan = { pages: [], scanned: [], unmapped: [], scans: new Map(), blank: [], unreadable: [] };
  for (let n = 1; n <= doc.numPages; n++) {
    try {
      const page = await doc.getPage(n);
      try {
        const text = await readPageText(page);
        if (text.runs.length === 0) {
          const image = await largestImage(page);
          if (image) scan.scans.set(n, image);
          (image ? scan.scanned : scan.blank).push(n);
        } else if (hasUnmappedGlyphs(text.runs)) {
          scan.unmapped.push(n);
        }
        scan.pages.push(text);
      } finally {
        page.cleanup();
      }
    } catch (error) {
      scan.unreadable.push({ page: n, reason: (error as Error).message ?? String(error) });
    }
  }
  return scan;
}

/** The scanned pages (at most `maxPages`) read by OCR, as paragraphs; nothing without `tesseract`. */
async function readScannedPages(doc: PDFDocumentProxy, scanned: ScannedPage[], options: OcrOptions): Promise<OcrResult> {
  if (!(await ocrAvailable())) return NO_OCR;
  const paragraphs: LayoutParagraph[] = [];
  const read: number[] = [];
  const warnings: string[] = [];
  for (const reading of await ocrPages(doc, scanned.slice(0, options.maxPages), options.languages, options.threads)) {
    if ('error' in reading) {
      warnings.push(`page ${reading.page} could not be read by OCR (${reading.error.message})`);
      continue;
    }
    const found = textParagraphs(reading.text, reading.page);
    if (found.length === 0) continue;
    paragraphs.push(...found);
    read.push(reading.page);
  }
  if (read.length) {
    warnings.push(`${plural(read, 'page')} ${read.join(', ')} ${read.length > 1 ? 'were' : 'was'} read by OCR (${options.languages}); expect recognition errors`);
  }
  return { tried: options.maxPages > 0, read, paragraphs, warnings };
}

/** Errors when nothing can be read, warnings when only some pages cannot (`scanned` and `unmapped`: those OCR did not read). */
function checkScan(scan: PageScan, pageCount: number, ocr: OcrResult, ocrEnabled: boolean): string[] {
  const hasText = ocr.paragraphs.length > 0 || scan.pages.some((p) => p.runs.length > 0);
  if (!hasText && scan.unreadable.length === pageCount) {
    throw new AnalysisError('pdf_invalid', `The PDF is damaged: no page could be read (${scan.unreadable[0]?.reason ?? 'no pages'}).`);
  }
  if (!hasText && scan.scanned.length > 0) {
    throw new AnalysisError(
      'no_text_layer',
      `The PDF has no text layer (scanned ${plural(scan.scanned, 'page')} ${scan.scanned.join(', ')}); ${ocr.tried ? 'OCR found no text on it' : ocrEnabled ? 'it needs OCR (install tesseract-ocr to have scanned pages read)' : 'it needs OCR, which is turned off on this server (OCR_LANGUAGES or OCR_MAX_PAGES)'}.`,
      { pages: scan.scanned },
    );
  }
  const warnings: string[] = [];
  if (!hasText) warnings.push('the PDF contains no text: its pages are blank or their content could not be read');
  if (hasText && scan.scanned.length) {
    warnings.push(`${plural(scan.scanned, 'page')} ${scan.scanned.join(', ')} ${scan.scanned.length > 1 ? 'have' : 'has'} no text layer (scanned); their text is missing`);
  }
  if (hasText && scan.blank.length) {
    warnings.push(`${plural(scan.blank, 'page')} ${scan.blank.join(', ')} ${scan.blank.length > 1 ? 'have' : 'has'} no text (blank, or damaged content that could not be read)`);
  }
  if (scan.unmapped.length) {
    const many = scan.unmapped.length > 1;
    warnings.push(`${plural(scan.unmapped, 'page')} ${scan.unmapped.join(', ')} ${many ? 'have' : 'has'} a text layer of glyph numbers, not letters (a font without a character map), and OCR did not read ${many ? 'them' : 'it'}; ${many ? 'their' : 'its'} text is unreliable`);
  }
  for (const { page, reason } of scan.unreadable) warnings.push(`page ${page} could not be read (${reason}); its text is missing`);
  return warnings;
}

/** The first lines of the document, enough to judge its text layer. */
function sampleText(paragraphs: LayoutResult['paragraphs']): string {
  const lines: string[] = [];
  let length = 0;
  for (const p of paragraphs) {
    for (const line of p.lines) {
      lines.push(line);
      length += line.length + 1;
      if (length > SAMPLE_CHARS) return lines.join(' ');
    }
  }
  return lines.join(' ');
}

function plural(items: unknown[], word: string): string {
  return items.length > 1 ? `${word}s` : word;
}
