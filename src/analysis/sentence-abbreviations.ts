// The abbreviations that a dot does not end a sentence after (or ends it only in some contexts),
// read from lexicons/ru/sentence-abbreviations.txt and lexicons/en/sentence-abbreviations.txt. Both lists serve every paragraph:
// Russian papers cite English works (et al., Vol., pp.) and English ones cite Russian names.
import { LexiconError } from './lexicon-files.js';
import { readLexiconEntries } from './lexicon-entries.js';

/**
 * What a dot after the abbreviation means before a capitalised word:
 * inner — nothing (т. е., см., Dr.); final — the end of the sentence (и т. д., etc.);
 * unit — 'final' after a number (2007 г., 5 млн.), 'inner' otherwise (г. Москва);
 * proper — the end only before a capitalised stop word (in the U.S. The…, but U.S. Department).
 */
export type AbbreviationClass = 'inner' | 'final' | 'unit' | 'proper';

const CLASSES: ReadonlySet<string> = new Set<AbbreviationClass>(['inner', 'final', 'unit', 'proper']);
const ABBREVIATION_SHAPE = /^[\p{L}.\- ]+\.$/u;

/** Abbreviations keyed by their lower-case form without spaces ("т. е." → "т.е."). */
const abbreviations = new Map<string, AbbreviationClass>();
/** The most space-separated parts an entry has ("и т. д." has 3); longer look-backs cannot match. */
let maxParts = 1;

for (const name of ['ru/sentence-abbreviations.txt', 'en/sentence-abbreviations.txt']) {
  const { path, entries } = readLexiconEntries(name);
  for (const { fields, line } of entries) {
    const [cls, written] = fields;
    if (fields.length !== 2 || !CLASSES.has(cls!)) throw new LexiconError(path, line, 'expected: inner|final|unit|proper<TAB>abbreviation');
    if (!ABBREVIATION_SHAPE.test(written!) || written !== written!.toLowerCase()) {
      throw new LexiconError(path, line, `"${written}" must be lower-case letters ending with a dot`);
    }
    const key = abbreviationKey(written!);
    if (abbreviations.has(key)) throw new LexiconError(path, line, `"${written}" is listed twice`);
    abbreviations.set(key, cls as AbbreviationClass);
    maxParts = Math.max(maxParts, written!.split(' ').length);
  }
}

export function abbreviationKey(written: string): string {
  return written.toLowerCase().replace(/\s+/g, '');
}

/** The class of an abbreviation given as its key, or undefined when it is not listed. */
export function abbreviationClass(key: string): AbbreviationClass | undefined {
  return abbreviations.get(key);
}

export const ABBREVIATION_MAX_PARTS = maxParts;
