// A text layer can exist and still be nonsense: a bad OCR layer that read English as Cyrillic
// look-alikes ("ТНЕ СВЕАТ"), or fonts without a usable character map ("Е15т${"). Such text
// must not be analyzed silently; the summary carries a warning.

/** Cyrillic letters that look like Latin ones; words made only of them are suspect. */
const LOOKALIKES = /^[АВЕКМНОРСТХаеорсух]+$/u;
const CYRILLIC = /[\u0400-\u04ff]/u;
const LATIN = /[a-z]/i;
/** Letters mixed with digits or signs inside one word: "1$Н", "м/ИН", "оЁ". */
const BROKEN = /\p{L}[\p{N}$@#{}|\\/]|[\p{N}$@#{}|\\/]\p{L}/u;
const MIN_WORDS = 10;
/** A word between spaces: signs before, the core from its first to its last letter or digit, signs after. */
const WORD_CORE = /(?=\S)[^\s\p{L}\p{N}]*([\p{L}\p{N}](?:\S*[\p{L}\p{N}])?)?\S*/gu;
const HAS_LETTER = /\p{L}/u;
/** Share of suspect words above which the text layer is reported as garbled. */
const MAX_SUSPECT_SHARE = 0.2;

/** Enough text to judge a text layer by; long documents are judged on their beginning. */
export const SAMPLE_CHARS = 50_000;

export function garbledShare(text: string): number | null {
  let words = 0;
  let suspect = 0;
  // Each whitespace-separated word, trimmed of the signs around it; one pass with a regex that
  // captures the trimmed core, since a replace() per word cost more than the whole check.
  for (const match of text.matchAll(WORD_CORE)) {
    const word = match[1];
    if (word === undefined || !HAS_LETTER.test(word)) continue;
    words++;
    const mixedScripts = CYRILLIC.test(word) && LATIN.test(word);
    const lookalike = word.length >= 3 && LOOKALIKES.test(word);
    if (mixedScripts || lookalike || BROKEN.test(word)) suspect++;
  }
  return words < MIN_WORDS ? null : suspect / words;
}

export function looksGarbled(text: string): boolean {
  const share = garbledShare(text);
  return share !== null && share > MAX_SUSPECT_SHARE;
}

/**
 * A font embedded without a character map gives pdf.js its glyph numbers instead of characters:
 * the page's text is control codes ("\u0002\u0003\u0004…"), while the page itself prints fine. Such a
 * page is read by OCR like a scan. Readable pages of real papers hold under 3% of these codes (dingbats,
 * stray control characters); the pages of such a font hold 60–90%.
 */
const MAX_UNMAPPED_SHARE = 0.3;
/** Judged only on pages with enough text to tell, and on their first characters (it runs on every page). */
const MIN_PAGE_CHARS = 100;
const SAMPLE_PAGE_CHARS = 2000;

/** C0 and C1 control codes (but white space) and the private-use area: codes no text is written in. */
function isUnmapped(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f) || (code >= 0xe000 && code <= 0xf8ff);
}

export function hasUnmappedGlyphs(runs: readonly { text: string }[]): boolean {
  let chars = 0;
  let unmapped = 0;
  for (const run of runs) {
    const text = run.text;
    for (let i = 0; i < text.length && chars < SAMPLE_PAGE_CHARS; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x20) continue;
      chars++;
      if (isUnmapped(code)) unmapped++;
    }
    if (chars >= SAMPLE_PAGE_CHARS) break;
  }
  return chars >= MIN_PAGE_CHARS && unmapped / chars >= MAX_UNMAPPED_SHARE;
}
