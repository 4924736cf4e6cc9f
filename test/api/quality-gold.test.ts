// Same data, two paths, one definition: the hand annotations of ../shared/data/factor-gold-dev,
// imported as reviews of the same papers analyzed by the service, make GET /api/quality report the
// evidence recall and evidence stance agreement that eval:factors' scorer gives on those Summaries.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stance, Summary } from '../../src/analysis/types.js';
import type { Runtime } from '../../src/runtime.js';
import type { ReviewRecord } from '../../src/services/review-service.js';
import { loadQuoteSet, type QuoteDocument } from '../../scripts/eval/quote-gold.js';
import { addTally, covers, emptyTally, normalizeQuote, quoteScores, scoreQuoteDocument, type QuoteGold } from '../../scripts/eval/quote-gold-score.js';
import { startTestApp, type TestApp } from '../support/runtime.js';
import { hasShared, sharedPath } from '../support/shared.js';

/**
 * The gold as one reviewer's reviews: a gold sentence the analysis found as a mention of its factor
 * confirms that mention (or corrects its stance), a gold sentence it missed is an added mention —
 * at the quote's place in the text, or, where the text differs from the quote, at none (kept, unmatched).
 * A review is about one mention, so where the analysis holds two gold sentences of a factor in one
 * sentence (its segmentation joined them) only the first is a review; the others are returned apart,
 * and left out of the gold that eval:factors' scorer reads, so that both paths see the same data.
 */
function goldAsReviews(doc: QuoteDocument, documentId: string, summary: Summary, text: string): { records: ReviewRecord[]; gold: QuoteGold; merged: number } {
  const records: ReviewRecord[] = [];
  const anchors = new Set<string>();
  let merged = 0;
  const base = { documentId, reviewer: 'gold', note: null, seenMatch: null };
  const factors = doc.gold.factors.map((factor) => {
    const evidence = summary.factors.find((f) => f.id === factor.id)?.evidence ?? [];
    const kept = (factor.evidence ?? []).filter((ev, i) => {
      const quote = normalizeQuote(ev.quote);
      const stance = ev.stance as Stance;
      const hits = evidence.filter((e) => covers(normalizeQuote(e.sentence), quote));
      const hit = hits.find((h) => h.stance === stance) ?? hits[0];
      const at = text.indexOf(ev.quote);
      const start = hit?.start ?? (at >= 0 ? at : text.length + records.length + i);
      const anchor = `${hit ? '' : '+'}${factor.id}@${start}`;
      if (anchors.has(anchor)) return ++merged < 0;
      anchors.add(anchor);
      if (hit) {
        records.push({ ...base, verdict: hit.stance === stance ? 'confirm' : 'stance', factor: factor.id, toFactor: null, stance, seenStance: hit.stance, start, end: hit.end, sentence: hit.sentence });
      } else {
        records.push({ ...base, verdict: 'add', factor: null, toFactor: factor.id, stance, seenStance: null, start, end: start + ev.quote.length, sentence: ev.quote });
      }
      return true;
    });
    return { ...factor, evidence: kept };
  });
  return { records, gold: { ...doc.gold, factors }, merged };
}

describe.skipIf(!hasShared)('quality from the factor-gold-dev annotations', () => {
  let runtime: Runtime;
  let app: TestApp['app'];
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ runtime, app, close: cleanup } = await startTestApp());
  });
  afterAll(() => cleanup?.());

  it('reports the same evidence recall and stance agreement as eval:factors', async () => {
    const docs = loadQuoteSet(sharedPath('data', 'factor-gold-dev'));
    const ids = [];
    for (const doc of docs) {
      const { document } = await runtime.services.documents.submit({ bytes: new Uint8Array(readFileSync(doc.textPath)), filename: basename(doc.textPath) });
      ids.push(document.id);
    }
    await runtime.idle();
    const tally = emptyTally();
    const records: ReviewRecord[] = [];
    let merged = 0;
    for (const [i, doc] of docs.entries()) {
      const row = await runtime.services.documents.find(ids[i]!);
      const summary = (await runtime.services.documents.summary(row.id))!;
      const asReviews = goldAsReviews(doc, row.id, summary, await runtime.services.documents.text(row));
      addTally(tally, scoreQuoteDocument(asReviews.gold, summary).tally);
      records.push(...asReviews.records);
      merged += asReviews.merged;
    }
    const imported = await runtime.services.reviews.importAll(records);
    expect(imported.rejected).toEqual([]);
    const expected = quoteScores(tally);
    const { body } = await request(app).get('/api/quality').expect(200);
    const round3 = (v: number) => Math.round(v * 1000) / 1000;
    console.log(`factor-gold-dev (${docs.length} papers, ${tally.evidenceN} gold evidence sentences): eval:factors evidence recall ${expected.evidenceRecall}, stance ${expected.evidenceStanceAcc}; /api/quality ${round3(body.overall.evidenceRecall.value)}, ${round3(body.overall.stanceAgreement.value)} (${imported.unmatched.length} added mentions not found verbatim in the text; ${merged} gold sentences left out, joined with another in one mention)`);
    expect(body.reviewed).toBe(tally.evidenceN);
    expect(round3(body.overall.evidenceRecall.value)).toBe(expected.evidenceRecall);
    expect(round3(body.overall.stanceAgreement.value)).toBe(expected.evidenceStanceAcc);
  }, 600_000);
});
