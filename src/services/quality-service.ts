// The quality of the automatic coding as its reviewers measured it (GET /api/quality): per factor and
// overall, with 95 % intervals; two reviewers' agreement beside the tool's; and, for whoever edits
// lexicons/, the matched wordings that reviewers rejected most.
import { factorDefinitions } from '../analysis/factors/index.js';
import { anchorKey, latestReviews, type Review } from '../analysis/review-coding.js';
import {
  cohensKappa, emptyReviewTally, evidenceRecall, found, precision, stanceAgreement, tallyReview, wilsonInterval, type ReviewTally,
} from '../analysis/review-metrics.js';
import type { ReviewsRepository } from '../store/reviews-repository.js';

export interface Figure {
  value: number | null;
  /** Wilson 95 % interval. */
  interval: [number, number] | null;
  /** How many reviews the figure rests on. */
  n: number;
}

export interface QualityFigures {
  tally: ReviewTally;
  precision: Figure;
  stanceAgreement: Figure;
  evidenceRecall: Figure;
  /** Cohen's kappa of the automatic and the reviewed stance, over mentions whose factor was kept. */
  stanceKappa: number | null;
}

/** Reviewed mentions per wording that produced them, most rejected first. */
export interface LexiconFeedback {
  factor: string;
  match: string;
  rejected: number;
  reviewed: number;
}

/** How many of the latest rejected matches the lexicon feedback lists. */
const FEEDBACK_ROWS = 100;

export class QualityService {
  private readonly labels = new Map(factorDefinitions().map((f) => [f.id, f.label]));

  constructor(private readonly reviews: ReviewsRepository) {}

  async report() {
    const history = await this.reviews.all();
    const latest = latestReviews(history);
    const byFactor = new Map<string, Review[]>();
    for (const r of latest) {
      const factor = (r.verdict === 'add' ? r.toFactor : r.factor)!;
      byFactor.set(factor, [...(byFactor.get(factor) ?? []), r]);
    }
    return {
      reviews: history.length,
      reviewed: latest.length,
      overall: figures(latest),
      factors: [...byFactor].map(([factor, reviews]) => ({ factor, label: this.labels.get(factor) ?? null, ...figures(reviews) })).sort((a, b) => a.factor.localeCompare(b.factor)),
      reviewers: reviewerAgreement(history),
      lexicon: lexiconFeedback(latest),
    };
  }
}

/** The figures of a set of latest reviews. */
export function figures(reviews: readonly Review[]): QualityFigures {
  const tally = emptyReviewTally();
  for (const r of reviews) tallyReview(tally, r);
  const kept = reviews.filter((r) => r.verdict === 'confirm' || r.verdict === 'stance');
  return {
    tally,
    precision: figure(found(tally), found(tally) + tally.rejected, precision(tally)),
    stanceAgreement: figure(tally.confirmed, found(tally), stanceAgreement(tally)),
    evidenceRecall: figure(found(tally), found(tally) + tally.added, evidenceRecall(tally)),
    stanceKappa: cohensKappa(kept.map((r) => [r.seenStance, r.stance ?? r.seenStance] as const)),
  };
}

function figure(hits: number, n: number, value: number | null): Figure {
  return { value, interval: wilsonInterval(hits, n), n };
}

/** A review's coding of its mention, for comparing two reviewers: kept with a stance, rejected, moved to a factor, added. */
function coding(r: Review): string {
  if (r.verdict === 'reject') return 'reject';
  if (r.verdict === 'move') return `move:${r.toFactor}`;
  if (r.verdict === 'add') return `add:${r.stance}`;
  return `keep:${r.stance ?? r.seenStance}`;
}

/** Each pair of reviewers: the mentions both reviewed (each one's latest review) and their kappa. */
export function reviewerAgreement(history: readonly Review[]) {
  const names = [...new Set(history.map((r) => r.reviewer))].sort();
  const byReviewer = new Map(names.map((name) => [name, new Map(latestReviews(history, name).map((r) => [`${r.documentId}\u0000${anchorKey(r)}`, r]))]));
  const pairs = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const [a, b] = [byReviewer.get(names[i]!)!, byReviewer.get(names[j]!)!];
      const both = [...a.keys()].filter((k) => b.has(k)).map((k) => [coding(a.get(k)!), coding(b.get(k)!)] as const);
      if (both.length) pairs.push({ reviewers: [names[i]!, names[j]!], mentions: both.length, agreement: both.filter(([x, y]) => x === y).length / both.length, kappa: cohensKappa(both) });
    }
  }
  return { names, pairs };
}

/** The wordings (factor and matched words) behind reviewed mentions, those rejected most first. */
export function lexiconFeedback(latest: readonly Review[]): LexiconFeedback[] {
  const rows = new Map<string, LexiconFeedback>();
  for (const r of latest) {
    if (r.verdict === 'add' || !r.seenMatch) continue;
    const match = r.seenMatch.toLowerCase();
    const key = `${r.factor}\u0000${match}`;
    const row = rows.get(key) ?? { factor: r.factor!, match, rejected: 0, reviewed: 0 };
    row.reviewed++;
    if (r.verdict === 'reject' || r.verdict === 'move') row.rejected++;
    rows.set(key, row);
  }
  return [...rows.values()].filter((r) => r.rejected > 0).sort((a, b) => b.rejected - a.rejected || b.reviewed - a.reviewed || a.match.localeCompare(b.match)).slice(0, FEEDBACK_ROWS);
}
