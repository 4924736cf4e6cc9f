// Positioned pieces of text on a page, read from pdf.js text items: where each starts and ends,
// its baseline and size, in page coordinates with y growing downwards (as the page is read).
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfjs } from './open.js';

export interface TextRun {
  text: string;
  x0: number;
  x1: number;
  /** Baseline, from the top of the page. */
  y: number;
  size: number;
}

export interface PageText {
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
}

/** Rotated text (margin stamps such as arXiv identifiers, axis labels) is not part of the flow. */
const ROTATION_TOLERANCE = 0.05;

export async function readPageText(page: PDFPageProxy): Promise<PageText> {
  const viewport = page.getViewport({ scale: 1 });
  // Normalization (NFKC) is left to normalize(), which treats ligatures and the rest for all inputs.
  const content = await page.getTextContent({ disableNormalization: true });
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const [a, b, c, d, e, f] = pdfjs.Util.transform(viewport.transform, item.transform) as [number, number, number, number, number, number];
    const size = Math.hypot(c, d);
    if (size <= 0 || a <= 0 || Math.abs(b) > ROTATION_TOLERANCE * size || Math.abs(c) > ROTATION_TOLERANCE * size) continue;
    runs.push({ text: item.str, x0: e, x1: e + Math.max(item.width, 0), y: f, size });
  }
  return { page: page.pageNumber, width: viewport.width, height: viewport.height, runs };
}

/** Whether the page paints any image: a page with images and no text is a scan. */
export async function pageHasImages(page: PDFPageProxy): Promise<boolean> {
  const ops = await page.getOperatorList();
  const imageOps = new Set([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject, pdfjs.OPS.paintImageXObjectRepeat]);
  return ops.fnArray.some((fn) => imageOps.has(fn));
}
