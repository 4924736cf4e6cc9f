// Upper-case words that are not abbreviations because of where they stand: author initials
// ("Smith JA, Jones B."), formula symbols ("GDP = C + I"), labels of a bibliographic record
// ("URL: https://…"), and words of all-caps headings
// («ВВЕДЕНИЕ», "RESULTS:"). These filters apply only to abbreviations that are neither defined in
// the text nor in the glossary.
import { glossaryEntry } from './glossary.js';
import { isDictionaryWord, morphologyLoaded } from './morphology.js';

/** A match of an abbreviation-shaped word in the text. */
export interface Spot {
  start: number;
  end: number;
  /** The bare abbreviation (ВЭБ for ВЭБ-а). */
  bare: string;
}

/**
 * "Smith JA, Jones BC" / «Гаврилова МВ, Сидорова ЕВ»: two or three capitals after a surname, in a
 * list of names. Judged for known abbreviations too: «Иванов АН, Петров ГУ» are initials, not the
 * Academy of Sciences and a state institution.
 */
export function isAuthorInitials(text: string, spot: Spot): boolean {
  if (spot.bare.length > 3 || !/^\p{Lu}+$/u.test(spot.bare)) return false;
  const before = text.slice(Math.max(0, spot.start - 40), spot.start);
  if (!/\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s$/u.test(before)) return false;
  if (!/^\s*(?:[,;.]|\(\d{4}|$)/u.test(text.slice(spot.end, spot.end + 6))) return false;
  // One such pair could be «Россия ВТО,»; a name list has another surname with initials nearby.
  const around = text.slice(Math.max(0, spot.start - 80), spot.end + 80);
  return [...around.matchAll(/\p{Lu}\p{Ll}+\s+\p{Lu}{1,3}(?![\p{L}\p{N}])|\p{Lu}\p{Ll}+\s+\p{Lu}\.\s?\p{Lu}?\.?/gu)].length >= 2;
}

/** Part of a web address («…/Нефтяники%20-%20инвесторы%20в%20РФ.png», "www.OECD.org"): a string of characters, not words of the text. */
export function isInsideAddress(text: string, spot: Spot): boolean {
  let from = spot.start;
  while (from > 0 && spot.start - from < 300 && !/\s/u.test(text[from - 1]!)) from--;
  return from < spot.start && /:\/\/|www\.|%[0-9A-F]{2}/u.test(text.slice(from, spot.start));
}

/** A field label of a bibliographic record, before its address or number ("URL: https://…", "ISBN 978-5-7883-1209-5"). */
function isRecordLabel(text: string, spot: Spot): boolean {
  return /^\s*:?\s*(?:https?:|www\.|\d[\d-]{6,}\d)/u.test(text.slice(spot.end, spot.end + 24));
}

/** Next to an operator or a sub/superscript: a variable of a formula, not an abbreviation. */
function isFormulaSymbol(text: string, spot: Spot): boolean {
  const before = text.slice(Math.max(0, spot.start - 3), spot.start);
  const after = text.slice(spot.end, spot.end + 3);
  if (/[₀-₉⁰-⁹¹²³]/u.test(spot.bare)) return true;
  return /[=<>≤≥+×·*^∑√/]\s*$/u.test(before) || /^\s*[=<>≤≥+×·*^_]/u.test(after);
}

const LONG_WORD = { ru: 5, en: 7 } as const;

/**
 * A word of an all-caps heading: part of a run of three or more all-caps words, a section label
 * before a colon at the start of a sentence ("RESULTS:"), or simply an ordinary word in capitals —
 * a Russian dictionary word of five letters or more («ВВЕДЕНИЕ», «ВЫВОДЫ»), or any word of seven
 * letters or more (English, or Russian without morphology), since real abbreviations of that length
 * are in the glossary or defined.
 */
function isHeadingWord(text: string, spot: Spot, sentenceStart: number): boolean {
  const word = /^\S*/u.exec(text.slice(spot.start))![0];
  if (/^\p{Lu}+:/u.test(word) && !/\S/u.test(text.slice(sentenceStart, spot.start).replace(/[\d.\s]+/gu, ''))) return true;
  const run = capsRun(text, spot);
  if (run.length >= 3 && !isNameChain(run)) return true;
  if (/\p{Script=Cyrillic}/u.test(spot.bare) && morphologyLoaded()) {
    return spot.bare.length >= LONG_WORD.ru && isDictionaryWord(spot.bare);
  }
  return spot.bare.length >= LONG_WORD.en;
}

/** The consecutive all-caps words around the spot, itself included («РОЛЬ ТНК В ЭКОНОМИКЕ» is four). */
function capsRun(text: string, spot: Spot): string[] {
  const isCaps = (w: string) => /^[\p{Lu}\p{N}«»"“”,.:;–—-]*$/u.test(w) && /\p{Lu}/u.test(w);
  const left = text.slice(Math.max(0, spot.start - 200), spot.start).split(/\s+/u).filter(Boolean).reverse();
  const right = text.slice(spot.end, spot.end + 200).split(/\s+/u).filter(Boolean);
  const run = [text.slice(spot.start, spot.end)];
  for (const w of left) if (isCaps(w)) run.unshift(w); else break;
  for (const w of right) if (isCaps(w)) run.push(w); else break;
  return run;
}

/**
 * A chain of Russian abbreviations naming one body, «ИНМ ЯНЦ СО РАН», «ИКФИА СО РАН», «ЗАО АК
 * «АЛРОСА»»: no word of it is an ordinary word (of three letters or more, by morphology, and not an
 * abbreviation of the glossary, as РАН is), where a heading has some («РОЛЬ ТНК В ЭКОНОМИКЕ»).
 * English runs are not judged: without a dictionary their ordinary words cannot be told apart.
 */
function isNameChain(run: string[]): boolean {
  if (!morphologyLoaded() || !run.every((w) => !/\p{Script=Latin}/u.test(w))) return false;
  return run.every((w) => {
    const letters = w.replace(/[^\p{L}]/gu, '');
    return letters.length < 3 || glossaryEntry(letters) !== undefined || !isDictionaryWord(letters);
  });
}
/** Whether an undefined, unlisted abbreviation-shaped word is noise where it stands. */
export function isNoiseInContext(text: string, spot: Spot, sentenceStart: number): boolean {
  return isAuthorInitials(text, spot) || isFormulaSymbol(text, spot) || isRecordLabel(text, spot) || isHeadingWord(text, spot, sentenceStart);
}
