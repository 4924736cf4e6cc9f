// Where a long form starts, found by matching the letters of its short form (Schwartz & Hearst 2003,
// "A simple algorithm for identifying abbreviation definitions in biomedical text"), extended with
// a preference for short-form letters that begin words, which is what keeps Ab3P ahead of plain
// Schwartz–Hearst. Works on any script: Russian long forms match their abbreviations letter by
// letter just as English ones do («национальной инновационной системе» → НИС).

const ALNUM = /[\p{L}\p{N}]/u;

function isAlnum(ch: string | undefined): boolean {
  return ch !== undefined && ALNUM.test(ch);
}

/** Characters of the short form that must be found in the long form, lower-cased. */
export function shortFormLetters(short: string): string[] {
  return [...short.toLowerCase()].filter((ch) => isAlnum(ch));
}

/**
 * Schwartz–Hearst: match the short form's characters right to left in the candidate; the first
 * character must begin a word. Returns the index in `candidate` where the long form starts, or
 * null. The shortest long form that matches wins, as in the original algorithm.
 */
export function schwartzHearstStart(short: string, candidate: string): number | null {
  const letters = shortFormLetters(short);
  if (letters.length === 0) return null;
  const lower = candidate.toLowerCase();
  let l = lower.length - 1;
  for (let s = letters.length - 1; s >= 0; s--) {
    const ch = letters[s]!;
    while (l >= 0 && (lower[l] !== ch || (s === 0 && l > 0 && isAlnum(lower[l - 1])))) l--;
    if (l < 0) return null;
    l--;
  }
  return wordStart(candidate, l + 1);
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

/**
 * How many short-form letters begin a word (or a hyphen- or slash-joined part) of the long form
 * when matched greedily left to right by word initials; used to rank alternatives and to judge
 * matches whose letters sit inside words.
 */
export function initialMatches(short: string, long: string): number {
  const letters = shortFormLetters(short).filter((ch) => /\p{L}/u.test(ch));
  const initials = [...long.toLowerCase().matchAll(/(?:^|[^\p{L}\p{N}])(\p{L})/gu)].map((m) => m[1]!);
  let s = 0;
  for (const ch of initials) if (s < letters.length && ch === letters[s]) s++;
  return s;
}
