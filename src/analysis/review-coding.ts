// The corrected coding of a document: its automatic evidence (the Summary) with the researchers'
// reviews applied. Reviews are kept apart from the analysis and point at a mention by its sentence
// (offsets and text) and factor, so that after a new analysis they are matched again to the
// mentions it found: by the same offsets and text, else by the same sentence text elsewhere (the
// text moved), else they stay unmatched — reported to the caller, never dropped.
import { netStance } from './net-stance.js';
import type { Evidence, Stance, Summary } from './types.js';

export const VERDICTS = ['confirm', 'reject', 'move', 'stance', 'add'] as const;
/**
 * confirm: factor and stance right; reject: not this factor (nor any); move: another factor
 * (`toFactor`, optionally another `stance`); stance: right factor, other `stance`; add: a mention
 * the analysis missed, of `toFactor` with `stance`, in the given sentence.
 */
export type Verdict = (typeof VERDICTS)[number];

/** Whether a row of the tables was checked by a reviewer, and whether the check changed it. */
export type ReviewState = 'automatic' | 'reviewed' | 'corrected';

export interface Review {
  id: string;
  documentId: string;
  /** The reviewed sentence in the normalized text (offsets [start, end) and its text). */
  start: number;
  end: number;
  sentence: string;
  /** The automatic factor of the reviewed mention; null for a mention the reviewer added. */
  factor: string | null;
  verdict: Verdict;
  /** The factor after review, for `move` and `add`. */
  toFactor: string | null;
  /** The stance after review, for `stance` and `add` (and `move` when given). */
  stance: Stance | null;
  /** The automatic stance and matched words the reviewer saw (for agreement and lexicon feedback). */
  seenStance: Stance | null;
  seenMatch: string | null;
  reviewer: string;
  note: string | null;
  /** ISO-8601; the latest review of a mention is the one the tables use. */
  createdAt: string;
}

/** One mention of the corrected coding. */
export interface CodedMention extends Evidence {
  factor: string;
  review: ReviewState;
}

/** One document × factor cell of the corrected coding (the shape of the factor table's counts). */
export interface CodedFactor {
  factor: string;
  mentions: number;
  per1000Words: number;
  positive: number;
  negative: number;
  neutral: number;
  net: number;
  review: ReviewState;
}

/** A sentence of the document (its offsets, text, page and language). */
export interface SentenceFacts {
  start: number;
  end: number;
  sentence: string;
  page: number | null;
  language: string;
}

export interface Coding {
  factors: CodedFactor[];
  mentions: CodedMention[];
  /** Latest reviews (one per mention) that point at nothing in the current analysis. */
  unmatched: Review[];
}

/** The key of the mention a review is about: its factor (the added one for `add`) and sentence start. */
export function anchorKey(review: Pick<Review, 'factor' | 'toFactor' | 'start' | 'verdict'>): string {
  return review.verdict === 'add' ? `+${review.toFactor}@${review.start}` : `${review.factor}@${review.start}`;
}

/** The latest review of each mention, by time (ties: the later id); `reviewer` keeps only theirs. */
export function latestReviews(reviews: readonly Review[], reviewer?: string): Review[] {
  const latest = new Map<string, Review>();
  for (const r of reviews) {
    if (reviewer !== undefined && r.reviewer !== reviewer) continue;
    const key = `${r.documentId}\u0000${anchorKey(r)}`;
    const seen = latest.get(key);
    if (!seen || r.createdAt > seen.createdAt || (r.createdAt === seen.createdAt && r.id > seen.id)) latest.set(key, r);
  }
  return [...latest.values()];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Where a review's sentence is in the current evidence of a factor: same offsets and text, else same text nearest. */
function findMention(candidates: readonly { start: number; end: number; sentence: string }[], review: Review): number {
  const exact = candidates.findIndex((c) => c.start === review.start && c.end === review.end && c.sentence === review.sentence);
  if (exact >= 0) return exact;
  const text = squash(review.sentence);
  let best = -1;
  for (let i = 0; i < candidates.length; i++) {
    if (squash(candidates[i]!.sentence) !== text) continue;
    if (best < 0 || Math.abs(candidates[i]!.start - review.start) < Math.abs(candidates[best]!.start - review.start)) best = i;
  }
  return best;
}

/** The sentence of an added mention in the current text: at its offsets, else the occurrence nearest them. */
function locateSentence(text: string, review: Review): { start: number; end: number } | null {
  if (text.slice(review.start, review.end) === review.sentence) return { start: review.start, end: review.end };
  let best = -1;
  for (let at = text.indexOf(review.sentence); at >= 0; at = text.indexOf(review.sentence, at + 1)) {
    if (best < 0 || Math.abs(at - review.start) < Math.abs(best - review.start)) best = at;
  }
  return best < 0 ? null : { start: best, end: best + review.sentence.length };
}

/**
 * Applies the latest review of each mention to a document's automatic evidence. `sentenceAt` gives
 * the sentence holding an offset: an added mention is the sentence holding the words the reviewer
 * selected, as the analysis' mentions are sentences.
 */
export function applyReviews(
  summary: Summary,
  text: string,
  reviews: readonly Review[],
  sentenceAt: (offset: number) => SentenceFacts | undefined = () => undefined,
): Coding {
  const mentions: (CodedMention & { from: string })[] = summary.factors.flatMap((f) => f.evidence.map((e) => ({ ...e, factor: f.id, from: f.id, review: 'automatic' as ReviewState })));
  const byFactor = new Map<string, typeof mentions>();
  for (const m of mentions) byFactor.set(m.factor, [...(byFactor.get(m.factor) ?? []), m]);
  const rejected = new Set<object>();
  const added: typeof mentions = [];
  const unmatched: Review[] = [];
  const latest = latestReviews(reviews);

  for (const review of latest) {
    if (review.verdict === 'add') {
      const at = locateSentence(text, review);
      if (!at) {
        unmatched.push(review);
        continue;
      }
      const sentence = sentenceAt(at.start) ?? { ...at, sentence: text.slice(at.start, at.end), page: null, language: summary.document.language };
      // The analysis found it by itself (a new analysis, or the words lie in a sentence it holds): the reviewer's stance wins.
      const found = (byFactor.get(review.toFactor!) ?? []).find((m) => m.start === sentence.start);
      if (found) {
        found.review = review.stance && review.stance !== found.stance ? 'corrected' : 'reviewed';
        found.stance = review.stance ?? found.stance;
        continue;
      }
      added.push({ ...sentence, match: text.slice(at.start, at.end), stance: review.stance ?? 'neutral', cues: [], factor: review.toFactor!, from: '', review: 'corrected' });
      continue;
    }
    const candidates = byFactor.get(review.factor!) ?? [];
    const index = findMention(candidates, review);
    if (index < 0) {
      unmatched.push(review);
      continue;
    }
    const m = candidates[index]!;
    if (review.verdict === 'confirm') m.review = 'reviewed';
    else if (review.verdict === 'reject') rejected.add(m);
    else {
      const factor = review.verdict === 'move' ? review.toFactor! : m.factor;
      const stance = review.stance ?? m.stance;
      m.review = factor !== m.factor || stance !== m.stance ? 'corrected' : 'reviewed';
      m.factor = factor;
      m.stance = stance;
    }
  }

  // One mention per factor and sentence: a move onto a sentence the factor already holds merges.
  const seen = new Set<string>();
  const coded: typeof mentions = [];
  for (const m of [...mentions.filter((m) => !rejected.has(m)), ...added]) {
    const key = `${m.factor}@${m.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    coded.push(m);
  }
  // A cell is corrected when a review changed what it holds: a mention moved in or out, rejected, restanced or added.
  const touched = new Map<string, ReviewState>();
  const mark = (factor: string, state: ReviewState) => {
    if (state === 'corrected' || !touched.has(factor)) touched.set(factor, state);
  };
  for (const m of mentions) {
    if (rejected.has(m) || m.factor !== m.from) mark(m.from, 'corrected');
  }
  for (const m of coded) if (m.review !== 'automatic') mark(m.factor, m.review);

  // A cell no review changed keeps the analysis' own counts; a corrected one is counted again, as
  // the analysis counts (a translation of another sentence, the parallel abstract, is not counted).
  const automatic = new Map(summary.factors.map((f) => [f.id, f]));
  const words = summary.document.words;
  const factors: CodedFactor[] = [];
  for (const factor of new Set(coded.map((m) => m.factor))) {
    const review = touched.get(factor) ?? 'automatic';
    const own = automatic.get(factor);
    if (own && review !== 'corrected') {
      factors.push({ factor, mentions: own.mentions, per1000Words: own.per1000Words, ...own.stance, review });
      continue;
    }
    const counted = coded.filter((c) => c.factor === factor && c.translationOf === undefined);
    const f: CodedFactor = { factor, mentions: counted.length, per1000Words: 0, positive: 0, negative: 0, neutral: 0, net: 0, review };
    for (const c of counted) f[c.stance]++;
    f.per1000Words = words ? round((f.mentions * 1000) / words, 2) : 0;
    f.net = round(netStance(f.positive, f.negative, f.mentions), 3);
    if (f.mentions > 0) factors.push(f);
  }
  return { factors, mentions: coded.map(({ from: _from, ...m }) => m), unmatched };
}

function round(x: number, digits: number): number {
  const p = 10 ** digits;
  return Math.round(x * p) / p;
}
