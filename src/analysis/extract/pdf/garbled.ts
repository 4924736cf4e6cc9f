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
/** Share of suspect words above which the text layer is reported as garbled. */
const MAX_SUSPECT_SHARE = 0.2;

/** Enough text to judge a text layer by; long documents are judged on their beginning. */
export const SAMPLE_CHARS = 50_000;

export function garbledShare(text: string): number | null {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < MIN_WORDS) return null;
  let suspect = 0;
  for (const raw of words) {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    const mixedScripts = CYRILLIC.test(word) && LATIN.test(word);
    const lookalike = word.length >= 3 && LOOKALIKES.test(word);
    if (mixedScripts || lookalike || BROKEN.test(word)) suspect++;
  }
  return suspect / words.length;
}

export function looksGarbled(text: string): boolean {
  const share = garbledShare(text);
  return share !== null && share > MAX_SUSPECT_SHARE;
}
