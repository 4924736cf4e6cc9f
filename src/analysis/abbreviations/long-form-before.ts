// The long form that ends where a short form's parenthesis begins: by letter matching, and for
// Latin abbreviations after Russian text by the Russian noun phrase.
import { bestLongForm, isNumberWord, shortFormLetters, splitWords, type LetterMatch } from './letter-match.js';
import { nounPhraseStart } from './noun-phrase.js';
import { upperCount } from './shape.js';
import { collapse, maxLongFormWords, trimmedEnd, wordWindow } from './text-window.js';

/** Shared checks on a long form (Schwartz–Hearst): longer than the short form, not containing it. */
export function plausibleLongForm(short: string, long: string): boolean {
  if (long.length <= short.length) return false;
  const words = long.split(/\s+/u);
  if (words.length > maxLongFormWords(short)) return false;
  // «ВЭБ.РФ» (ВЭБ) renames, it does not define.
  return !containsWord(long, short);
}

/** Whether `word` occurs in `text` with no letter or digit right before or after it. */
function containsWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    // Two code units on each side hold the neighbouring character, a surrogate pair included.
    const after = i + word.length;
    if (!ENDS_WITH_LETTER_OR_DIGIT.test(text.slice(Math.max(0, i - 2), i)) && !STARTS_WITH_LETTER_OR_DIGIT.test(text.slice(after, after + 2))) return true;
  }
  return false;
}

const ENDS_WITH_LETTER_OR_DIGIT = /[\p{L}\p{N}]$/u;
const STARTS_WITH_LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/**
 * Long form ending at `end` by letter matching, or null. A short form that does not match as
 * written is tried again without its plural ending (TNCs → TNC), without the number of a
 * numbered item («датчик тока (ДТ1)») and without a Latin qualifier («G-КСФ»).
 */
export function longFormBefore(text: string, short: string, end: number): [number, number] | null {
  const e = trimmedEnd(text, end);
  const bracketed = bracketedPartBefore(text, short, e);
  if (bracketed) return bracketed;
  for (const variant of matchVariants(short)) {
    const [from] = wordWindow(text, e, maxLongFormWords(short));
    const candidate = text.slice(from, e);
    const found = variant.length === 1 ? singleWordLongForm(variant, candidate) : bestLongForm(variant, candidate);
    if (!found || !convincing(variant, found)) continue;
    // Quotes and a dash left over from a preceding parenthesis are not part of the long form.
    const start = from + found.start + /^[-–—"“«'‘]*/u.exec(candidate.slice(found.start))![0].length;
    if (plausibleLongForm(short, collapse(text.slice(start, e)))) return [start, e];
  }
  return null;
}

/**
 * A bracketed part of a name, echoed by a bracketed letter of its short form: «Республики Саха
 * (Якутия) (РС (Я))». The words before the bracket match the rest of the short form.
 */
function bracketedPartBefore(text: string, short: string, e: number): [number, number] | null {
  const m = /^(.+?)\s*\((\p{Lu})\)$/u.exec(short);
  if (!m || text[e - 1] !== ')') return null;
  const open = text.lastIndexOf('(', e - 1);
  if (open < 0 || text[open + 1] !== m[2]) return null;
  const before = longFormBefore(text, m[1]!, open);
  return before && [before[0], e];
}

/**
 * A Latin abbreviation after its Russian translation, whose letters cannot match: «в Слоановском
 * обзоре неба (SDSS)», «Всемирной торговой организации (WTO)». The long form is the Russian noun
 * phrase before the parenthesis, of at most as many words as the abbreviation has letters.
 */
export function translatedLongFormBefore(text: string, short: string, end: number): [number, number] | null {
  if (/\p{Script=Cyrillic}/u.test(short) || upperCount(short) < 2) return null;
  const phrase = nounPhraseBefore(text, short, end, false);
  if (!phrase) return null;
  // With no letters to check, a phrase must translate word for word, about one word per letter (a
  // compound may join two: Местного сверхскопления, MCC); one compound term may stand for all of
  // them (полуширина, FWHM). A phrase of fewer words names something else: a range of
  // classification sections («Промышленное производство (BCDE)»), a type («полисахарид
  // пневмококка (SIII)»).
  const words = splitWords(text.slice(phrase[0], phrase[1])).length;
  if (words !== 1 && words < [...short].filter((ch) => /\p{L}/u.test(ch)).length - 1) return null;
  return numberedPhraseBefore(text, short, end) ?? phrase;
}

/**
 * A digit of the short form is translated by its number word, which begins the phrase even beyond
 * one word per letter: «во второй половине атлантического периода (AT-2)».
 */
function numberedPhraseBefore(text: string, short: string, end: number): [number, number] | null {
  const digits = short.match(/\p{N}/gu);
  if (!digits) return null;
  const phrase = nounPhraseBefore(text, short, end, false, maxLongFormWords(short));
  if (!phrase) return null;
  const word = splitWords(text.slice(phrase[0], phrase[1])).find((w) => digits.some((d) => isNumberWord(w.text, d)));
  return word ? [phrase[0] + word.start, phrase[1]] : null;
}

/**
 * The Russian noun phrase before `end`, of at most `maxWords` words (by default as many as the
 * short form has letters). A phrase longer than that is cut to its last groups for a translation
 * (the abbreviation names the last ones: «объеме Местного сверхскопления (MCC)»), and rejected when
 * `whole` is asked for.
 */
export function nounPhraseBefore(
  text: string,
  short: string,
  end: number,
  whole: boolean,
  maxWords = shortFormLetters(short).length,
): [number, number] | null {
  const e = trimmedEnd(text, end);
  const [from] = wordWindow(text, e, maxLongFormWords(short));
  const words = splitWords(text.slice(from, e));
  const phrase = nounPhraseStart(words.map((w) => w.text), maxWords);
  if (!phrase || (whole && phrase.cut)) return null;
  const first = words[phrase.start]!;
  return [from + first.start + /^[«"“„]*/u.exec(first.text)![0].length, e];
}

export function matchVariants(short: string): string[] {
  const variants = [short];
  const singular = short.replace(/(?<=\p{Lu}{2,})(?:['’]?s)$/u, '');
  if (singular !== short) variants.push(singular);
  const unnumbered = short.replace(/(?<=\p{Lu}{2,})\p{N}+$/u, '');
  if (unnumbered !== short) variants.push(unnumbered);
  // A Latin qualifier before a Russian abbreviation («G-КСФ») stands for no Russian word.
  const russian = short.replace(/^\p{Script=Latin}+-(?=\p{Script=Cyrillic}{2})/u, '');
  if (russian !== short) variants.push(russian);
  return variants;
}

/**
 * A letter match is convincing when few words of the long form go without a letter (score ≥ −1:
 * «поливинилпирролидон с мол. массой 350 кДа (ПВП)» is not a long form). Lower-case short forms
 * ("amino acid (aa)") are ordinary words as often as not, so their letters must also begin at least
 * two words of the long form (or all of them, for a single letter).
 */
export function convincing(short: string, found: LetterMatch): boolean {
  if (found.score < -1) return false;
  if (/\p{Lu}/u.test(short)) return true;
  return found.initials >= Math.min(2, shortFormLetters(short).length);
}

/** A one-letter short form stands for the single word before it: "testosterone (T)". */
function singleWordLongForm(letter: string, candidate: string): LetterMatch | null {
  const m = /(\p{L}[\p{L}-]{2,})\s*$/u.exec(candidate);
  if (!m || m[1]![0]!.toLowerCase() !== letter.toLowerCase() || !/\p{Lu}/u.test(letter)) return null;
  return { start: m.index, score: 1, initials: 1 };
}

/** The long form starts with the short form's first letter and every letter begins a word, in order. */
export function spellsShortForm(short: string, long: string): boolean {
  const found = bestLongForm(short, long);
  return found !== null && found.start === 0 && found.initials === shortFormLetters(short).length;
}

/** The long form inside "(long form, SF)" must start with the short form's first letter. */
export function startsLongForm(short: string, long: string): boolean {
  const found = bestLongForm(short, long);
  return found !== null && found.start === 0 && convincing(short, found);
}
