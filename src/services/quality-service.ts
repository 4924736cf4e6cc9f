// The quality of the automatic coding as its reviewers measured it (GET /api/quality): per factor and
// overall, with 95 % intervals; two reviewers' agreement beside the tool's; and, for whoever edits
// lexicons/, the matched wordings that reviewers rejected most.
import { factorDefinitions } from '../analysis/factors/index.js';
import { anchorKey, latestReviews, type Review } from '../analysis/review-coding.js';
import { queryStems } from '../analysis/search-index.js';
import { randomUUID } from 'node:crypto';
import {
  cohensKappa, emptyReviewTally, evidenceRecall, found, precision, stanceAgreement, stratifiedEstimate, tallyReview, wilsonInterval, type ReviewTally, type Stratum,
} from '../analysis/review-metrics.js';
import type { ReviewSamplesRepository } from '../store/review-samples-repository.js';
import type { ReviewsRepository } from '../store/reviews-repository.js';
import type { ReviewSamplesTable } from '../store/schema.js';
import { RequestError } from './errors.js';

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

/** Reviewed mentions per lexicon pattern that produced them (its words' stems), most rejected first. */
export interface LexiconFeedback {
  factor: string;
  /** The stems of the matched words: inflected forms of one wording fall together, as the lexicon's patterns match stems. */
  pattern: string;
  /** Up to three of the wordings it matched, as written. */
  wordings: string[];
  rejected: number;
  reviewed: number;
}

/** How many of the latest rejected matches the lexicon feedback lists. */
const FEEDBACK_ROWS = 100;

export class QualityService {
  private readonly labels = new Map(factorDefinitions().map((f) => [f.id, f.label]));

  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly samples: ReviewSamplesRepository,
  ) {}

  /** Draws a new stratified sample for review: up to `perStratum` mentions per factor × language. */
  async drawSample(perStratum: number) {
    if (!Number.isInteger(perStratum) || perStratum < 1 || perStratum > 1000) throw new RequestError('invalid_query', 'quality.perStratum');
    const rows = await this.samples.draw(randomUUID(), perStratum);
    return this.describeSample(rows, latestReviews(await this.reviews.all()));
  }

  /** The latest sample's mentions, each with its latest review (if any), and the estimates they give. */
  async sample() {
    return this.describeSample(await this.samples.latest(), latestReviews(await this.reviews.all()));
  }

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
      sample: (await this.sample()).estimates,
      reviewers: reviewerAgreement(history),
      lexicon: lexiconFeedback(latest),
    };
  }

  private describeSample(rows: ReviewSamplesTable[], latest: Review[]) {
    const reviewOf = new Map(latest.filter((r) => r.verdict !== 'add').map((r) => [`${r.documentId}\u0000${r.factor}@${r.start}`, r]));
    const mentions = rows.map((row) => ({ ...row, review: reviewOf.get(`${row.document_id}\u0000${row.factor}@${row.start}`) ?? null }));
    return { id: rows[0]?.sample_id ?? null, drawnAt: rows[0]?.drawn_at ?? null, mentions, estimates: sampleEstimates(mentions) };
  }
}

/**
 * Precision and stance agreement over the whole corpus from the reviewed units of a stratified sample:
 * each stratum's share weighted by its size (so the estimate is unbiased however the strata were
 * sampled), with a 95 % interval.
 */
export function sampleEstimates(mentions: readonly (ReviewSamplesTable & { review: Review | null })[]) {
  const strata = new Map<string, { precision: Stratum; stance: Stratum }>();
  for (const m of mentions) {
    const key = `${m.factor}\u0000${m.language}`;
    const s = strata.get(key) ?? { precision: { population: m.stratum_population, reviewed: 0, hits: 0 }, stance: { population: m.stratum_population, reviewed: 0, hits: 0 } };
    strata.set(key, s);
    if (!m.review) continue;
    const t = emptyReviewTally();
    tallyReview(t, m.review);
    s.precision.reviewed++;
    if (found(t)) {
      s.precision.hits++;
      s.stance.reviewed++;
      s.stance.hits += t.confirmed;
    }
  }
  const all = [...strata.values()];
  return {
    size: mentions.length,
    reviewed: mentions.filter((m) => m.review).length,
    strata: all.length,
    precision: stratifiedEstimate(all.map((s) => s.precision)),
    stanceAgreement: stratifiedEstimate(all.map((s) => s.stance)),
  };
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

/** The patterns (factor and stems of the matched words) behind reviewed mentions, those rejected most first. */
export function lexiconFeedback(latest: readonly Review[]): LexiconFeedback[] {
  const rows = new Map<string, LexiconFeedback>();
  for (const r of latest) {
    if (r.verdict === 'add' || !r.seenMatch) continue;
    const pattern = queryStems(r.seenMatch).join(' ') || r.seenMatch.toLowerCase();
    const key = `${r.factor}\u0000${pattern}`;
    const row = rows.get(key) ?? { factor: r.factor!, pattern, wordings: [], rejected: 0, reviewed: 0 };
    row.reviewed++;
    if (r.verdict === 'reject' || r.verdict === 'move') row.rejected++;
    if (row.wordings.length < 3 && !row.wordings.includes(r.seenMatch)) row.wordings.push(r.seenMatch);
    rows.set(key, row);
  }
  return [...rows.values()].filter((r) => r.rejected > 0).sort((a, b) => b.rejected - a.rejected || b.reviewed - a.reviewed || a.pattern.localeCompare(b.pattern)).slice(0, FEEDBACK_ROWS);
}
