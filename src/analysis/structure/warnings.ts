// What a reader should know before trusting the analysis of this paper's structure: a text layer
// that is mostly signs rather than words, or a long paper in which no bibliography was found (its
// references are then read as body text, or the text is not a paper).
import type { Zone } from '../types.js';
import { letterShare, wordCount, type StructureParagraph } from './paragraph.js';

/** A paper this long without a bibliography is unusual enough to say so. */
const LONG_PAPER_WORDS = 3000;
/** Text whose words are mostly signs: fewer letters than this share of its characters. */
const MIN_LETTER_SHARE = 0.5;
/** Judged only on text long enough to tell. */
const MIN_SAMPLE_WORDS = 200;

export function structureWarnings(paragraphs: readonly StructureParagraph[], zones: readonly Zone[]): string[] {
  const warnings: string[] = [];
  let words = 0;
  let letters = 0;
  for (const p of paragraphs) {
    const n = wordCount(p.text);
    words += n;
    letters += letterShare(p.text) * n;
  }
  if (words >= MIN_SAMPLE_WORDS && letters / words < MIN_LETTER_SHARE) {
    warnings.push(`the text layer looks garbled: only ${Math.round((100 * letters) / words)}% of its characters are letters (symbol soup, as from a broken font encoding); results are unreliable`);
  }
  if (words >= LONG_PAPER_WORDS && !zones.includes('references')) {
    warnings.push(`no reference list was found in this ${words.toLocaleString('en')}-word text; if it has one, its entries may have been read as body text`);
  }
  return warnings;
}
