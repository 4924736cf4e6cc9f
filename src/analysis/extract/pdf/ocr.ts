// Scanned pages read by OCR: a page without a text layer is rendered with pdf.js and read by
// Tesseract (the `tesseract` program, Debian package tesseract-ocr with tesseract-ocr-rus). Older
// Russian papers and theses are often scans; without OCR their documents end `needs_ocr`.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** 300 dpi, Tesseract's recommended resolution, unless the page is larger than A3. */
const DPI = 300;
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

/** The text Tesseract reads on page `n`, lines as it found them and paragraphs split by blank lines. */
export async function ocrPage(doc: PDFDocumentProxy, n: number, languages: string): Promise<string> {
  const page = await doc.getPage(n);
  try {
    return await tesseract(await renderPng(doc, page), languages);
  } finally {
    page.cleanup();
  }
}

async function renderPng(doc: PDFDocumentProxy, page: PDFPageProxy): Promise<Buffer> {
  const size = page.getViewport({ scale: 1 });
  const scale = Math.min(DPI / 72, Math.sqrt(MAX_PIXELS / (size.width * size.height)));
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

/** Runs Tesseract on one image (page segmentation with orientation detection, so turned pages read too). */
function tesseract(png: Buffer, languages: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', ['-', '-', '-l', languages, '--psm', '1'], { stdio: ['pipe', 'pipe', 'pipe'] });
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
