// The abbreviations that a dot does not end a sentence after (or ends it only in some contexts),
// from every analyzed language's profile (lexicons/<code>/sentence-abbreviations.txt). All lists
// serve every paragraph: Russian papers cite English works (et al., Vol., pp.) and English ones
// cite Russian names. Where two languages list the same abbreviation, the first language's class wins.
import { LANGUAGES } from './languages/index.js';
import { abbreviationKey, type AbbreviationClass } from './languages/profile.js';

export { abbreviationKey, type AbbreviationClass } from './languages/profile.js';

interface Merged {
  /** How many languages were registered when the lists were merged. */
  languages: number;
  abbreviations: Map<string, AbbreviationClass>;
  /** The most space-separated parts an entry has ("и т. д." has 3); longer look-backs cannot match. */
  maxParts: number;
}

let merged: Merged | undefined;

function mergedLists(): Merged {
  if (merged?.languages === LANGUAGES.length) return merged;
  const abbreviations = new Map<string, AbbreviationClass>();
  let maxParts = 1;
  for (const profile of LANGUAGES) {
    for (const [key, entry] of profile.sentenceAbbreviations) {
      if (!abbreviations.has(key)) abbreviations.set(key, entry.class);
      maxParts = Math.max(maxParts, entry.parts);
    }
  }
  merged = { languages: LANGUAGES.length, abbreviations, maxParts };
  return merged;
}

/** The class of an abbreviation given as its key, or undefined when it is not listed. */
export function abbreviationClass(key: string): AbbreviationClass | undefined {
  return mergedLists().abbreviations.get(key);
}

/** The most space-separated parts a listed abbreviation has. */
export function abbreviationMaxParts(): number {
  return mergedLists().maxParts;
}
