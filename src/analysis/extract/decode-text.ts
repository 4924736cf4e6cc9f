// Text uploads: UTF-8 (with or without BOM), UTF-16 with BOM, and legacy Russian Windows-1251.
// Anything with control bytes that no text file has is binary and rejected.
import { AnalysisError } from '../errors.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** How much of the file the binary check reads; enough to see a header or a run of text. */
const SNIFF_BYTES = 64 * 1024;
/** Share of control bytes (other than tab, CR, LF, FF) above which the content is binary. */
const MAX_CONTROL_SHARE = 0.01;

export function looksLikeText(bytes: Uint8Array): boolean {
  if (bomEncoding(bytes)) return true;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control <= n * MAX_CONTROL_SHARE;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding };
  if (!looksLikeText(bytes)) {
    throw new AnalysisError('unsupported_media_type', 'The file contains binary data; text files must be UTF-8, UTF-16 (with BOM) or Windows-1251.');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: a legacy single-byte encoding. Russian files of that era are Windows-1251;
    // if the high bytes do not read as Russian, Windows-1252 (Western) is the common alternative.
    const cyrillic = new TextDecoder('windows-1251').decode(bytes);
    if (readsAsRussian(cyrillic)) return { text: cyrillic, encoding: 'windows-1251' };
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

function bomEncoding(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Windows-1251 maps nearly all high bytes to Cyrillic letters, so any 8-bit text "decodes". In real
 * Russian those letters make whole words; Western text (é, ü, ß…) read as 1251 gives single
 * Cyrillic letters stuck inside Latin words ("cafй").
 */
function readsAsRussian(text: string): boolean {
  const words = text.match(/\p{L}+/gu) ?? [];
  let cyrillic = 0;
  let mixed = 0;
  for (const word of words) {
    const hasCyrillic = /[\u0400-\u04ff]/.test(word);
    if (!hasCyrillic) continue;
    if (/[a-z]/i.test(word)) mixed++;
    else cyrillic++;
  }
  return cyrillic > 0 && cyrillic >= 3 * mixed;
}
