// Unicode character classes as a table, so that the tokenizer and the sentence splitter test a
// character with one array read instead of a Unicode-property regex (several times faster on a
// long paper). The table is filled lazily, 256 code points at a time, so that start-up only pays
// for the blocks a text uses (Basic Latin, Cyrillic, punctuation).

export const LETTER = 1;
export const UPPER = 2;
export const LOWER = 4;
export const DIGIT = 8;
/** Combining marks (stress marks, diacritics written as separate code points). */
export const MARK = 16;
export const SPACE = 32;
/** Characters of the Cyrillic and of the Latin script (letters, and the marks and signs of each). */
export const CYRILLIC = 64;
export const LATIN = 128;
const FILLED = 256;

const BLOCK = 256;
const table = new Uint16Array(0x10000);

function fillBlock(code: number): void {
  const first = code - (code % BLOCK);
  for (let c = first; c < first + BLOCK; c++) table[c] = FILLED | (c >= 0xd800 && c <= 0xdfff ? 0 : classify(String.fromCharCode(c)));
}

function classify(ch: string): number {
  return category(ch) | (/\p{Script=Cyrillic}/u.test(ch) ? CYRILLIC : 0) | (/\p{Script=Latin}/u.test(ch) ? LATIN : 0);
}

function category(ch: string): number {
  if (/\s/u.test(ch)) return SPACE;
  if (/\p{L}/u.test(ch)) return LETTER | (/\p{Lu}|\p{Lt}/u.test(ch) ? UPPER : 0) | (/\p{Ll}/u.test(ch) ? LOWER : 0);
  if (/\p{N}/u.test(ch)) return DIGIT;
  return /\p{M}/u.test(ch) ? MARK : 0;
}

/** The class flags of the character at text[i]; for a surrogate pair, of the whole code point. */
export function charFlags(text: string, i: number): number {
  const code = text.charCodeAt(i);
  let flags = table[code]!;
  if (flags === 0) {
    fillBlock(code);
    flags = table[code]!;
  }
  if (code >= 0xd800 && code <= 0xdbff) return classify(String.fromCodePoint(text.codePointAt(i)!));
  return flags & ~FILLED;
}

/** Length in UTF-16 code units of the character at text[i] (2 for a surrogate pair). */
export function charLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return 1;
  // A high surrogate counts with its low one; a lone one (broken text) is a character of its own.
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}
