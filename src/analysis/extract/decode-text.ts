// Text uploads: UTF-8 (with or without BOM), UTF-16 with BOM, and legacy Russian Windows-1251.
// Anything with control bytes that no text file has is binary and rejected.
import { AnalysisError } from '../errors.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Invalid UTF-8 sequences replaced by U+FFFD in a file that is otherwise UTF-8. */
  replaced: number;
}

/**
 * A file that is not valid UTF-8 is still read as UTF-8 when its valid multi-byte characters
 * outnumber its invalid sequences this many times: a stray byte in a UTF-8 file, not a legacy
 * encoding (Windows-1251 Russian makes almost no valid UTF-8 sequences).
 */
const MOSTLY_UTF8_RATIO = 10;

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
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding, replaced: 0 };
  if (!looksLikeText(bytes)) {
    throw new AnalysisError('unsupported_media_type', 'The file contains binary data; text files must be UTF-8, UTF-16 (with BOM) or Windows-1251.');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', replaced: 0 };
  } catch {
    const utf8 = new TextDecoder('utf-8').decode(bytes);
    const { multibyte, replaced } = countUtf8(utf8, bytes);
    if (multibyte >= MOSTLY_UTF8_RATIO * replaced) return { text: utf8, encoding: 'utf-8', replaced };
    // Not UTF-8: a legacy single-byte encoding. Russian files of that era are Windows-1251;
    // if the high bytes do not read as Russian, Windows-1252 (Western) is the common alternative.
    const cyrillic = new TextDecoder('windows-1251').decode(bytes);
    if (readsAsRussian(cyrillic)) return { text: cyrillic, encoding: 'windows-1251', replaced: 0 };
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', replaced: 0 };
  }
}

/** Valid non-ASCII characters and replacement characters of a lenient UTF-8 decoding (less those written in the file). */
function countUtf8(text: string, bytes: Uint8Array): { multibyte: number; replaced: number } {
  let multibyte = 0;
  let replacements = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) replacements++;
    else if (code >= 0x80 && !(code >= 0xdc00 && code <= 0xdfff)) multibyte++;
  }
  // U+FFFD written in the file (EF BF BD) is a character, not a decoding error.
  let written = 0;
  for (let i = bytes.indexOf(0xef); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) written++;
  }
  return { multibyte: multibyte + written, replaced: replacements - written };
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
