// What kind of file the bytes are, decided by content (magic bytes), never by the file name:
// users upload PDFs named .txt and text named .pdf.
import { AnalysisError } from '../errors.js';
import type { MediaType } from '../types.js';
import { looksLikeText } from './decode-text.js';

/** The PDF header may follow some junk bytes; readers accept it within the first kilobyte. */
const PDF_HEADER_WINDOW = 1024;
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export function sniffMediaType(bytes: Uint8Array, filename: string): MediaType {
  if (bytes.length === 0) throw new AnalysisError('empty_file', 'The file is empty (0 bytes).');
  if (findPdfHeader(bytes) >= 0) return 'application/pdf';
  // Text named .pdf is a failed or fake PDF (an error page saved under the wrong name), not a paper.
  if (/\.pdf$/i.test(filename)) {
    throw new AnalysisError('unsupported_media_type', `"${filename}" is not a PDF: it lacks the %PDF header that every PDF starts with.`);
  }
  if (looksLikeText(bytes)) return 'text/plain';
  throw new AnalysisError(
    'unsupported_media_type',
    'The file is neither a PDF nor a text file (UTF-8, UTF-16 or Windows-1251); its content was checked, not its name.',
  );
}

/** Offset of "%PDF-" within the header window, or -1. */
export function findPdfHeader(bytes: Uint8Array): number {
  const end = Math.min(bytes.length, PDF_HEADER_WINDOW) - PDF_MAGIC.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < PDF_MAGIC.length; j++) if (bytes[i + j] !== PDF_MAGIC[j]) continue outer;
    return i;
  }
  return -1;
}
