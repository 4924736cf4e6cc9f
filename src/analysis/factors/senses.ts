// One sense per discourse (Gale, Church and Yarowsky 1992): a paper that uses an ambiguous word
// mostly in one sense uses it in that sense throughout. A lexicon line with an `unless` condition
// names the words that mark the other sense («институт» near «научн*» is an organisation, "funding"
// near "research" is research funding); when most of a document's occurrences of the line carry that
// mark, the few that happen to stand without it are read in the same other sense, not as the factor
// (a paper on public research funding writes "current funding principles" about research funding too).
import type { FactorPatternEntry } from './lexicon.js';
import type { SenseTally } from './matching.js';

/** The other sense must hold at least this many occurrences… */
const MIN_OTHER_SENSE = 3;
/** …and outnumber the factor sense by this factor, for the paper's usage to decide. */
const DOMINANCE = 2;

/** The lexicon lines whose words this document uses mostly in their other sense. */
export function otherSenseLines(tally: SenseTally): Set<FactorPatternEntry> {
  const lines = new Set<FactorPatternEntry>();
  for (const [entry, { held, failed }] of tally) if (failed >= MIN_OTHER_SENSE && failed >= DOMINANCE * held) lines.add(entry);
  return lines;
}
