// Scanned pages read by OCR: a page without a text layer is rendered with pdf.js and read by
// Tesseract (the `tesseract` program, Debian package tesseract-ocr with tesseract-ocr-rus). Older
// Russian papers and theses are often scans; without OCR their documents end `needs_ocr`.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ImageSize } from './runs.js';

/**
 * Pages are rendered at the resolution they were scanned at, within [MIN_DPI, MAX_DPI]: 300 dpi is
 * Tesseract's recommended resolution, and rendering a 200-dpi scan at 300 only interpolates pixels
 * (2.25× the pixels to binarize and segment for no new detail); below 150 dpi the letters of body
 * text get too small for Tesseract, so a coarse scan is enlarged. A page larger than A3 is scaled
 * down to MAX_PIXELS.
 */
const MAX_DPI = 300;
const MIN_DPI = 150;
const MAX_PIXELS = 18_000_000;
/** A page that takes longer than this is given up on (its text stays missing). */
const PAGE_TIMEOUT_MS = 60_000;

let available: Promise<boolean> | undefined;

type ProgramListener = (pid: number, running: boolean) => void;
let programListener: ProgramListener | undefined;

/**
 * Tells the sandbox each tesseract started and ended: a thread that is terminated cannot stop its
 * children itself, so whoever terminates it must.
 */
export function watchOcrPrograms(listener: ProgramListener): void {
  programListener = listener;
}

/** Whether `tesseract` can be run here; asked once per thread. */
export function ocrAvailable(): Promise<boolean> {
  available ??= new Promise((resolve) => reportProgram(execFile('tesseract', ['--version'], (error) => resolve(!error))));
  return available;
}

/** Tells the sandbox's listener that `child` runs, and when it has ended (been waited for). */
function reportProgram(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined) return;
  programListener?.(pid, true);
  child.on('close', () => programListener?.(pid, false));
}

/** A scanned page to read: its number and the largest image it paints (the scan). */
export interface ScannedPage {
  page: number;
  image: ImageSize | null;
}

export type PageReading = { page: number; text: string } | { page: number; error: Error };

/**
 * Reads scanned pages with up to `threads` Tesseracts at once, in page order. pdf.js renders one
 * page at a time on this thread while the Tesseracts of the pages before it run: rendering is a
 * fraction of recognition, so the Tesseracts are what keeps the cores busy.
 */
export async function ocrPages(doc: PDFDocumentProxy, pages: ScannedPage[], languages: string, threads = 1): Promise<PageReading[]> {
  const readings: PageReading[] = new Array(pages.length);
  const lanes = Math.max(1, Math.min(threads, pages.length));
  // One Tesseract per core: its own OpenMP threads only help when it runs alone.
  const ompThreads = Math.max(1, Math.floor(threads / lanes));
  let next = 0;
  const lane = async () => {
    while (next < pages.length) {
      const index = next++;
      const { page: n, image } = pages[index]!;
      try {
        readings[index] = { page: n, text: await tesseract(await renderPage(doc, n, image), languages, ompThreads) };
      } catch (error) {
        readings[index] = { page: n, error: error as Error };
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return readings;
}

async function renderPage(doc: PDFDocumentProxy, n: number, image: ImageSize | null): Promise<Buffer> {
  const page = await doc.getPage(n);
  try {
    return await renderPng(doc, page, image);
  } finally {
    page.cleanup();
  }
}

/** The scan's own resolution in dots per inch (its image over the page's longer side), if it has one. */
function scanDpi(page: PDFPageProxy, image: ImageSize | null): number | undefined {
  if (!image || image.width <= 0 || image.height <= 0) return undefined;
  const size = page.getViewport({ scale: 1 });
  return (Math.max(image.width, image.height) / Math.max(size.width, size.height)) * 72;
}

async function renderPng(doc: PDFDocumentProxy, page: PDFPageProxy, image: ImageSize | null): Promise<Buffer> {
  const size = page.getViewport({ scale: 1 });
  const dpi = Math.min(MAX_DPI, Math.max(MIN_DPI, scanDpi(page, image) ?? MAX_DPI));
  const scale = Math.min(dpi / 72, Math.sqrt(MAX_PIXELS / (size.width * size.height)));
  const viewport = page.getViewport({ scale });
  // pdf.js draws on @napi-rs/canvas in Node (its own optional dependency).
  const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  try {
    await page.render({ canvas, canvasContext: context, viewport } as unknown as Parameters<PDFPageProxy['render']>[0]).promise;
    return canvas.toBuffer('image/png');
  } finally {
    factory.destroy({ canvas, context });
  }
}

interface Canvas {
  toBuffer(type: 'image/png'): Buffer;
}

interface CanvasFactory {
  create(width: number, height: number): { canvas: Canvas; context: unknown };
  destroy(target: { canvas: Canvas; context: unknown }): void;
}

/**
 * Runs Tesseract on one image (page segmentation with orientation detection, so turned pages read
 * too), with at most `threads` OpenMP threads.
 */
function tesseract(png: Buffer, languages: string, threads: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', ['-', '-', '-l', languages, '--psm', '1'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, OMP_THREAD_LIMIT: String(threads) },
    });
    reportProgram(child);
    const out: Buffer[] = [];
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), PAGE_TIMEOUT_MS);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(signal ? `OCR took longer than ${PAGE_TIMEOUT_MS / 1000} s` : `tesseract failed: ${err.trim().split('\n').pop()}`));
    });
    child.stdin.on('error', () => {}); // a failing tesseract closes its input early; 'close' reports it
    child.stdin.end(png);
  });
}
