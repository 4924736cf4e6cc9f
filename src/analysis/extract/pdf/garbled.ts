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
