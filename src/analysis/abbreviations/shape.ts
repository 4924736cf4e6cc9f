// What an abbreviation looks like in running text, and its bare form without inflection.
// Russian abbreviations take case endings (ВЭБ-а, НИСа, ТНК-ами), English ones plurals and
// possessives (TNCs, NIS's); every form is counted under the bare abbreviation (ВЭБ, НИС, TNC).
import { acrossLanguages, hasScript, LANGUAGES, type LanguageProfile } from '../languages/index.js';
import { isNoise } from './noise.js';

/** The tail an abbreviation may take in running text in any analyzed language (profile.abbreviationTail). */
export const abbreviationTail = acrossLanguages((profiles) => profiles.map((p) => p.abbreviationTail).join('|'));

/** An abbreviation token with its inflection: group 1 is the bare form, group 2 the ending. */
export const abbreviationInText = acrossLanguages(
  () => new RegExp(`(?<![\\p{L}\\p{N}&])((?:\\p{N}+-?)?\\p{Lu}(?:[\\p{Lu}\\p{N}]|[&/-](?=[\\p{Lu}\\p{N}]))*)(${abbreviationTail()})?(?![\\p{L}\\p{N}])`, 'gu'),
);

const tailLanguages = acrossLanguages((profiles) => profiles.map((p) => ({ profile: p, tail: new RegExp(`^(?:${p.abbreviationTail})$`, 'u') })));

/** Number of upper-case letters: two or more make an abbreviation in running text. */
export function upperCount(s: string): number {
  return [...s].filter((ch) => /\p{Lu}/u.test(ch)).length;
}

/**
 * The inflection must be that of the abbreviation's own language: Cyrillic endings after Cyrillic
 * letters only, a plural s after Latin ones only.
 */
export function endingFits(bare: string, ending: string | undefined): boolean {
  if (!ending) return true;
  const language = tailLanguages().find(({ tail }) => tail.test(ending))?.profile;
  return language !== undefined && hasScript(bare, language.script) && !LANGUAGES.some((p: LanguageProfile) => p.script !== language.script && hasScript(bare, p.script));
}

/** Bare form of an abbreviation as written: `ВЭБ-а` → `ВЭБ`, `TNCs` → `TNC`, `NIS's` → `NIS`. */
export function bareAbbreviation(written: string): string {
  const re = new RegExp(abbreviationInText().source, 'u');
  const m = re.exec(written);
  if (!m || m.index !== 0 || m[0].length !== written.length || !endingFits(m[1]!, m[2])) return written;
  return m[1]!;
}

/**
 * An abbreviation with a number that tells items of one kind apart — a model or an installation
 * (БЭСМ-1, РАТАН-600), a survey wave or a variable series (CIS4, TCTP1), a numbered law (209-ФЗ) —
 * is the abbreviation of the kind. A number glued to two letters is left alone: it is part of a
 * formula or a name (CO2, G20 has one letter anyway), as is a number between letters (B2B, 2SLS).
 */
export function withoutItemNumber(bare: string): string {
  const m = /^\p{N}+-(\p{Lu}{2,})$/u.exec(bare) ?? /^(\p{Lu}{2,})-\p{N}+$/u.exec(bare) ?? /^(\p{Lu}{3,})\p{N}+$/u.exec(bare);
  return m ? m[1]! : bare;
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
