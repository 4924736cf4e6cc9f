// How good the automatic coding is, as its reviewers (or a gold annotation) see it: one definition
// of each figure, shared by the quality page (GET /api/quality) and `npm run eval:factors`.
//
// - precision: of the reviewed mentions, the share whose factor the reviewer kept (confirmed,
//   possibly with another stance);
// - stance agreement: of those, the share whose stance the reviewer kept too;
// - evidence recall: found / (found + added), found = mentions whose factor was kept, added =
//   mentions the analysis missed and the reviewer added;
// - Cohen's kappa between two codings of the same items (the automatic and the reviewed stance,
//   or two reviewers' verdicts).
import type { Review } from './review-coding.js';

/** What the latest reviews say about a set of mentions. */
export interface ReviewTally {
  /** Factor and stance kept. */
  confirmed: number;
  /** Factor kept, stance changed. */
  restanced: number;
  /** Not this factor: rejected or moved to another. */
  rejected: number;
  /** Missed by the analysis, added by the reviewer. */
  added: number;
}

export const emptyReviewTally = (): ReviewTally => ({ confirmed: 0, restanced: 0, rejected: 0, added: 0 });

/** Adds one review to a tally (a move with the same factor cannot happen: the service refuses it). */
export function tallyReview(t: ReviewTally, r: Pick<Review, 'verdict' | 'stance' | 'seenStance'>): void {
  if (r.verdict === 'add') t.added++;
  else if (r.verdict === 'reject' || r.verdict === 'move') t.rejected++;
  else if (r.verdict === 'stance' && r.stance !== r.seenStance) t.restanced++;
  else t.confirmed++;
}

/** A share with its count, or null when nothing was counted. */
export function share(hits: number, total: number): number | null {
  return total ? hits / total : null;
}

export const found = (t: ReviewTally) => t.confirmed + t.restanced;
export const precision = (t: ReviewTally) => share(found(t), found(t) + t.rejected);
export const stanceAgreement = (t: ReviewTally) => share(t.confirmed, found(t));
export const evidenceRecall = (t: ReviewTally) => share(found(t), found(t) + t.added);

/** Cohen's kappa of two codings of the same items; null when there are none, 1 when both use one same category. */
export function cohensKappa<T>(pairs: readonly (readonly [T, T])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const left = new Map<T, number>();
  const right = new Map<T, number>();
  let agree = 0;
  for (const [a, b] of pairs) {
    if (a === b) agree++;
    left.set(a, (left.get(a) ?? 0) + 1);
    right.set(b, (right.get(b) ?? 0) + 1);
  }
  const observed = agree / n;
  let expected = 0;
  for (const [category, count] of left) expected += (count / n) * ((right.get(category) ?? 0) / n);
  return expected === 1 ? 1 : (observed - expected) / (1 - expected);
}

/** Wilson's 95 % interval of a proportion hits/total (sound at small counts and near 0 or 1). */
export function wilsonInterval(hits: number, total: number, z = 1.96): [number, number] | null {
  if (!total) return null;
  const p = hits / total;
  const denominator = 1 + (z * z) / total;
  const centre = (p + (z * z) / (2 * total)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / total + (z * z) / (4 * total * total))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** One stratum of a stratified sample: its population size and, of the sampled units reviewed, the hits. */
export interface Stratum {
  population: number;
  reviewed: number;
  hits: number;
}

/**
 * The stratified estimate of a proportion over the whole population: each stratum's share weighted
 * by its population (strata without reviews are left out, and the weights renormalised over the
 * rest), with a normal 95 % interval from the stratified variance (finite-population corrected).
 */
export function stratifiedEstimate(strata: readonly Stratum[], z = 1.96): { estimate: number; interval: [number, number]; reviewed: number } | null {
  const used = strata.filter((s) => s.reviewed > 0 && s.population > 0);
  const population = used.reduce((n, s) => n + s.population, 0);
  if (!population) return null;
  let estimate = 0;
  let variance = 0;
  for (const s of used) {
    const weight = s.population / population;
    const p = s.hits / s.reviewed;
    estimate += weight * p;
    const fpc = s.population > 1 ? (s.population - s.reviewed) / (s.population - 1) : 0;
    variance += s.reviewed > 1 ? weight * weight * fpc * (p * (1 - p)) / (s.reviewed - 1) : 0;
  }
  const half = z * Math.sqrt(Math.max(0, variance));
  return { estimate, interval: [Math.max(0, estimate - half), Math.min(1, estimate + half)], reviewed: used.reduce((n, s) => n + s.reviewed, 0) };
}

/**
 * A gold annotation read as reviews of the analysis: each gold evidence sentence the analysis found
 * is a kept mention (its stance kept or changed), each one it missed an added mention.
 */
export function tallyOfGold(goldEvidence: number, foundEvidence: number, stanceKept: number): ReviewTally {
  return { confirmed: stanceKept, restanced: foundEvidence - stanceKept, rejected: 0, added: goldEvidence - foundEvidence };
}
