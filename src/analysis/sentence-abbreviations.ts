// The abbreviations that a dot does not end a sentence after (or ends it only in some contexts),
// from every analyzed language's profile (lexicons/<code>/sentence-abbreviations.txt). All lists
// serve every paragraph: Russian papers cite English works (et al., Vol., pp.) and English ones
// cite Russian names. Where two languages list the same abbreviation, the first language's class wins.
import { acrossLanguages } from './languages/index.js';
import { abbreviationKey, type AbbreviationClass } from './languages/profile.js';

export { abbreviationKey, type AbbreviationClass } from './languages/profile.js';

const merged = acrossLanguages((profiles) => {
  const abbreviations = new Map<string, AbbreviationClass>();
  /** The most space-separated parts an entry has ("и т. д." has 3); longer look-backs cannot match. */
  let maxParts = 1;
  for (const profile of profiles) {
    for (const [key, entry] of profile.sentenceAbbreviations) {
      if (!abbreviations.has(key)) abbreviations.set(key, entry.class);
      maxParts = Math.max(maxParts, entry.parts);
    }
  }
  return { abbreviations, maxParts };
});

/** The class of an abbreviation given as its key, or undefined when it is not listed. */
export function abbreviationClass(key: string): AbbreviationClass | undefined {
  return merged().abbreviations.get(key);
}

/** The most space-separated parts a listed abbreviation has. */
export function abbreviationMaxParts(): number {
  return merged().maxParts;
}
