// The review routes over a real paper analyzed through the API (SQLite; the repository test covers
// PostgreSQL): reviews change the factor table and the exports, survive a new analysis, keep history.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evidence, Summary } from '../../src/analysis/types.js';
import { corpusDir } from '../../src/paths.js';
import type { Runtime } from '../../src/runtime.js';
import { formatReviews, parseReviews } from '../../src/services/review-files.js';
import { startTestApp, waitFor, type TestApp } from '../support/runtime.js';

const PAPER = 'en-2-brain-drain-human-capital.txt';

describe('review API', () => {
  let runtime: Runtime;
  let app: TestApp['app'];
  let cleanup: () => Promise<void>;
  let id: string;
  let summary: Summary;

  const done = async () => {
    const res = await request(app).get(`/api/documents/${id}`);
    return res.body.document.status === 'done' && res.body;
  };
  const cell = async (factor: string) => {
    const res = await request(app).get(`/api/factors?document=${id}&limit=1000`).expect(200);
    return res.body.rows.find((r: { factor: string }) => r.factor === factor);
  };

  beforeAll(async () => {
    ({ runtime, app, close: cleanup } = await startTestApp());
    const res = await request(app).post('/api/documents').attach('files', readFileSync(join(corpusDir, PAPER)), PAPER).expect(202);
    id = res.body.documents[0].id;
    summary = (await waitFor('the paper to be analyzed', done, 120_000, 200)).summary;
  }, 180_000);

  afterAll(() => cleanup?.());

  it('applies reviews to the factor table, keeps history and survives reanalyze', async () => {
    const [first, second] = summary.factors.filter((f) => f.evidence.length >= 2);
    expect(first && second).toBeTruthy();
    const [a, b] = first!.evidence as [Evidence, Evidence];
    const other = summary.factors.find((f) => f.id !== first!.id && !f.evidence.some((e) => e.start === a.start))!;
    const before = await cell(first!.id);
    expect(before.review).toBe('automatic');

    // The sentence after the last mention of `first`, added as a missed mention of it.
    const text = (await request(app).get(`/api/documents/${id}/text`).expect(200)).text;
    const covered = new Set(first!.evidence.map((e) => e.start));
    const free = summary.factors.flatMap((f) => f.evidence).find((e) => !covered.has(e.start))!;

    const posted = await request(app).post(`/api/documents/${id}/reviews`).send({
      reviewer: 'Anna',
      reviews: [
        { verdict: 'reject', factor: first!.id, start: a.start, note: 'a figure caption' },
        { verdict: 'stance', factor: first!.id, start: b.start, stance: b.stance === 'positive' ? 'negative' : 'positive' },
        { verdict: 'add', start: free.start, end: free.end, toFactor: first!.id, stance: 'neutral' },
      ],
    }).expect(201);
    expect(posted.body.reviews).toHaveLength(3);
    expect(posted.body.unmatched).toEqual([]);
    expect(text.slice(free.start, free.end)).toBe(posted.body.reviews[2].sentence);

    const after = await cell(first!.id);
    expect(after).toMatchObject({ review: 'corrected', mentions: before.mentions });
    const untouched = await cell(other.id);
    expect(untouched.review).toBe('automatic');

    // A second thought: the reject becomes a move, as a new review.
    const rejectId = posted.body.reviews[0].id;
    await request(app).patch(`/api/documents/${id}/reviews`).send({ id: rejectId, reviewer: 'Anna', verdict: 'move', toFactor: other.id }).expect(201);
    expect((await cell(other.id)).mentions).toBe((untouched.mentions as number) + 1);
    const listed = await request(app).get(`/api/documents/${id}/reviews`).expect(200);
    expect(listed.body.history).toHaveLength(4);
    expect(listed.body.latest).toHaveLength(3);

    const csv = (await request(app).get(`/api/export/mentions.csv?document=${id}`).expect(200)).text;
    expect(csv.split('\n')[0]).toContain('review');
    expect(csv).toContain(',corrected,');

    await request(app).post(`/api/documents/${id}/reanalyze`).send({}).expect(202);
    await waitFor('the new analysis', done, 120_000, 200);
    expect(await cell(first!.id)).toMatchObject({ review: 'corrected', mentions: after.mentions });
    expect((await cell(other.id)).mentions).toBe((untouched.mentions as number) + 1);
    expect((await request(app).get(`/api/documents/${id}/reviews`).expect(200)).body.unmatched).toEqual([]);
  });

  it('refuses reviews that point at nothing or lack their answers', async () => {
    const f = summary.factors[0]!;
    const bad = [
      { reviewer: 'Anna', reviews: [{ verdict: 'confirm', factor: f.id, start: 999_999 }] },
      { reviewer: 'Anna', reviews: [{ verdict: 'move', factor: f.id, start: f.evidence[0]!.start, toFactor: 'no_such_factor' }] },
      { reviewer: 'Anna', reviews: [{ verdict: 'stance', factor: f.id, start: f.evidence[0]!.start }] },
      { reviewer: '', reviews: [{ verdict: 'confirm', factor: f.id, start: f.evidence[0]!.start }] },
    ];
    const statuses = [];
    for (const body of bad) statuses.push((await request(app).post(`/api/documents/${id}/reviews`).send(body)).status);
    expect(statuses).toEqual([404, 400, 400, 400]);
    expect((await request(app).get(`/api/documents/${id}/reviews`).expect(200)).body.history).toHaveLength(4);
  });

  it('exports reviews as CSV and JSONL that import again unchanged, and refuses rows it cannot use', async () => {
    const reviews = runtime.services.reviews;
    const stored = await reviews.exportAll();
    for (const format of ['csv', 'jsonl'] as const) {
      const records = parseReviews(formatReviews(stored, format), format);
      expect(records).toEqual(stored);
      const result = await reviews.importAll(records);
      expect(result).toMatchObject({ stored: stored.length, rejected: [] });
    }
    expect(await reviews.exportAll()).toEqual(stored);

    // A spreadsheet's edit: a new review with a formula-like note, one for an unknown document, one without a reviewer.
    const edited = formatReviews([{ ...stored[0]!, id: 'sheet-1', note: '=SUM(A1) "quoted", text', createdAt: '2030-01-01T00:00:00.000Z' }, { ...stored[0]!, id: 'sheet-2', documentId: 'f'.repeat(64) }, { ...stored[0]!, id: 'sheet-3', reviewer: '' }], 'csv');
    const result = await reviews.importAll(parseReviews(edited, 'csv'));
    expect(result.stored).toBe(1);
    expect(result.rejected.map((r) => r.index)).toEqual([1, 2]);
    expect((await reviews.exportAll()).find((r) => r.id === 'sheet-1')?.note).toBe('=SUM(A1) "quoted", text');
    expect(() => parseReviews('id,verdict\nx,maybe\n', 'csv')).toThrow(/row 2: "verdict"/);
  });

  it('draws a stratified sample and estimates precision from its reviewed mentions', async () => {
    const drawn = await request(app).post('/api/quality/sample').send({ perStratum: 1 }).expect(201);
    const mentions = drawn.body.mentions as { document_id: string; factor: string; start: number; language: string; stratum_population: number; review: unknown }[];
    expect(mentions.length).toBe(new Set(mentions.map((m) => `${m.factor}/${m.language}`)).size);
    // Two sampled mentions of the analysis that nobody reviewed yet.
    const automatic = (m: (typeof mentions)[number]) => !m.review && summary.factors.some((f) => f.id === m.factor && f.evidence.some((e) => e.start === m.start));
    const [keep, drop] = mentions.filter(automatic);
    const alreadyReviewed = mentions.filter((m) => m.review).length;
    await request(app).post(`/api/documents/${id}/reviews`).send({ reviewer: 'Boris', reviews: [
      { verdict: 'confirm', factor: keep!.factor, start: keep!.start },
      { verdict: 'reject', factor: drop!.factor, start: drop!.start },
    ] }).expect(201);
    const quality = (await request(app).get('/api/quality').expect(200)).body;
    expect(quality.sample).toMatchObject({ size: mentions.length, reviewed: alreadyReviewed + 2 });
    const weight = (m: typeof keep) => m!.stratum_population;
    // One mention per stratum: the estimate is the kept share of the reviewed strata, weighted by their sizes.
    const reviewed = (await request(app).get('/api/quality/sample').expect(200)).body.mentions.filter((m: { review: unknown }) => m.review) as (typeof keep & { review: { verdict: string } })[];
    const kept = reviewed.filter((m) => m.review.verdict === 'confirm' || m.review.verdict === 'stance');
    const total = (list: typeof reviewed) => list.reduce((n, m) => n + weight(m), 0);
    expect(quality.sample.precision.estimate).toBeCloseTo(total(kept) / total(reviewed), 10);
    expect(quality.reviewers.names).toEqual(['Anna', 'Boris']);
    expect(quality.overall.precision.n).toBeGreaterThan(0);
    await request(app).post('/api/quality/sample').send({ perStratum: 0 }).expect(400);
  });
});
