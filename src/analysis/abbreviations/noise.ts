// Upper-case strings that are not abbreviations. Intrinsic shapes (Roman numerals, numbers, and
// units unless a text defines the string) are judged here; shapes that depend on the surrounding text (author initials, formula symbols,
// all-caps headings) are judged in context.ts. A definition in the text or a glossary entry
// overrides these filters where they are about context, never for Roman numerals or numbers.
import { readLexiconFile } from '../lexicon-files.js';
import { lexiconLines } from '../lexicon-lines.js';

/** Roman numerals below 100 (I … XCIX); Cyrillic Х and І stand in for X and I in Russian texts. */
const ROMAN = /^(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/u;

export function isRomanNumeral(s: string): boolean {
  const latin = s.replace(/Х/gu, 'X').replace(/І/gu, 'I');
  return latin.length > 0 && ROMAN.test(latin);
}

/**
 * A range of centuries or chapters, «XVII-XVIII вв.», or its two numerals run together by text
 * extraction, «XIVXVI»: two numerals of two letters or more each.
 */
function isRomanRange(s: string): boolean {
  const parts = s.split(/[-–]/u);
  if (parts.length === 2) return parts.every(isRomanNumeral);
  for (let k = 2; k <= s.length - 2; k++) if (isRomanNumeral(s.slice(0, k)) && isRomanNumeral(s.slice(k))) return true;
  return false;
}

/**
 * Units of measure and currency codes whose capitals make them look like abbreviations
 * (lexicons/units.txt). A unit is a measure, not a name, so papers never define them.
 */
let units: ReadonlySet<string> | undefined;

export function isUnit(s: string): boolean {
  units ??= new Set(lexiconLines(readLexiconFile('units.txt')).map((l) => l.text));
  return units.has(s);
}

/** Numbers, years, dates and ordinals: a number with at most a lower-case suffix (1990-е, 2019г, 5th), not 3D or 5G. */
export function isNumberLike(s: string): boolean {
  return /^\p{N}/u.test(s) && !/\p{Lu}/u.test(s) && [...s].filter((ch) => /\p{L}/u.test(ch)).length < 3;
}

/** Never an abbreviation, even in a parenthesis after a long form: Roman numerals and numbers. */
export function isNoise(s: string): boolean {
  return isRomanNumeral(s) || isRomanRange(s) || isNumberLike(s);
}

/** Not an abbreviation when met in running text without a definition: also units and currencies. */
export function isNoiseInText(s: string): boolean {
  return isNoise(s) || isUnit(s);
}
