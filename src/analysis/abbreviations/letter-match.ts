// Where a long form starts, found by matching the letters of its short form (Schwartz & Hearst 2003,
// "A simple algorithm for identifying abbreviation definitions in biomedical text"), extended with
// a preference for short-form letters that begin words, which is what keeps Ab3P ahead of plain
// Schwartz–Hearst. Works on any script: Russian long forms match their abbreviations letter by
// letter just as English ones do («национальной инновационной системе» → НИС).
import { acrossLanguages } from '../languages/index.js';
import { phrasesPattern } from '../languages/markers.js';

const ALNUM = /[\p{L}\p{N}]/u;

function isAlnum(ch: string | undefined): boolean {
  return ch !== undefined && ALNUM.test(ch);
}

/** Characters of the short form that must be found in the long form, lower-cased. */
export function shortFormLetters(short: string): string[] {
  return [...short.toLowerCase()].filter((ch) => isAlnum(ch));
}

/** A long form found by letter matching: where it starts and how well its letters fit. */
export interface LetterMatch {
  start: number;
  /** Letters at word initials minus content words that carry no letter (alignmentScore). */
  score: number;
  /** Letters of the short form that begin a word or a hyphen-joined part. */
  initials: number;
}

/**
 * Where the long form starts in `candidate` (the words before the short form), or null.
 * Schwartz–Hearst: the short form's characters match in order and its first character begins a
 * word; of the possible starts they take the nearest. Here every such start is scored by its best
 * letter alignment (alignmentScore) and the best wins, the nearest on ties: this keeps «proton» in
 * "proton pump inhibitors (PPIs)", where the nearest start gives "pump inhibitors".
 */
export function bestLongForm(short: string, candidate: string): LetterMatch | null {
  const letters = shortFormLetters(short);
  if (letters.length === 0) return null;
  const lower = candidate.toLowerCase();
  let best: LetterMatch | null = null;
  for (let i = candidate.length - 1; i >= 0; i--) {
    if (i > 0 && isAlnum(candidate[i - 1])) continue;
    if (!matchesAt(lower, i, letters[0]!)) continue;
    const start = partOrWordStart(candidate, i);
    // A long form does not begin with a preposition or conjunction ("by penicilloylated bovine IgG").
    if (functionWords().has(candidate.slice(start).split(/[^\p{L}]/u)[0]!.toLowerCase())) continue;
    const alignment = alignmentScore(letters, candidate.slice(i));
    if (alignment && (!best || alignment.score > best.score)) best = { start, ...alignment };
  }
  return best;
}

/**
 * Words that carry no letter of an abbreviation in any analyzed language (the profiles' function
 * words): they may sit inside a long form («малого и среднего предпринимательства», "Organization
 * for Security and Co-operation") without counting against it, and their initials do not count for it.
 */
export const functionWords = acrossLanguages((profiles) => new Set(profiles.flatMap((p) => [...p.functionWords])));

/**
 * Best alignment of the letters to `text` with the first letter at index 0: the number of letters
 * that begin a word (or a hyphen-joined part) minus the number of content words that get no letter,
 * with the number of initial letters of that alignment. Null when the letters do not all match.
 */
export function alignmentScore(letters: string[], text: string): { score: number; initials: number } | null {
  const lower = text.toLowerCase();
  if (!matchesAt(lower, 0, letters[0]!)) return null;
  const words = splitWords(lower);
  const wordAt = new Int32Array(lower.length).fill(-1);
  const functional = functionWords();
  const content = words.map((w) => !functional.has(w.text.replace(/[^\p{L}\p{N}]/gu, '')));
  words.forEach((w, k) => wordAt.fill(k, w.start, w.end));
  const initial = (p: number): number => ((p === 0 || !isAlnum(lower[p - 1])) && content[wordAt[p]!] ? 1 : 0);
  // Content words strictly between word a and word b.
  const contentBefore = [0];
  for (const c of content) contentBefore.push(contentBefore[contentBefore.length - 1]! + (c ? 1 : 0));
  const unused = (a: number, b: number): number => (b > a + 1 ? contentBefore[b]! - contentBefore[a + 1]! : 0);
  // Dynamic programming over (letter, position); each cell keeps the best score and its initials.
  type Cell = { score: number; initials: number } | null;
  const better = (a: Cell, b: Cell): Cell => (!a || (b && b.score > a.score) ? b : a);
  let prev: Cell[] = new Array<Cell>(lower.length).fill(null);
  prev[0] = { score: initial(0), initials: initial(0) };
  for (let s = 1; s < letters.length; s++) {
    const wordBest: Cell[] = new Array<Cell>(words.length).fill(null);
    prev.forEach((cell, q) => {
      if (cell && wordAt[q]! >= 0) wordBest[wordAt[q]!] = better(wordBest[wordAt[q]!]!, cell);
    });
    const next: Cell[] = new Array<Cell>(lower.length).fill(null);
    let sameWord: Cell = null;
    for (let p = 1; p < lower.length; p++) {
      const w = wordAt[p]!;
      if (w !== wordAt[p - 1]) sameWord = null;
      sameWord = better(sameWord, prev[p - 1]!);
      if (w < 0 || !matchesAt(lower, p, letters[s]!)) continue;
      let best = sameWord;
      for (let v = 0; v < w; v++) {
        const cell = wordBest[v];
        if (cell) best = better(best, { score: cell.score - unused(v, w), initials: cell.initials });
      }
      if (best) next[p] = { score: best.score + initial(p), initials: best.initials + initial(p) };
    }
    prev = next;
  }
  let result: Cell = null;
  prev.forEach((cell, p) => {
    if (cell) result = better(result, { score: cell.score - unused(wordAt[p]!, words.length), initials: cell.initials });
  });
  return result;
}

/**
 * A match at a part after '/' or a dash ("ngn3/paired box factor 6", "malformations--persistent
 * truncus arteriosus") starts the long form there; after a hyphen the whole word counts, as
 * chemical names and prefixes belong to the long form (2,4-dinitrophenyl, non-inactivating). So
 * does a slash between alternatives for the same letter ("Receiver/Relative Operating Characteristic").
 */
function partOrWordStart(text: string, i: number): number {
  const start = wordStart(text, i);
  const before = text.slice(start, i);
  if (/^\p{L}+\/$/u.test(before) && before[0]!.toLowerCase() === text[i]!.toLowerCase()) return start;
  return /(?:\/|--|[—–])$/u.test(before) ? i : start;
}

/**
 * Words for the digits of short forms, of every analyzed language (the profiles' number words):
 * "two-dimensional (2D)", "six-repetition maximum (6-RM)", «двумерный (2D)». Each digit's pattern
 * matches at the start of a text: a whole word, or a word's beginning.
 */
const numberWords = acrossLanguages((profiles) => {
  const patterns = new Map<string, RegExp>();
  for (const digit of '123456789') {
    const words = profiles.flatMap((p) => [...(p.numberWords.get(digit)?.words ?? [])]);
    const stems = profiles.flatMap((p) => p.numberWords.get(digit)?.stems ?? []);
    const alternatives = [...(words.length ? [`${phrasesPattern(words)}(?!\\p{L})`] : []), ...(stems.length ? [phrasesPattern(stems)] : [])];
    if (alternatives.length) patterns.set(digit, new RegExp(`^(?:${alternatives.join('|')})`, 'u'));
  }
  return patterns;
});

/** Whether a word is the word for a digit («второй» for 2, "first" for 1). */
export function isNumberWord(word: string, digit: string): boolean {
  return numberWords().get(digit)?.test(word.toLowerCase()) ?? false;
}

/** Whether the short-form character `ch` matches `lower` at `p`: the same character, or a digit's word at a word start. */
function matchesAt(lower: string, p: number, ch: string): boolean {
  if (lower[p] === ch) return true;
  const word = numberWords().get(ch);
  return word !== undefined && (p === 0 || !isAlnum(lower[p - 1])) && word.test(lower.slice(p, p + 12));
}

/** Index of the first character of the word that contains position `i`. */
export function wordStart(text: string, i: number): number {
  let j = i;
  while (j > 0 && !/\s/u.test(text[j - 1]!)) j--;
  return j;
}

/** The words of a text with their offsets (split at white space). */
export interface Word {
  text: string;
  start: number;
  end: number;
}

export function splitWords(text: string): Word[] {
  return [...text.matchAll(/\S+/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}
