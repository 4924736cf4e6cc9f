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

/** Pixel size of an image a page paints. */
export interface ImageSize {
  width: number;
  height: number;
}

/**
 * The largest image the page paints (by pixels), or null when it paints none: a page with images
 * and no text is a scan, and its image's pixels tell the resolution it was scanned at. An image
 * whose size the operator does not carry (a repeated one) counts as 0 × 0.
 */
export async function largestImage(page: PDFPageProxy): Promise<ImageSize | null> {
  const ops = await page.getOperatorList();
  const imageOps = new Set([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject, pdfjs.OPS.paintImageXObjectRepeat]);
  let largest: ImageSize | null = null;
  ops.fnArray.forEach((fn, i) => {
    if (!imageOps.has(fn)) return;
    const size = imageSize(ops.argsArray[i] as unknown[]);
    if (!largest || size.width * size.height > largest.width * largest.height) largest = size;
  });
  return largest;
}

/** paintImageXObject carries [id, width, height]; inline images and masks carry the image itself. */
function imageSize(args: unknown[]): ImageSize {
  const [first, width, height] = args;
  if (typeof width === 'number' && typeof height === 'number') return { width, height };
  const image = first as Partial<ImageSize> | undefined;
  return { width: Number(image?.width) || 0, height: Number(image?.height) || 0 };
}
