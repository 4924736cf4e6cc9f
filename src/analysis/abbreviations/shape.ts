// What an abbreviation looks like in running text, and its bare form without inflection.
// Russian abbreviations take case endings (ВЭБ-а, НИСа, ТНК-ами), English ones plurals and
// possessives (TNCs, NIS's); every form is counted under the bare abbreviation (ВЭБ, НИС, TNC).
import { isNoise } from './noise.js';

/** An abbreviation token with its inflection: group 1 is the bare form, group 2 the ending. */
export const ABBREVIATION_IN_TEXT =
  /(?<![\p{L}\p{N}&])((?:\p{N}+-?)?\p{Lu}(?:[\p{Lu}\p{N}]|[&/-](?=[\p{Lu}\p{N}]))*)(-?[а-яё]{1,3}|['’]s|s)?(?![\p{L}\p{N}])/gu;

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/** Number of upper-case letters: two or more make an abbreviation in running text. */
export function upperCount(s: string): number {
  return [...s].filter((ch) => /\p{Lu}/u.test(ch)).length;
}

/** The inflection must be in the abbreviation's own script: Cyrillic endings after Cyrillic letters. */
export function endingFits(bare: string, ending: string | undefined): boolean {
  if (!ending) return true;
  if (CYRILLIC.test(ending)) return CYRILLIC.test(bare) && !LATIN.test(bare);
  return LATIN.test(bare);
}

/** Bare form of an abbreviation as written: `ВЭБ-а` → `ВЭБ`, `TNCs` → `TNC`, `NIS's` → `NIS`. */
export function bareAbbreviation(written: string): string {
  const re = new RegExp(ABBREVIATION_IN_TEXT.source, 'u');
  const m = re.exec(written);
  if (!m || m.index !== 0 || m[0].length !== written.length || !endingFits(m[1]!, m[2])) return written;
  return m[1]!;
}

/**
 * Whether a parenthesized text can be a short form (Schwartz–Hearst: at most ten characters and two
 * words, a letter, starting with a letter or digit; a single character only as a capital letter),
 * not a number with its unit ("2 mg", "pH 7.5").
 */
export function isShortFormCandidate(s: string): boolean {
  if (s.length > 10 || (s.length < 2 && !/^\p{Lu}$/u.test(s))) return false;
  const words = s.split(/\s+/u);
  // "(2 mg)", "(pH 7.5)" are amounts; "(PAR 2)", "(ED 16)" are numbered abbreviations.
  if (words.length > 2 || (words.length === 2 && isAmount(words[0]!, words[1]!))) return false;
  // An all-lower-case short form longer than four letters is an ordinary word in brackets.
  if (!/[\p{Lu}\p{N}]/u.test(s) && s.length > 4) return false;
  return /\p{L}/u.test(s) && /^[\p{L}\p{N}]/u.test(s);
}

function isAmount(first: string, second: string): boolean {
  const number = /^[\p{N}.,%-]+$/u;
  return number.test(first) || (number.test(second) && upperCount(first) < 2);
}

export function isShortForm(s: string): boolean {
  return isShortFormCandidate(s) && !isNoise(s) && !/[=<>]/u.test(s);
}
