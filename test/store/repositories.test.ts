// The same repositories and migrations on SQLite and on PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/analysis/index.js';
import type { Summary } from '../../src/analysis/types.js';
import { openStore, type Store } from '../../src/store/database.js';
import { DocumentsRepository } from '../../src/store/documents-repository.js';
import { ExportRepository } from '../../src/store/export-repository.js';
import { FactorTableRepository } from '../../src/store/factor-table-repository.js';
import { ResultsRepository } from '../../src/store/results-repository.js';
import { SearchRepository } from '../../src/store/search-repository.js';
import { createPgSchema, hasPostgres } from '../support/services.js';

function summaryFor(id: string, lexicon = 'factors@1:test'): Summary {
  const evidence = (stance: 'positive' | 'negative' | 'neutral', start: number) => ({
    sentence: `sentence ${start}`, start, end: start + 10, page: 1, language: 'en', match: 'sanctions', stance, cues: ['pressure'],
  });
  return {
    schema: 'policylens/summary@1',
    document: {
      id, filename: 'a.pdf', mediaType: 'application/pdf', title: 'A', pages: 3, words: 1000, sentences: 50,
      language: 'en', languages: { en: 1 }, lexicon, warnings: [],
    },
    abbreviations: [{ short: 'TNC', long: 'transnational corporation', source: 'text', language: 'en', count: 3, firstOffset: 5, equivalents: ['ТНК'], factor: 'tncs' }],
    factors: [
      { id: 'sanctions', label: { ru: 'Санкции', en: 'Sanctions' }, mentions: 2, per1000Words: 2, stance: { positive: 0, negative: 1, neutral: 1, net: -0.5 }, evidence: [evidence('negative', 0), evidence('neutral', 20)] },
      { id: 'tncs', label: { ru: 'ТНК', en: 'TNCs' }, mentions: 1, per1000Words: 1, stance: { positive: 1, negative: 0, neutral: 0, net: 1 }, evidence: [evidence('positive', 40)] },
    ],
    candidates: [],
  };
}

const BODY_SENTENCE = 'Sanctions cut exports, and nulls stay "quoted" {here}.';
const REFERENCE = 'Smith J. Exports under sanctions. Research Policy, 2019.';

/** What an analysis hands the store: a summary, its text and the sentences for the search index (one in the references). */
function resultFor(id: string): AnalysisResult {
  const start = BODY_SENTENCE.length + 1;
  return {
    summary: summaryFor(id),
    text: `${BODY_SENTENCE}\n${REFERENCE}`,
    sentences: [
      { ordinal: 0, start: 0, end: BODY_SENTENCE.length, page: null, language: 'en', zone: 'body', textSearch: 'english', sentence: BODY_SENTENCE, stems: 'sanction cut export and null stay quot here' },
      { ordinal: 1, start, end: start + REFERENCE.length, page: 2, language: 'en', zone: 'references', textSearch: 'english', sentence: REFERENCE, stems: 'smith j export under sanction research polici 2019' },
    ],
  };
}

const dialects: { name: string; enabled: boolean; open(): Promise<{ store: Store; reopen(): Promise<Store>; cleanup(): Promise<void> }> }[] = [
  {
    name: 'sqlite',
    enabled: true,
    async open() {
      const dataDir = mkdtempSync(join(tmpdir(), 'policylens-store-'));
      const store = await openStore({ dataDir });
      return { store, reopen: () => openStore({ dataDir }), cleanup: async () => { await store.close(); rmSync(dataDir, { recursive: true, force: true }); } };
    },
  },
  {
    name: 'postgres',
    enabled: hasPostgres,
    async open() {
      const schema = await createPgSchema();
      const store = await openStore({ databaseUrl: schema.url, dataDir: '/nonexistent' });
      return { store, reopen: () => openStore({ databaseUrl: schema.url, dataDir: '/nonexistent' }), cleanup: async () => { await store.close(); await schema.drop(); } };
    },
  },
];

for (const dialect of dialects) {
  describe.skipIf(!dialect.enabled)(`store on ${dialect.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let reopen: () => Promise<Store>;
    let documents: DocumentsRepository;
    let results: ResultsRepository;
    let table: FactorTableRepository;

    beforeAll(async () => {
      ({ store, reopen, cleanup } = await dialect.open());
      documents = new DocumentsRepository(store.db);
      results = new ResultsRepository(store.db);
      table = new FactorTableRepository(store.db);
    });
    afterAll(() => cleanup());

    it('opens an existing database again, with its migrations already run', async () => {
      const again = await reopen();
      await again.close();
    });

    it('stores a document once per sha256 and keeps its bytes', async () => {
      const bytes = new Uint8Array([37, 80, 68, 70, 45, 1, 2, 3, 0, 255]);
      const first = await documents.insertIfAbsent({ id: 'a'.repeat(64), filename: 'a.pdf', mediaType: 'application/pdf', bytes, collections: ['one'] });
      const second = await documents.insertIfAbsent({ id: 'a'.repeat(64), filename: 'copy.pdf', mediaType: 'application/pdf', bytes, collections: ['two'] });
      expect(first.created).toBe(true);
      expect(second.created).toBe(false);
      expect(second.document.filename).toBe('a.pdf');
      expect((await documents.collectionsOf(['a'.repeat(64)])).get('a'.repeat(64))).toEqual(['one', 'two']);
      expect(await documents.listOutbox(10)).toEqual(['a'.repeat(64)]);
      await documents.markEnqueued(['a'.repeat(64)]);
      expect(await documents.listOutbox(10)).toEqual([]);
      expect([...(await documents.beginAttempt('a'.repeat(64)))!.bytes]).toEqual([...bytes]);
    });

    it('replaces results as a whole, also when two saves race', async () => {
      const id = 'a'.repeat(64);
      await Promise.all([results.save(id, resultFor(id)), results.save(id, resultFor(id))]);
      await results.save(id, resultFor(id));
      const mentions = await table.mentions({ documents: [id] }, { limit: 100, offset: 0 });
      expect(mentions).toHaveLength(3);
      expect((await table.rows({ documents: [id] }, { limit: 100, offset: 0 })).total).toBe(2);
      expect((await documents.get(id))).toMatchObject({ status: 'done', words: 1000, lexicon_version: 'factors@1:test' });
      expect((await results.getSummary(id))?.factors).toHaveLength(2);
      const { hits } = await new SearchRepository(store.db).search('export', {}, { limit: 10, offset: 0 });
      expect(hits.map((h) => [h.sentence, h.page, h.zone])).toEqual([[BODY_SENTENCE, null, 'body']]);
    });

    it('leaves the references out of search and word counts unless asked, in either order', async () => {
      const search = new SearchRepository(store.db);
      const page = { limit: 10, offset: 0 };
      for (const order of ['relevance', 'document'] as const) {
        expect((await search.search('export', {}, page, { order })).hits.map((h) => h.zone)).toEqual(['body']);
        expect((await search.search('export', {}, page, { order, references: true })).hits.map((h) => h.zone).sort()).toEqual(['body', 'references']);
      }
      expect((await search.sentencesAfter({}, {}, null, 10)).map((s) => s.ordinal)).toEqual([0]);
      expect((await search.sentencesAfter({}, { references: true }, null, 10)).map((s) => s.ordinal)).toEqual([0, 1]);
    });

    it('ranks a query with more matches than it scores among its first matches, and says so', async () => {
      const page = { limit: 10, offset: 0 };
      const all = await new SearchRepository(store.db, { rankedSentences: 2 }).search('export', {}, page, { references: true });
      expect(all.hits).toHaveLength(2);
      expect(all.rankedWithin).toBeNull();
      const capped = await new SearchRepository(store.db, { rankedSentences: 1 }).search('export', {}, page, { references: true });
      expect(capped.hits.map((h) => h.ordinal)).toEqual([0]);
      expect(capped.rankedWithin).toBe(1);
      // Document order reads every match: no cap.
      expect((await new SearchRepository(store.db, { rankedSentences: 1 }).search('export', {}, page, { references: true, order: 'document' })).hits).toHaveLength(2);
    });

    it('pages a ranked query without overlap, the same on every request', async () => {
      const search = new SearchRepository(store.db);
      const pageOf = async (offset: number) => (await search.search('export', {}, { limit: 1, offset }, { references: true })).hits.map((h) => h.ordinal);
      const first = await pageOf(0);
      expect(await pageOf(0)).toEqual(first);
      expect([...first, ...(await pageOf(1))].sort()).toEqual([0, 1]);
      expect(await pageOf(2)).toEqual([]);
    });

    it('reads a sentence indexed before zones were stored as body text, and its document as stale', async () => {
      const id = 'a'.repeat(64);
      await store.db.updateTable('sentences').set({ zone: null }).where('document_id', '=', id).execute();
      const { hits } = await new SearchRepository(store.db).search('export', {}, { limit: 10, offset: 0 });
      expect(hits).toHaveLength(2);
      expect(await documents.listForReanalysis({ staleAgainst: 'factors@1:test' })).toEqual([id]);
      await results.save(id, resultFor(id));
      expect(await documents.listForReanalysis({ staleAgainst: 'factors@1:test' })).toEqual([]);
    });

    it('filters the factor table by factor, stance, language and collection', async () => {
      const page = { limit: 100, offset: 0 };
      expect((await table.rows({ factors: ['tncs'] }, page)).rows.map((r) => r.factor)).toEqual(['tncs']);
      expect((await table.rows({ stance: 'negative' }, page)).rows.map((r) => r.factor)).toEqual(['sanctions']);
      expect((await table.rows({ language: 'ru' }, page)).total).toBe(0);
      expect((await table.rows({ collection: 'two' }, page)).total).toBe(2);
      expect((await table.rows({ collection: 'none' }, page)).total).toBe(0);
      expect((await table.mentions({ stance: 'positive' }, page)).map((m) => m.cues)).toEqual([['pressure']]);
    });

    it('finds stale analyses and requeues them', async () => {
      const id = 'a'.repeat(64);
      expect(await documents.listForReanalysis({ staleAgainst: 'factors@1:test' })).toEqual([]);
      expect(await documents.listForReanalysis({ staleAgainst: 'factors@1:newer' })).toEqual([id]);
      await documents.requeue([id]);
      expect(await documents.get(id)).toMatchObject({ status: 'queued', enqueued_at: null });
      expect(await documents.listUnfinished()).toEqual([id]);
    });

    it('keeps the user\'s corrections through a new analysis, in the factor table and the export', async () => {
      const id = 'a'.repeat(64);
      const analysed = { title: 'A', year: null };
      await documents.correct(id, { title: 'Corrected', year: 2019, authors: ['Ivanova A.'], collections: ['three'] }, analysed);
      await results.save(id, resultFor(id));
      expect(await documents.get(id)).toMatchObject({ title: 'Corrected', year: 2019 });
      expect(await documents.corrections(id)).toMatchObject({ title: 'Corrected', year: 2019, authors: ['Ivanova A.'], venue: null });
      expect((await documents.collectionsOf([id])).get(id)).toEqual(['three']);
      const { rows } = await table.rows({ documents: [id] }, { limit: 1, offset: 0 });
      expect(rows[0]).toMatchObject({ title: 'Corrected', year: 2019 });
      const [exported] = await new ExportRepository(store.db).summariesAfter({}, null, 10);
      expect(exported?.correction).toMatchObject({ title: 'Corrected', authors: ['Ivanova A.'] });
      // Dropping a correction brings back the analysis' value.
      await documents.correct(id, { title: null }, analysed);
      expect(await documents.get(id)).toMatchObject({ title: 'A', year: 2019 });
      await documents.correct(id, { year: null, authors: null }, analysed);
      expect(await documents.corrections(id)).toBeUndefined();
      // A deleted document takes its corrections with it.
      await documents.correct(id, { venue: 'Research Policy' }, analysed);
      expect(await documents.delete(id)).toBe(true);
      expect(await documents.corrections(id)).toBeUndefined();
    });
  });
}
