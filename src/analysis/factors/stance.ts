// Rule-based stance of a sentence toward a target inside it (a factor mention, or any span).
//
// Each cue found in the sentence votes with a sign and a weight:
// - the sign comes from the cue kind and, for trends, advice and counter-moves, from the target's
//   inherent reading (рост инвестиций is positive, рост санкций negative);
// - a negation up to NEGATION_SCOPE words before the cue, within the clause, flips it; a negation
//   that governs no cue still reports that something does not happen (ТНК не создают…) and counts
//   as a weak negative cue;
// - a trend or counter-move applied to an evaluative word composes with it («снижение издержек»,
//   «компенсировала потери» are positive);
// - the weight falls with the distance to the target (attachment by proximity: «отсутствие ТНК»
//   binds tighter than a cue three clauses away), across ; : ( ) dashes, and across contrast:
//   the clause after «но» / "but" dominates the one before it, a concessive clause (хотя, although)
//   counts half.
// Cues inside the target itself are its name, not an evaluation of it (утечка мозгов, точки роста).
import { tokenize } from '../tokens.js';
import type { Stance, Token } from '../types.js';
import type { Inherent } from './lexicon.js';
import { cueIndex, type CueEntry, type CueKind } from './stance-cues.js';
import type { PatternMatch } from './patterns.js';

const NEGATION_SCOPE = 3;
/** Weight of a negation that governs no cue («не создают», "did not improve"). */
const BARE_NEGATION_WEIGHT = 0.5;
/** |score| at or above which a mention is positive or negative rather than neutral. */
const DECISION_THRESHOLD = 0.4;
const MAX_CUES_REPORTED = 3;
const CLAUSE_BREAKS = new Set([';', ':', '(', ')', '–', '—', '.', '!', '?']);

type PolarKind = Exclude<CueKind, 'negation' | 'contrast' | 'concession' | 'inert'>;

interface PolarCue {
  kind: PolarKind;
  weight: number;
  from: number;
  to: number;
  /** Index of the negation that flips it, or -1. */
  negatedBy: number;
  /** Number of contrast markers before it: its clause in the contrast structure. */
  segment: number;
  /** Inside a concessive clause (хотя …,). */
  conceded: boolean;
}

/** The cues of one sentence, found once and reused for every target in it. */
export interface SentenceCues {
  tokens: Token[];
  cues: PolarCue[];
  /** Token index → contrast segment. */
  segmentOf: Int32Array;
  segments: number;
  /** contrastAt[k]: token index of the contrast marker that opens segment k + 1. */
  contrastAt: number[];
  /** breaksBefore[i]: clause breaks among tokens [0, i). */
  breaksBefore: Int32Array;
}

export interface StanceResult {
  stance: Stance;
  /** The words that decided it, as written (a negated cue keeps its negation: «не способствует»). */
  cues: string[];
  score: number;
}

export interface TokenSpan {
  /** First token of the target. */
  from: number;
  /** One past its last token. */
  to: number;
}

export function findSentenceCues(tokens: Token[], language: string): SentenceCues {
  const segmentOf = new Int32Array(tokens.length);
  const breaksBefore = new Int32Array(tokens.length + 1);
  for (let i = 0; i < tokens.length; i++) breaksBefore[i + 1] = breaksBefore[i]! + (CLAUSE_BREAKS.has(tokens[i]!.text) ? 1 : 0);
  const index = cueIndex(language);
  if (!index) return { tokens, cues: [], segmentOf, segments: 0, contrastAt: [], breaksBefore };
  const matches = longestMatches(index.matchAll(tokens));
  const contrasts = matches.filter((m) => m.entry.kind === 'contrast').map((m) => m.from);
  let segment = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (contrasts.includes(i)) segment++;
    segmentOf[i] = segment;
  }
  const negations = matches.filter((m) => m.entry.kind === 'negation');
  const concessions = matches.filter((m) => m.entry.kind === 'concession').map((m) => [m.from, clauseEnd(tokens, m.to)] as const);
  const conceded = (at: number): boolean => concessions.some(([from, to]) => at > from && at < to);
  const cues: PolarCue[] = [];
  const usedNegations = new Set<number>();
  for (const m of matches) {
    const kind = m.entry.kind;
    if (kind === 'negation' || kind === 'contrast' || kind === 'concession' || kind === 'inert') continue;
    const negation = negations.find((n) => n.to <= m.from && m.from - n.to < NEGATION_SCOPE && breaksBefore[m.from]! === breaksBefore[n.to]!);
    if (negation) usedNegations.add(negation.from);
    cues.push({ kind, weight: m.entry.weight, from: m.from, to: m.to, negatedBy: negation ? negation.from : -1, segment: segmentOf[m.from]!, conceded: conceded(m.from) });
  }
  for (const n of negations) {
    if (usedNegations.has(n.from) || n.to >= tokens.length || !/\p{L}/u.test(tokens[n.to]!.text)) continue;
    cues.push({ kind: 'negative', weight: BARE_NEGATION_WEIGHT * n.entry.weight, from: n.from, to: n.to + 1, negatedBy: -1, segment: segmentOf[n.from]!, conceded: conceded(n.from) });
  }
  cues.sort((a, b) => a.from - b.from);
  return { tokens, cues: composeModifiers(cues, breaksBefore), segmentOf, segments: segment, contrastAt: contrasts, breaksBefore };
}

/** How close a trend or counter-move must be to the evaluative word it changes («снижение издержек»). */
const MODIFIER_SCOPE = 2;
const MODIFIER_SIGN: Partial<Record<PolarKind, number>> = { up: 1, down: -1, counter: -1 };

/**
 * A trend or counter-move applied to an evaluative word is one cue whose sign is the product of
 * both: «снижение издержек», "reduce barriers", «компенсировала потери» are positive, «рост
 * эффективности» positive, «снижение эффективности» negative.
 */
function composeModifiers(cues: PolarCue[], breaksBefore: Int32Array): PolarCue[] {
  const result: PolarCue[] = [];
  for (let i = 0; i < cues.length; i++) {
    const modifier = cues[i]!;
    const next = cues[i + 1];
    const modifierSign = MODIFIER_SIGN[modifier.kind];
    const composes =
      modifierSign !== undefined &&
      next !== undefined &&
      (next.kind === 'positive' || next.kind === 'negative') &&
      next.negatedBy < 0 &&
      next.from >= modifier.to &&
      next.from - modifier.to < MODIFIER_SCOPE &&
      breaksBefore[next.from]! === breaksBefore[modifier.to]!;
    if (!composes) {
      result.push(modifier);
      continue;
    }
    const sign = modifierSign * (next.kind === 'positive' ? 1 : -1);
    result.push({ ...modifier, kind: sign > 0 ? 'positive' : 'negative', weight: Math.max(modifier.weight, next.weight), to: next.to });
    i++;
  }
  return result;
}

/** Where a concessive clause ends: the next comma or clause break. */
function clauseEnd(tokens: Token[], from: number): number {
  for (let i = from; i < tokens.length; i++) if (tokens[i]!.text === ',' || CLAUSE_BREAKS.has(tokens[i]!.text)) return i;
  return tokens.length;
}

/** Overlapping cue matches: the longest wins, so «не только» (inert) beats «не» (negation). */
function longestMatches(matches: PatternMatch<CueEntry>[]): PatternMatch<CueEntry>[] {
  const sorted = [...matches].sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  const taken = new Uint8Array(Math.max(0, ...matches.map((m) => m.to)));
  const kept: PatternMatch<CueEntry>[] = [];
  for (const m of sorted) {
    let free = true;
    for (let i = m.from; i < m.to; i++) if (taken[i]) free = false;
    if (!free) continue;
    for (let i = m.from; i < m.to; i++) taken[i] = 1;
    kept.push(m);
  }
  return kept.sort((a, b) => a.from - b.from);
}

/** Stance of the sentence toward the target; `inherent` is how the target reads on its own. */
export function stanceToward(sentence: SentenceCues, target: TokenSpan, inherent: Inherent = 'neutral'): StanceResult {
  const votes: { text: string; value: number }[] = [];
  for (const cue of sentence.cues) {
    if (cue.to > target.from && cue.from < target.to) continue;
    const value = cueSign(cue.kind, inherent) * (cue.negatedBy >= 0 ? -1 : 1) * cue.weight * attachment(sentence, cue, target);
    if (value !== 0) votes.push({ text: cueText(sentence.tokens, cue), value });
  }
  return decide(votes, inherent);
}

/** Stance of the whole sentence, for sentences without a target: the last contrast clause dominates. */
export function sentenceStance(sentence: SentenceCues): StanceResult {
  const votes = sentence.cues.map((cue) => {
    const contrast = sentence.segments === 0 ? 1 : cue.segment === sentence.segments ? 1.5 : 0.5;
    const value = cueSign(cue.kind, 'neutral') * (cue.negatedBy >= 0 ? -1 : 1) * cue.weight * contrast * (cue.conceded ? 0.5 : 1);
    return { text: cueText(sentence.tokens, cue), value };
  });
  return decide(votes, 'neutral');
}

function cueSign(kind: PolarKind, inherent: Inherent): number {
  switch (kind) {
    case 'positive':
      return 1;
    case 'negative':
      return -1;
    // Any trend, recommendation or counter-move around a threat presents it as a threat; a burden
    // is worse when it grows and better when it falls.
    case 'up':
      return inherent === 'neutral' ? 1 : -1;
    case 'down':
      return inherent === 'burden' ? 1 : -1;
    case 'advice':
      return inherent === 'negative' ? -1 : 1;
    case 'counter':
      return inherent === 'neutral' ? 0.5 : -1;
  }
}

function attachment(sentence: SentenceCues, cue: PolarCue, target: TokenSpan): number {
  const targetSegment = sentence.segmentOf[target.from]!;
  // A clause opened by a contrast after the target is read as said of the target: «НИС обладает
  // потенциалом, но функционирует фрагментарно». Its cues are as far as they are from the contrast.
  const distance =
    cue.segment > targetSegment
      ? cue.from - sentence.contrastAt[cue.segment - 1]!
      : cue.from >= target.to
        ? cue.from - target.to
        : target.from - cue.to;
  const trend = cue.kind === 'up' || cue.kind === 'down';
  let weight = trend ? (distance <= 2 ? 1 : distance <= 4 ? 0.6 : 0.2) : distance <= 3 ? 1 : distance <= 6 ? 0.8 : distance <= 12 ? 0.5 : 0.3;
  const [lo, hi] = cue.from < target.from ? [cue.to, target.from] : [target.to, cue.from];
  if (hi > lo && sentence.breaksBefore[hi]! > sentence.breaksBefore[lo]!) weight *= 0.6;
  // The clause after a contrast dominates: it keeps its full weight even across the contrast,
  // while the clause before it is discounted.
  if (cue.segment < targetSegment) weight *= 0.3;
  else if (cue.segment === targetSegment && targetSegment < sentence.segments) weight *= 0.5;
  if (cue.conceded) weight *= 0.5;
  return weight;
}

function cueText(tokens: Token[], cue: PolarCue): string {
  const from = cue.negatedBy >= 0 ? cue.negatedBy : cue.from;
  return tokens
    .slice(from, cue.to)
    .map((t) => t.text)
    .join(' ');
}

function decide(votes: { text: string; value: number }[], inherent: Inherent): StanceResult {
  const score = Math.round(votes.reduce((sum, v) => sum + v.value, 0) * 1000) / 1000;
  const stance: Stance = score >= DECISION_THRESHOLD ? 'positive' : score <= -DECISION_THRESHOLD ? 'negative' : inherent === 'negative' ? 'negative' : 'neutral';
  const sign = stance === 'positive' ? 1 : stance === 'negative' ? -1 : 0;
  const cues = [...new Set(votes.filter((v) => Math.sign(v.value) === sign).sort((a, b) => Math.abs(b.value) - Math.abs(a.value)).map((v) => v.text))];
  return { stance, cues: cues.slice(0, MAX_CUES_REPORTED), score };
}

/**
 * Stance of a text toward a character span in it (or the whole text when no span is given), for
 * callers outside the pipeline such as eval:polarity.
 */
export function classifyStance(text: string, language: string, span?: [number, number], inherent: Inherent = 'neutral'): StanceResult {
  const tokens = tokenize(text, 0, text.length, language);
  const sentence = findSentenceCues(tokens, language);
  if (!span) return sentenceStance(sentence);
  const inside = tokens.flatMap((t, i) => (t.end > span[0] && t.start < span[1] ? [i] : []));
  if (inside.length === 0) return sentenceStance(sentence);
  return stanceToward(sentence, { from: inside[0]!, to: inside[inside.length - 1]! + 1 }, inherent);
}
