// Opening a PDF with pdf.js, and turning its failures into AnalysisErrors the user can act on.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AnalysisError } from '../../errors.js';
import { inThreadWorker, pdfjs } from './pdfjs.js';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** Character maps let pdf.js read CID fonts (older Russian PDFs); standard fonts fill in missing metrics. */
const CMAP_URL = join(pdfjsRoot, 'cmaps') + '/';
const STANDARD_FONTS_URL = join(pdfjsRoot, 'standard_fonts') + '/';

/**
 * Images larger than this (width × height) are not decoded: 40 megapixels is a 600-dpi A3 scan, and
 * a 20000 × 20000 image would take 1.6 GB of native memory that no heap limit sees.
 */
const MAX_IMAGE_PIXELS = 40_000_000;

/** pdf.js PasswordResponses: no password given vs. wrong password. */
const INCORRECT_PASSWORD = 2;

export { pdfjs };

export async function openPdf(bytes: Uint8Array, password: string | undefined): Promise<PDFDocumentProxy> {
  const candidates = password === undefined ? [undefined] : passwordCandidates(password);
  let lastError: unknown;
  for (const candidate of candidates) {
    try {
      return await load(bytes, candidate);
    } catch (error) {
      lastError = error;
      if (!isPasswordError(error) || (error as { code?: number }).code !== INCORRECT_PASSWORD) break;
    }
  }
  throw toAnalysisError(lastError, password !== undefined);
}

async function load(bytes: Uint8Array, password: string | undefined): Promise<PDFDocumentProxy> {
  const task = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given, and refuses a Buffer: a copy, as a plain
    // Uint8Array (Buffer.slice would share the caller's memory).
    data: new Uint8Array(bytes),
    password,
    worker: inThreadWorker(),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    useSystemFonts: false,
    disableFontFace: true,
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONTS_URL,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw error;
  }
}

/**
 * The PDF standard stores passwords as bytes: Latin-1 (PDFDocEncoding) for RC4/AES-128 files, UTF-8
 * for AES-256. pdf.js takes a string of byte values, so a non-ASCII password is tried as typed and
 * as its UTF-8 bytes, in both Unicode normal forms.
 */
export function passwordCandidates(password: string): string[] {
  const forms = [password, password.normalize('NFC'), password.normalize('NFD')];
  const utf8 = forms.map((p) => Buffer.from(p, 'utf8').toString('latin1'));
  return [...new Set([...forms, ...utf8])];
}

function isPasswordError(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'PasswordException';
}

function toAnalysisError(error: unknown, passwordGiven: boolean): AnalysisError {
  if (isPasswordError(error)) {
    return passwordGiven
      ? new AnalysisError('password_required', 'The password is not correct for this PDF.', { passwordGiven: true })
      : new AnalysisError('password_required', 'The PDF is password-protected; give its password to analyze it.', { passwordGiven: false });
  }
  const message = (error as Error | null)?.message ?? String(error);
  return new AnalysisError('pdf_invalid', `The PDF is damaged and cannot be read (${message}).`);
}
