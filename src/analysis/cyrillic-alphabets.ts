// Which Cyrillic-script languages a text's letters allow. eld confuses Russian, Bulgarian and
// Ukrainian on short texts and does not know Kazakh, Kyrgyz, Tatar, Bashkir, Tajik, Mongolian or
// Macedonian at all; the letters of their alphabets (lexicons/cyrillic-alphabets.tsv) tell them apart.
import { LexiconError, readLexiconFile } from './lexicon-files.js';
import { lexiconLines } from './lexicon-lines.js';

/** Share of a text's Cyrillic letters that may be foreign to a language (a quoted name, a typo). */
const FOREIGN_TOLERANCE = 0.005;
/** Share of a text's Cyrillic letters that a language's own extra letters must reach. */
const EXTRA_LETTERS_MIN_SHARE = 0.01;

const FIRST_CYRILLIC = 0x400;
const CYRILLIC_SIZE = 0x100;

export interface CyrillicAlphabet {
  code: string;
  /** Code points (lower case) of the letters beyond the Russian alphabet. */
  extra: number[];
  /** Code points (lower case) of the Russian letters this alphabet lacks. */
  lacks: number[];
}

/** Counts of Cyrillic letters in a text, case folded, indexed by code point − U+0400. */
export class CyrillicLetterCounts {
  readonly counts = new Int32Array(CYRILLIC_SIZE);
  total = 0;

  /** Counts one character (any character: only Cyrillic letters are counted). */
  add(code: number): boolean {
    const index = code - FIRST_CYRILLIC;
    if (index < 0 || index >= CYRILLIC_SIZE || !isCyrillicLetter[index]) return false;
    this.counts[lowerIndex[index]!]!++;
    this.total++;
    return true;
  }

  count(codes: readonly number[]): number {
    let n = 0;
    for (const code of codes) n += this.counts[code - FIRST_CYRILLIC]!;
    return n;
  }
}

// Case folding and letter tests for the Cyrillic block, computed once.
const lowerIndex = new Int32Array(CYRILLIC_SIZE);
const isCyrillicLetter = new Uint8Array(CYRILLIC_SIZE);
for (let i = 0; i < CYRILLIC_SIZE; i++) {
  const ch = String.fromCodePoint(FIRST_CYRILLIC + i);
  isCyrillicLetter[i] = /\p{L}/u.test(ch) ? 1 : 0;
  const lower = ch.toLowerCase().codePointAt(0)! - FIRST_CYRILLIC;
  lowerIndex[i] = lower >= 0 && lower < CYRILLIC_SIZE ? lower : i;
}

export const cyrillicAlphabets: readonly CyrillicAlphabet[] = readAlphabets('cyrillic-alphabets.tsv');

/** Every letter that some alphabet has beyond Russian. */
const allExtraLetters = [...new Set(cyrillicAlphabets.flatMap((a) => a.extra))];

function readAlphabets(name: string): CyrillicAlphabet[] {
  const file = readLexiconFile(name);
  const path = file.path;
  return lexiconLines(file).map(({ fields, line }) => {
    const [code, extra, lacks] = fields;
    if (fields.length !== 3 || !/^[a-z]{2}$/.test(code!)) throw new LexiconError(path, line, 'expected: code<TAB>extra letters<TAB>lacking letters');
    return { code: code!, extra: letters(extra!, path, line), lacks: letters(lacks!, path, line) };
  });
}

function letters(field: string, path: string, line: number): number[] {
  if (field === '-') return [];
  if (!/^[\u0400-\u04ff]+$/u.test(field) || field !== field.toLowerCase()) throw new LexiconError(path, line, `"${field}" must be lower-case Cyrillic letters or '-'`);
  return [...field].map((ch) => ch.codePointAt(0)!);
}

/**
 * The alphabets that fit the letters: almost no letter foreign to the alphabet, and (unless
 * `requireOwnLetters` is false) its own extra letters, if it has any, frequent enough to be its
 * text rather than a quoted word.
 */
export function fittingAlphabets(letters: CyrillicLetterCounts, { requireOwnLetters = true } = {}): CyrillicAlphabet[] {
  const tolerance = letters.total * FOREIGN_TOLERANCE;
  const allExtra = letters.count(allExtraLetters);
  return cyrillicAlphabets.filter((alphabet) => {
    const own = letters.count(alphabet.extra);
    if (requireOwnLetters && alphabet.extra.length > 0 && own < letters.total * EXTRA_LETTERS_MIN_SHARE) return false;
    return allExtra - own + letters.count(alphabet.lacks) <= tolerance;
  });
}
