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
 * Where the long form starts in `candidate` (the words before the short form), or null.
 * Schwartz–Hearst: the short form's characters match in order and its first character begins a
 * word; of the possible starts they take the nearest. Here every such start is scored by its best
 * letter alignment (alignmentScore) and the best wins, the nearest on ties: this keeps «proton» in
 * "proton pump inhibitors (PPIs)", where the nearest start gives "pump inhibitors".
 */
export function longFormStart(short: string, candidate: string): number | null {
  const letters = shortFormLetters(short);
  if (letters.length === 0) return null;
  let best: { start: number; score: number } | null = null;
  for (let i = candidate.length - 1; i >= 0; i--) {
    if (candidate[i]!.toLowerCase() !== letters[0] || (i > 0 && isAlnum(candidate[i - 1]))) continue;
    const start = partOrWordStart(candidate, i);
    const score = alignmentScore(letters, candidate.slice(i));
    if (score !== null && (!best || score > best.score)) best = { start, score };
  }
  return best ? best.start : null;
}

/**
 * Words that carry no letter of an abbreviation in either language: they may sit inside a long
 * form («малого и среднего предпринимательства», "Organization for Security and Co-operation")
 * without counting against it, and their initials do not count for it.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'and', 'or', 'for', 'in', 'on', 'at', 'to', 'by', 'with', 'from', 'as',
  'и', 'или', 'в', 'во', 'на', 'по', 'с', 'со', 'к', 'ко', 'о', 'об', 'от', 'до', 'для', 'при', 'из', 'за', 'под',
]);

/**
 * Best alignment of the letters to `text` with the first letter at index 0: the number of letters
 * that begin a word (or a hyphen-joined part) minus the number of content words that get no letter.
 * Null when the letters do not all match in order.
 */
export function alignmentScore(letters: string[], text: string): number | null {
  const lower = text.toLowerCase();
  const words = splitWords(lower);
  const wordAt = new Int32Array(lower.length).fill(-1);
  const content = words.map((w) => !FUNCTION_WORDS.has(w.text.replace(/[^\p{L}\p{N}]/gu, '')));
  words.forEach((w, k) => wordAt.fill(k, w.start, w.end));
  const initial = (p: number): number =>
    (p === 0 || !isAlnum(lower[p - 1])) && content[wordAt[p]!] ? 1 : 0;
  // Content words strictly between word a and word b.
  const contentBefore = [0];
  for (const c of content) contentBefore.push(contentBefore[contentBefore.length - 1]! + (c ? 1 : 0));
  const unused = (a: number, b: number): number => (b > a + 1 ? contentBefore[b]! - contentBefore[a + 1]! : 0);
  const NONE = -Infinity;
  let prev = new Float64Array(lower.length).fill(NONE);
  if (lower[0] !== letters[0]) return null;
  prev[0] = initial(0);
  for (let s = 1; s < letters.length; s++) {
    const wordBest = new Float64Array(words.length).fill(NONE);
    prev.forEach((v, q) => {
      const w = wordAt[q]!;
      if (w >= 0 && v > wordBest[w]!) wordBest[w] = v;
    });
    const next = new Float64Array(lower.length).fill(NONE);
    let sameWord = NONE;
    for (let p = 1; p < lower.length; p++) {
      const w = wordAt[p]!;
      if (w !== wordAt[p - 1]) sameWord = NONE;
      sameWord = Math.max(sameWord, prev[p - 1]!);
      if (lower[p] !== letters[s] || w < 0) continue;
      let best = sameWord;
      for (let v = 0; v < w; v++) if (wordBest[v] !== NONE) best = Math.max(best, wordBest[v]! - unused(v, w));
      if (best !== NONE) next[p] = best + initial(p);
    }
    prev = next;
  }
  let score = NONE;
  prev.forEach((v, p) => {
    if (v !== NONE) score = Math.max(score, v - unused(wordAt[p]!, words.length));
  });
  return score === NONE ? null : score;
}

/**
 * A match at a part after '/' or a dash ("ngn3/paired box factor 6", "malformations--persistent
 * truncus arteriosus") starts the long form there; after a hyphen the whole word counts, as
 * chemical names and prefixes belong to the long form (2,4-dinitrophenyl, non-inactivating).
 */
function partOrWordStart(text: string, i: number): number {
  const before = text.slice(wordStart(text, i), i);
  return /(?:\/|--|[—–])$/u.test(before) ? i : wordStart(text, i);
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
