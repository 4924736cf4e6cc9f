// Reviews on SQLite and PostgreSQL: stored apart from the analysis, applied to the factor table and
// the mentions (with a review column), kept and matched again after a new analysis whose text moved.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/analysis/index.js';
import type { Review } from '../../src/analysis/review-coding.js';
import type { Evidence, Stance, Summary } from '../../src/analysis/types.js';
import { openStore, type Store } from '../../src/store/database.js';
import { DocumentsRepository } from '../../src/store/documents-repository.js';
import { FactorTableRepository } from '../../src/store/factor-table-repository.js';
import { ResultsRepository } from '../../src/store/results-repository.js';
import { ReviewSamplesRepository } from '../../src/store/review-samples-repository.js';
import { ReviewsRepository } from '../../src/store/reviews-repository.js';
import { createPgSchema, hasPostgres } from '../support/services.js';

const SENTENCES = [
  'Sanctions cut the exports of machinery.',
  'Brain drain weakens the universities.',
  'Foreign companies bring new technology.',
  'The tax burden on small firms keeps rising.',
];

/** An analysis of the sentences after `preface` (a new analysis of a longer text moves every offset). */
function analysisOf(preface: string, found: [number, string, Stance][]): AnalysisResult {
  const text = preface + SENTENCES.join(' ');
  const starts = SENTENCES.map((s) => text.indexOf(s));
  const evidence = (i: number, stance: Stance): Evidence => ({ sentence: SENTENCES[i]!, start: starts[i]!, end: starts[i]! + SENTENCES[i]!.length, page: 1, language: 'en', match: SENTENCES[i]!.split(' ')[0]!, stance, cues: [] });
  const ids = [...new Set(found.map(([, f]) => f))];
  const summary: Summary = {
    schema: 'policylens/summary@1',
    document: { id: 'b'.repeat(64), filename: 'b.txt', mediaType: 'text/plain', title: null, pages: 1, words: 1000, sentences: 4, language: 'en', languages: { en: 1 }, lexicon: 'test', warnings: [] },
    abbreviations: [],
    factors: ids.map((id) => {
      const ev = found.filter(([, f]) => f === id).map(([i, , s]) => evidence(i, s));
      const count = (s: Stance) => ev.filter((e) => e.stance === s).length;
      return { id, label: { en: id }, mentions: ev.length, per1000Words: ev.length, stance: { positive: count('positive'), negative: count('negative'), neutral: count('neutral'), net: 0 }, evidence: ev };
    }),
    candidates: [],
  };
  return { summary, text, sentences: SENTENCES.map((s, ordinal) => ({ ordinal, start: starts[ordinal]!, end: starts[ordinal]! + s.length, page: 1, language: 'en', zone: 'body', textSearch: 'english', sentence: s, stems: s.toLowerCase() })) };
}

const FOUND: [number, string, Stance][] = [[0, 'sanctions', 'negative'], [1, 'brain_drain', 'negative'], [2, 'tncs', 'neutral']];

const dialects = [
  { name: 'sqlite', enabled: true, async open() {
    const dataDir = mkdtempSync(join(tmpdir(), 'policylens-reviews-'));
    const store = await openStore({ dataDir });
    return { store, cleanup: async () => { await store.close(); rmSync(dataDir, { recursive: true, force: true }); } };
  } },
  { name: 'postgres', enabled: hasPostgres, async open() {
    const schema = await createPgSchema();
    const store = await openStore({ databaseUrl: schema.url, dataDir: '/nonexistent' });
    return { store, cleanup: async () => { await store.close(); await schema.drop(); } };
  } },
];

for (const dialect of dialects) {
  describe.skipIf(!dialect.enabled)(`reviews on ${dialect.name}`, () => {
    const id = 'b'.repeat(64);
    let store: Store;
    let cleanup: () => Promise<void>;
    let results: ResultsRepository;
    let reviews: ReviewsRepository;
    let table: FactorTableRepository;
    let n = 0;
    const review = (r: Partial<Review> & Pick<Review, 'verdict' | 'start'>): Review => {
      const analysis = analysisOf('', FOUND);
      const i = analysis.sentences.findIndex((s) => s.start === r.start);
      return { id: `r${String(n++).padStart(3, '0')}`, documentId: id, end: r.start + SENTENCES[i]!.length, sentence: SENTENCES[i]!, factor: null, toFactor: null, stance: null, seenStance: null, seenMatch: null, reviewer: 'anna', note: null, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(), ...r };
    };
    const cells = async () => Object.fromEntries((await table.rows({ documents: [id] }, { limit: 100, offset: 0 })).rows.map((r) => [r.factor, { mentions: r.mentions, negative: r.negative, positive: r.positive, review: r.review }]));

    beforeAll(async () => {
      ({ store, cleanup } = await dialect.open());
      results = new ResultsRepository(store.db);
      reviews = new ReviewsRepository(store.db);
      table = new FactorTableRepository(store.db);
      await new DocumentsRepository(store.db).insertIfAbsent({ id, filename: 'b.txt', mediaType: 'text/plain', bytes: new TextEncoder().encode('b'), collections: [] });
      await results.save(id, analysisOf('', FOUND));
    });
    afterAll(() => cleanup());

    it('marks every row automatic before any review', async () => {
      expect(Object.values(await cells()).map((c) => c.review)).toEqual(['automatic', 'automatic', 'automatic']);
    });

    it('applies confirm, reject, move, stance and add to the factor table and the mentions', async () => {
      const starts = analysisOf('', FOUND).sentences.map((s) => s.start);
      const coding = await reviews.add(id, [
        review({ verdict: 'confirm', factor: 'sanctions', start: starts[0]! }),
        review({ verdict: 'stance', factor: 'brain_drain', start: starts[1]!, stance: 'positive' }),
        review({ verdict: 'move', factor: 'tncs', start: starts[2]!, toFactor: 'technology_transfer' }),
        review({ verdict: 'add', start: starts[3]!, toFactor: 'tax_burden', stance: 'negative' }),
      ]);
      expect(coding?.unmatched).toEqual([]);
      expect(await cells()).toEqual({
        sanctions: { mentions: 1, negative: 1, positive: 0, review: 'reviewed' },
        brain_drain: { mentions: 1, negative: 0, positive: 1, review: 'corrected' },
        technology_transfer: { mentions: 1, negative: 0, positive: 0, review: 'corrected' },
        tax_burden: { mentions: 1, negative: 1, positive: 0, review: 'corrected' },
      });
      const mentions = await table.mentions({ documents: [id] }, { limit: 100, offset: 0 });
      expect(mentions.map((m) => [m.factor, m.review, m.page])).toEqual([
        ['sanctions', 'reviewed', 1], ['brain_drain', 'corrected', 1], ['technology_transfer', 'corrected', 1], ['tax_burden', 'corrected', 1],
      ]);
    });

    it('uses the latest review of a mention and keeps the history', async () => {
      const start = analysisOf('', FOUND).sentences[0]!.start;
      await reviews.add(id, [review({ verdict: 'reject', factor: 'sanctions', start, reviewer: 'boris' })]);
      expect((await cells()).sanctions).toBeUndefined();
      expect((await reviews.forDocument(id)).filter((r) => r.factor === 'sanctions').map((r) => r.verdict)).toEqual(['confirm', 'reject']);
      await reviews.add(id, [review({ verdict: 'confirm', factor: 'sanctions', start })]);
      expect((await cells()).sanctions).toMatchObject({ mentions: 1, review: 'reviewed' });
    });

    it('keeps the corrections through a new analysis whose text moved, and reports those that match nothing', async () => {
      // The new analysis no longer finds brain drain: that review is unmatched, not lost.
      expect(await results.save(id, analysisOf('A new first paragraph. ', FOUND.filter(([, f]) => f !== 'brain_drain')))).toEqual({ unmatchedReviews: 1 });
      expect(await cells()).toEqual({
        sanctions: { mentions: 1, negative: 1, positive: 0, review: 'reviewed' },
        technology_transfer: { mentions: 1, negative: 0, positive: 0, review: 'corrected' },
        tax_burden: { mentions: 1, negative: 1, positive: 0, review: 'corrected' },
      });
      const mentions = await table.mentions({ documents: [id] }, { limit: 100, offset: 0 });
      expect(mentions.find((m) => m.factor === 'tax_burden')?.start).toBe('A new first paragraph. '.length + SENTENCES.slice(0, 3).join(' ').length + 1);
      const again = await reviews.add(id, []);
      expect(again?.unmatched.map((r) => r.factor)).toEqual(['brain_drain']);
      expect(await reviews.forDocument(id)).toHaveLength(6);
    });
  
    it('makes a mention added from selected words the sentence that holds them', async () => {
      const preface = 'A new first paragraph. ';
      const start = (preface + SENTENCES.join(' ')).indexOf('the universities');
      await reviews.add(id, [review({ verdict: 'add', start: analysisOf('', FOUND).sentences[1]!.start, toFactor: 'universities', stance: 'negative' })].map((r) => ({ ...r, start, end: start + 16, sentence: 'the universities' })));
      const added = (await table.mentions({ documents: [id], factors: ['universities'] }, { limit: 10, offset: 0 }))[0];
      expect(added).toMatchObject({ start: preface.length + SENTENCES[0]!.length + 1, sentence: SENTENCES[1], match: 'the universities', page: 1, review: 'corrected' });
    });

    it('draws a stratified sample: at most n mentions per factor and language, each with its stratum size', async () => {
      const samples = new ReviewSamplesRepository(store.db);
      expect(await samples.latest()).toEqual([]);
      const drawn = await samples.draw('s1', 1);
      const mentions = await table.mentions({}, { limit: 100, offset: 0 });
      expect(drawn).toHaveLength(new Set(mentions.map((m) => `${m.factor}/${m.language}`)).size);
      for (const d of drawn) expect(d.stratum_population).toBe(mentions.filter((m) => m.factor === d.factor && m.language === d.language).length);
      await samples.draw('s2', 5);
      expect((await samples.latest()).every((r) => r.sample_id === 's2')).toBe(true);
    });
  });
}
