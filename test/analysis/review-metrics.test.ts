// The figures of the quality page on hand-computed cases.
import { describe, expect, it } from 'vitest';
import type { Review } from '../../src/analysis/review-coding.js';
import { cohensKappa, stratifiedEstimate, wilsonInterval } from '../../src/analysis/review-metrics.js';
import { figures, lexiconFeedback, reviewerAgreement } from '../../src/services/quality-service.js';

let n = 0;
const review = (r: Partial<Review>): Review => ({
  id: `r${n++}`, documentId: 'd', start: 0, end: 10, sentence: 's', factor: 'sanctions', verdict: 'confirm', toFactor: null, stance: null,
  seenStance: 'negative', seenMatch: 'sanctions', reviewer: 'anna', note: null, createdAt: `2026-01-01T00:00:${String(n).padStart(2, '0')}Z`, ...r,
});

describe('review metrics', () => {
  it("computes Cohen's kappa as (observed − chance) / (1 − chance)", () => {
    // 20 items: both yes 10, both no 5, yes/no 3, no/yes 2 → po 0.75, pe 0.5·... = 0.65·0.6 + 0.35·0.4 = 0.53.
    const pairs = [...Array(10).fill(['y', 'y']), ...Array(5).fill(['n', 'n']), ...Array(3).fill(['y', 'n']), ...Array(2).fill(['n', 'y'])] as [string, string][];
    expect(cohensKappa(pairs)).toBeCloseTo((0.75 - 0.53) / (1 - 0.53), 10);
    expect(cohensKappa([])).toBeNull();
    expect(cohensKappa([['a', 'a']])).toBe(1);
  });

  it("gives Wilson's interval and a stratified estimate weighted by population", () => {
    const [lo, hi] = wilsonInterval(8, 10)!;
    expect(lo).toBeCloseTo(0.4902, 3);
    expect(hi).toBeCloseTo(0.9433, 3);
    const est = stratifiedEstimate([{ population: 900, reviewed: 10, hits: 9 }, { population: 100, reviewed: 10, hits: 1 }, { population: 50, reviewed: 0, hits: 0 }])!;
    expect(est.estimate).toBeCloseTo(0.9 * 0.9 + 0.1 * 0.1, 10);
    expect(est.interval[0]).toBeLessThan(est.estimate);
    expect(est.reviewed).toBe(20);
  });

  it('reads precision, stance agreement and recall from the latest reviews', () => {
    const f = figures([
      review({ start: 0, verdict: 'confirm' }),
      review({ start: 1, verdict: 'stance', stance: 'positive' }),
      review({ start: 2, verdict: 'reject' }),
      review({ start: 3, verdict: 'move', toFactor: 'tncs' }),
      review({ start: 4, verdict: 'add', factor: null, toFactor: 'sanctions', stance: 'neutral', seenStance: null, seenMatch: null }),
    ]);
    expect(f.tally).toEqual({ confirmed: 1, restanced: 1, rejected: 2, added: 1 });
    expect([f.precision.value, f.stanceAgreement.value, f.evidenceRecall.value]).toEqual([0.5, 0.5, 2 / 3]);
  });

  it("compares two reviewers on the mentions both reviewed, each by their latest review, and lists rejected patterns", () => {
    const history = [
      review({ start: 0, reviewer: 'anna', verdict: 'reject' }),
      review({ start: 0, reviewer: 'anna', verdict: 'confirm' }),
      review({ start: 0, reviewer: 'boris', verdict: 'confirm' }),
      review({ start: 1, reviewer: 'anna', verdict: 'reject', seenMatch: 'sanction' }),
      review({ start: 1, reviewer: 'boris', verdict: 'confirm' }),
      review({ start: 2, reviewer: 'boris', verdict: 'reject' }),
    ];
    const { pairs } = reviewerAgreement(history);
    expect(pairs).toEqual([{ reviewers: ['anna', 'boris'], mentions: 2, agreement: 0.5, kappa: 0 }]);
    // 'sanction' and 'sanctions' are one pattern: the lexicon matches stems.
    expect(lexiconFeedback([history[3]!, history[5]!, history[2]!])).toEqual([{ factor: 'sanctions', pattern: 'sanction', wordings: ['sanction', 'sanctions'], rejected: 2, reviewed: 3 }]);
  });
});
