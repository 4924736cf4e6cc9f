// How likely a factor mention is right — the factor is one the paper discusses, and the stance is the
// one a reader gives the sentence — as a number in [0, 1] that means what it says: `npm run
// eval:factors` prints the calibration table (share right per confidence band) on the development set.
//
// The evidence that raises it, strongest first: the paper returns to the factor often (a factor named
// once is as often a passing word or another sense as a subject), the wording is several words rather
// than one, the sentence is body text or the abstract rather than a caption, heading or footnote, and
// it is the author's own statement. Its weights are development estimates (share of right mentions
// per feature on the 18 papers of ../shared/data/factor-gold-dev), stated here so they can be checked.
import type { BlockKind, FactorMention } from '../types.js';

/** A mention before its confidence is known, with what the confidence is read from. */
export interface MentionDraft extends Omit<FactorMention, 'confidence'> {
  /** Block kind of the sentence. */
  kind: BlockKind;
  /** Number of words of the wording that matched. */
  words: number;
  /** Language of the sentence. */
  language: string;
  /** The stance score (sum of the cue votes), for choosing between parallel readings. */
  score: number;
}

/** Share right for a mention whose factor the paper names once, in one word, in body text. */
const BASE = 0.3;
/** Added by how many sentences of the paper name the same factor (at least the key). */
const SUPPORT: readonly [number, number][] = [
  [20, 0.6],
  [8, 0.5],
  [3, 0.38],
  [2, 0.18],
];
const MULTI_WORD = 0.08;
const PERIPHERAL_KINDS: ReadonlySet<BlockKind> = new Set(['caption', 'footnote', 'heading', 'keywords', 'title']);
const PERIPHERAL = -0.1;
const CITED = -0.05;
const MIN = 0.05;
const MAX = 0.97;

export function assignConfidence(drafts: MentionDraft[]): FactorMention[] {
  const perFactor = new Map<string, number>();
  for (const d of drafts) perFactor.set(d.factor, (perFactor.get(d.factor) ?? 0) + 1);
  // The mention is written out field by field (the draft's own fields left out): taking the draft
  // apart with a rest pattern and spreading it again cost a tenth of the factor step. A field added
  // to FactorMention is added here too (the compiler asks for it unless it is optional).
  return drafts.map((mention) => {
    const { kind, words } = mention;
    const n = perFactor.get(mention.factor)!;
    let p = BASE + (SUPPORT.find(([atLeast]) => n >= atLeast)?.[1] ?? 0);
    if (words > 1) p += MULTI_WORD;
    if (PERIPHERAL_KINDS.has(kind)) p += PERIPHERAL;
    if (mention.attribution === 'cited') p += CITED;
    const { factor, sentence, match, matchStart, matchEnd, stance, cues, modality, attribution, actors } = mention;
    return { factor, sentence, match, matchStart, matchEnd, stance, cues, modality, attribution, actors, confidence: Math.round(Math.min(MAX, Math.max(MIN, p)) * 100) / 100 };
  });
}
