// The research routes (factor table, factor evidence, comparison, search, exports) over papers
// uploaded and analyzed through the API: on SQLite always, on PostgreSQL when it is reachable.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../src/paths.js';
import type { Runtime } from '../../src/runtime.js';
import { startTestApp, waitFor, type TestApp } from '../support/runtime.js';
import { csvHeader, hasPython, readCsv, readYaml } from '../support/python-csv.js';
import { STORE_SETUPS } from '../support/services.js';

const PAPERS = {
  ru: ['ru-1-sanctions-high-tech-exports.txt', 'ru-2-national-innovation-system.txt'],
  en: ['en-1-export-controls-semiconductors.txt', 'en-2-brain-drain-human-capital.txt'],
};
/** A paper whose text tries to run code and to start spreadsheet formulas. */
const HOSTILE = [
  '=HYPERLINK("http://example.invalid","click") Sanctions pressure reduced high-tech exports sharply.',
  '<script>alert(1)</script> Brain drain weakens universities and the national innovation system.',
].join('\n\n');

for (const setup of STORE_SETUPS) {
  describe.skipIf(!setup.enabled)(`research API on ${setup.name}`, () => {
    let runtime: Runtime;
    let app: TestApp['app'];
    let cleanup: () => Promise<void>;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const database = await setup.env();
      ({ runtime, app, close: cleanup } = await startTestApp(database.env, database));
      for (const [collection, files] of Object.entries(PAPERS)) {
        let upload = request(app).post('/api/documents').field('collection', collection).field('collection', 'all');
        for (const file of files) upload = upload.attach('files', readFileSync(join(corpusDir, file)), file);
        const res = await upload.expect(202);
        for (const d of res.body.documents) ids[d.filename] = d.id;
      }
      const hostile = await request(app).post('/api/documents').attach('files', Buffer.from(HOSTILE), 'hostile.txt').expect(202);
      ids['hostile.txt'] = hostile.body.documents[0].id;
      await waitFor('all papers to be analyzed', async () => {
        const list = await request(app).get('/api/documents?limit=100');
        return list.body.documents.every((d: { status: string }) => d.status === 'done');
      }, 120_000, 250);
    }, 180_000);

    afterAll(() => cleanup?.());

    it('groups the factor table by document and by factor, sorted and paged', async () => {
      const byDoc = await request(app).get('/api/factors?sort=rate&limit=5').expect(200);
      expect(byDoc.body).toMatchObject({ group: 'document', sort: 'rate', limit: 5 });
      expect(byDoc.body.rows).toHaveLength(5);
      const rates = byDoc.body.rows.map((r: { per_1000_words: number }) => r.per_1000_words);
      expect(rates).toEqual([...rates].sort((a, b) => b - a));
      expect(byDoc.body.rows[0].label.en).toBeTruthy();

      const byFactor = await request(app).get('/api/factors?group=factor&collection=ru&limit=1000').expect(200);
      const perDoc = await request(app).get('/api/factors?collection=ru&limit=1000').expect(200);
      const sanctions = byFactor.body.rows.find((r: { factor: string }) => r.factor === 'sanctions');
      const docRows = perDoc.body.rows.filter((r: { factor: string }) => r.factor === 'sanctions');
      expect(sanctions.documents).toBe(docRows.length);
      expect(sanctions.mentions).toBe(docRows.reduce((n: number, r: { mentions: number }) => n + r.mentions, 0));
      expect(byFactor.body.total).toBe(new Set(perDoc.body.rows.map((r: { factor: string }) => r.factor)).size);

      const net = await request(app).get('/api/factors?group=factor&sort=net&order=asc').expect(200);
      const nets = net.body.rows.map((r: { net: number }) => r.net);
      expect(nets).toEqual([...nets].sort((a, b) => a - b));
    });

    it('filters the factor table by language, collection, document, stance and year', async () => {
      const ru = await request(app).get('/api/factors?language=ru&limit=1000').expect(200);
      expect(ru.body.rows.every((r: { language: string }) => r.language === 'ru')).toBe(true);
      const two = await request(app).get(`/api/factors?document=${ids[PAPERS.en[0]!]},${ids[PAPERS.ru[0]!]}&limit=1000`).expect(200);
      expect(new Set(two.body.rows.map((r: { document_id: string }) => r.document_id)).size).toBe(2);
      const negative = await request(app).get('/api/factors?stance=negative&limit=1000').expect(200);
      expect(negative.body.rows.every((r: { negative: number }) => r.negative > 0)).toBe(true);
      // The sample papers print no year of their own (no issue line, ©, dates of receipt); the years
      // they cite (2023–2024) or name as targets never date them.
      const recent = await request(app).get('/api/factors?year=2023-2024&limit=1000').expect(200);
      expect(recent.body.total).toBe(0);
      expect((await request(app).get('/api/factors?year=1990').expect(200)).body.total).toBe(0);
      expect((await request(app).get('/api/factors?year=nineteen').expect(400)).body.error.code).toBe('invalid_query');
      expect((await request(app).get('/api/factors?group=paper').expect(400)).body.error.code).toBe('invalid_query');
    });

    it('refuses unknown factors, stances, languages, collections and id prefixes, naming the valid ones', async () => {
      const routes = ['/api/factors', '/api/factors/sanctions', '/api/search?q=export', '/api/export/factors.csv'];
      const join = (route: string, param: string) => `${route}${route.includes('?') ? '&' : '?'}${param}`;
      for (const route of routes) {
        const factor = await request(app).get(join(route, 'factor=sanction')).expect(400);
        expect(factor.body.error.message).toMatch(/Unknown factor "sanction".*\bsanctions\b/);
        const stance = await request(app).get(join(route, 'stance=hostile')).expect(400);
        expect(stance.body.error.message).toMatch(/stance="hostile".*positive.*negative.*neutral/);
        const language = await request(app).get(join(route, 'language=de')).expect(400);
        expect(language.body.error.message).toMatch(/Unknown language "de"; use .*\bru\b.*\ben\b|Unknown language "de"; use .*\ben\b.*\bru\b/);
        const collection = await request(app).get(join(route, 'collection=ru,rus')).expect(404);
        expect(collection.body.error.message).toMatch(/No collection "rus"; there are all, en, ru/);
        const prefix = await request(app).get(join(route, 'document=0123456789ab')).expect(404);
        expect(prefix.body.error.message).toMatch(/0123456789ab/);
      }
      // A prefix that names one document selects it, as its full id does.
      const full = ids[PAPERS.ru[0]!]!;
      const byPrefix = await request(app).get(`/api/factors?document=${full.slice(0, 12)}&limit=1000`).expect(200);
      const byId = await request(app).get(`/api/factors?document=${full}&limit=1000`).expect(200);
      expect(byPrefix.body.total).toBeGreaterThan(0);
      expect(byPrefix.body.rows).toEqual(byId.body.rows);
    });

    it.skipIf(!hasPython)('exports tidy data that Python reads back: complete long table, documents × factors, mentions with labels, the codebook', async () => {
      const codebook: { id: string; label: { en: string } }[] = (await request(app).get('/api/codebook').expect(200)).body.factors;
      const documents = Object.keys(ids).length;
      const stored = (await request(app).get('/api/factors?limit=1000').expect(200)).body.rows as { document_id: string; factor: string; mentions: number }[];
      const mentionsOf = new Map(stored.map((r) => [`${r.document_id}/${r.factor}`, r.mentions]));

      // Long and complete: every analyzed document × factor, zeros included, and no BOM unless asked.
      const complete = await request(app).get('/api/export/factors.csv?complete=1').buffer(true).expect(200);
      const long = readCsv(complete.text);
      expect(csvHeader(complete.text)[0]).toBe('document_id');
      expect(long).toHaveLength(documents * codebook.length);
      for (const row of long) expect(Number(row.mentions)).toBe(mentionsOf.get(`${row.document_id}/${row.factor}`) ?? 0);
      expect(long.filter((r) => r.mentions !== '0')).toHaveLength(stored.length);
      const page = await request(app).get('/api/factors?complete=1&limit=50&offset=60').expect(200);
      expect(page.body.total).toBe(documents * codebook.length);
      expect(page.body.rows.map((r: { document_id: string; factor: string }) => `${r.document_id}/${r.factor}`)).toEqual(long.slice(60, 110).map((r) => `${r.document_id}/${r.factor}`));
      expect((await request(app).get('/api/factors?complete=1&stance=negative').expect(400)).body.error.message).toMatch(/complete/);

      // Wide: one row per document, one column per factor (the quanteda dfm shape).
      const wide = readCsv((await request(app).get('/api/export/factors-wide.csv').buffer(true).expect(200)).text);
      expect(wide).toHaveLength(documents);
      expect(Object.keys(wide[0]!)).toEqual(['document_id', 'filename', 'title', 'year', 'language', 'collections', 'words', ...codebook.map((f) => f.id)]);
      for (const row of wide) for (const f of codebook) expect(Number(row[f.id])).toBe(mentionsOf.get(`${row.document_id}/${f.id}`) ?? 0);

      // Mentions carry the factor's label, the document's title and year.
      const mentions = readCsv((await request(app).get('/api/export/mentions.csv?factor=sanctions').buffer(true).expect(200)).text);
      expect(mentions.length).toBeGreaterThan(0);
      expect(mentions.every((m) => m.factor_label === 'Sanctions' && m.title !== undefined && /^\d{4}$|^$/.test(m.year!))).toBe(true);

      // The codebook as a quanteda dictionary and as CSV.
      const dictionary = readYaml((await request(app).get('/api/export/codebook.yml').buffer(true).expect(200)).text) as Record<string, string[]>;
      expect(Object.keys(dictionary)).toEqual(codebook.map((f) => f.id));
      for (const globs of Object.values(dictionary)) expect(globs.length).toBeGreaterThan(0);
      expect(dictionary.sanctions).toEqual(expect.arrayContaining(['санкци*', 'sanction*']));
      const codebookCsv = readCsv((await request(app).get('/api/export/codebook.csv').buffer(true).expect(200)).text);
      expect(codebookCsv.map((r) => [r.factor, r.label_en])).toEqual(codebook.map((f) => [f.id, f.label.en]));
    });

    it('lists the evidence of one factor across the corpus with its documents', async () => {
      const res = await request(app).get('/api/factors/sanctions?limit=1000').expect(200);
      expect(res.body.factor).toMatchObject({ id: 'sanctions', label: { en: 'Sanctions' } });
      expect(res.body.mentions.length).toBe(res.body.total);
      expect(res.body.mentions[0]).toMatchObject({ factor: 'sanctions', filename: expect.any(String), sentence: expect.any(String) });
      const table = await request(app).get('/api/factors?factor=sanctions&limit=1000').expect(200);
      expect(res.body.total).toBe(table.body.rows.reduce((n: number, r: { mentions: number }) => n + r.mentions, 0));
      const negative = await request(app).get('/api/factors/sanctions?stance=negative&limit=1000').expect(200);
      expect(negative.body.mentions.every((m: { stance: string }) => m.stance === 'negative')).toBe(true);
      expect((await request(app).get('/api/factors/astrology').expect(404)).body.error.code).toBe('not_found');
    });

    it('compares documents: matrix, one-sided factors, disagreements, cosine similarity', async () => {
      const [a, b] = [ids[PAPERS.ru[0]!]!, ids[PAPERS.en[0]!]!];
      const res = await request(app).get(`/api/compare?documents=${a.slice(0, 12)},${b}`).expect(200);
      const c = res.body;
      expect(c.sides.map((s: { id: string }) => s.id)).toEqual([a, b]);
      expect(c.factors.length).toBeGreaterThan(0);
      for (const row of c.factors) expect(row.cells).toHaveLength(2);
      for (const { factor, side } of c.onlyOneSide) {
        const row = c.factors.find((r: { factor: string }) => r.factor === factor);
        expect(row.cells.filter((x: unknown) => x !== null)).toHaveLength(1);
        expect(row.cells[c.sides.findIndex((s: { id: string }) => s.id === side)]).not.toBeNull();
      }
      for (const d of c.disagreements) {
        const row = c.factors.find((r: { factor: string }) => r.factor === d.factor);
        expect(row.cells.some((x: { net: number } | null) => x && x.net > 0)).toBe(true);
        expect(row.cells.some((x: { net: number } | null) => x && x.net < 0)).toBe(true);
      }
      expect(c.similarity[0][0]).toBe(1);
      expect(c.similarity[0][1]).toBe(c.similarity[1][0]);
      expect(c.similarity[0][1]).toBeGreaterThanOrEqual(0);
      expect(c.similarity[0][1]).toBeLessThan(1);
    });

    it('compares two collections and refuses bad comparisons', async () => {
      const res = await request(app).get('/api/compare?collections=ru,en').expect(200);
      expect(res.body.sides).toMatchObject([{ id: 'ru', kind: 'collection', documents: 2 }, { id: 'en', kind: 'collection', documents: 2 }]);
      expect((await request(app).get(`/api/compare?documents=${ids[PAPERS.ru[0]!]}`).expect(400)).body.error.code).toBe('invalid_query');
      const many = Array.from({ length: 21 }, (_, i) => i.toString(16).padStart(8, '0')).join(',');
      expect((await request(app).get(`/api/compare?documents=${many}`).expect(400)).body.error.code).toBe('invalid_query');
      expect((await request(app).get(`/api/compare?documents=${ids[PAPERS.ru[0]!]},${'f'.repeat(64)}`).expect(404)).body.error.code).toBe('not_found');
      expect((await request(app).get('/api/compare?collections=ru,nothing').expect(404)).body.error.code).toBe('not_found');
    });

    it('searches sentences in Russian and English by stem, filtered like the factor table', async () => {
      const ru = await request(app).get('/api/search?q=санкций').expect(200);
      expect(ru.body.hits.length).toBeGreaterThan(0);
      for (const hit of ru.body.hits) {
        expect(hit.sentence.toLowerCase()).toMatch(/санкци/);
        expect(hit.highlights.length).toBeGreaterThan(0);
      }
      const en = await request(app).get('/api/search?q=sanction&limit=1000').expect(200);
      expect(en.body.hits.some((h: { sentence: string }) => /sanctions/i.test(h.sentence))).toBe(true);
      const onlyEn = await request(app).get('/api/search?q=sanction&collection=en&limit=1000').expect(200);
      const enIds = new Set(PAPERS.en.map((f) => ids[f]));
      expect(onlyEn.body.hits.length).toBeGreaterThan(0);
      expect(onlyEn.body.hits.every((h: { document_id: string }) => enIds.has(h.document_id))).toBe(true);
      const withFactor = await request(app).get('/api/search?q=sanction&factor=sanctions&limit=1000').expect(200);
      expect(withFactor.body.hits.length).toBeGreaterThan(0);
      expect(withFactor.body.hits.length).toBeLessThanOrEqual(en.body.hits.length);
      const paged = await request(app).get('/api/search?q=санкций&limit=1').expect(200);
      expect(paged.body).toMatchObject({ more: true });
      // Quotes and OR in a query never run as search syntax: SQLite reads them as words, so every hit
      // holds the word "or"; PostgreSQL's configurations drop "or" as a stop word, which leaves
      // nothing to match. Neither is an error.
      const syntax: { sentence: string; highlights: [number, number][] }[] = (await request(app).get('/api/search?q=%22%22%20OR&limit=1000').expect(200)).body.hits;
      if (setup.name === 'sqlite') {
        expect(syntax.length).toBeGreaterThan(0);
        for (const hit of syntax) expect(hit.highlights.map(([start, end]) => hit.sentence.slice(start, end).toLowerCase())).toContain('or');
      } else {
        expect(syntax).toEqual([]);
      }
      expect((await request(app).get('/api/search?q=').expect(400)).body.error.code).toBe('invalid_query');
    });

    it('finds a Russian word\'s derivational family and ranks sentences by relevance', async () => {
      const family = (await request(app).get('/api/search?q=санкции&limit=1000&order=document').expect(200)).body.hits as { sentence: string; highlights: [number, number][] }[];
      const words = family.flatMap((h) => h.highlights.map(([start, end]) => h.sentence.slice(start, end).toLowerCase()));
      // The noun and the adjective built on its stem (санкц-ия, санкц-ион-н-ый) are found together.
      expect(words.some((w) => /^санкци[яиейюм]/.test(w))).toBe(true);
      expect(words.some((w) => /^санкционн/.test(w))).toBe(true);
      for (const hit of family) expect(hit.sentence.toLowerCase()).toMatch(/санкц/);
      // A short stem matches only itself: «рост» does not find «Ростов».
      const short = (await request(app).get('/api/search?q=рост&limit=1000').expect(200)).body.hits as { sentence: string; highlights: [number, number][] }[];
      for (const hit of short) for (const [start, end] of hit.highlights) expect(hit.sentence.slice(start, end).toLowerCase()).toMatch(/^рост(а|у|ом|е|ы|ов|ами|ах)?$/);

      const ranked = await request(app).get('/api/search?q=санкции&limit=1000').expect(200);
      expect(ranked.body.order).toBe('relevance');
      // The same sentences, in another order: the best first.
      const key = (h: { document_id: string; ordinal: number }) => `${h.document_id}/${h.ordinal}`;
      expect(new Set(ranked.body.hits.map(key))).toEqual(new Set(family.map((h) => key(h as never))));
      const density = (h: { sentence: string; highlights: unknown[] }) => h.highlights.length / h.sentence.length;
      const [first, last] = [ranked.body.hits[0], ranked.body.hits[ranked.body.hits.length - 1]];
      expect(density(first)).toBeGreaterThan(density(last));
    });

    it('searches both languages on request, through the factor labels and the glossary', async () => {
      const one = (await request(app).get('/api/search?q=санкции&limit=1000').expect(200)).body;
      expect(one.translations).toEqual([]);
      expect(one.hits.every((h: { language: string }) => h.language === 'ru')).toBe(true);
      const both = (await request(app).get('/api/search?q=санкции&both=1&limit=1000').expect(200)).body;
      expect(both.translations).toEqual(['Sanctions']);
      const english = both.hits.filter((h: { language: string }) => h.language === 'en');
      expect(english.length).toBeGreaterThan(0);
      for (const h of english) expect(h.sentence.slice(h.highlights[0][0], h.highlights[0][1]).toLowerCase()).toMatch(/^sanction/);
      expect(both.hits.length).toBe(one.hits.length + english.length);
      const back = (await request(app).get('/api/search?q=sanctions&both=1&limit=1').expect(200)).body;
      expect(back.translations).toEqual(['Санкции']);
      expect((await request(app).get('/api/search?q=НИС&both=1&limit=1').expect(200)).body.translations).toContain('NIS');
    });

    it.skipIf(!hasPython)('shows keywords in context, sorted like a concordance, as JSON and CSV', async () => {
      const res = await request(app).get('/api/kwic?q=санкции&window=3&limit=1000').expect(200);
      const lines = res.body.lines as { left: string; keyword: string; right: string; document_id: string }[];
      expect(lines.length).toBeGreaterThan(5);
      for (const line of lines) {
        expect(line.keyword.toLowerCase()).toMatch(/^санкц/);
        expect(line.left.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length).toBeLessThanOrEqual(3);
      }
      const byRight = (await request(app).get('/api/kwic?q=санкции&sort=right&limit=1000').expect(200)).body.lines as { right: string }[];
      expect(byRight).toHaveLength(lines.length);
      const keys = byRight.map((l) => l.right.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' '));
      expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b)));
      const csv = await request(app).get('/api/kwic?q=санкции&sort=left&format=csv&limit=1000').buffer(true).expect(200);
      const rows = readCsv(csv.text);
      expect(Object.keys(rows[0]!)).toEqual(['document_id', 'filename', 'title', 'year', 'page', 'language', 'left', 'keyword', 'right']);
      expect(rows).toHaveLength(lines.length);
      expect((await request(app).get('/api/kwic?q=санкции&window=99').expect(400)).body.error.message).toMatch(/window/);
      expect((await request(app).get('/api/kwic?q=санкции&collection=nope').expect(404)).body.error.message).toMatch(/No collection "nope"/);
    });

    it('counts the matches of a search by document, year and factor on request', async () => {
      const all = (await request(app).get('/api/search?q=санкции&order=document&limit=1000').expect(200)).body;
      const { facets } = (await request(app).get('/api/search?q=санкции&facets=1&limit=1').expect(200)).body;
      expect(facets).toMatchObject({ sentences: all.hits.length, truncated: false });
      const perDocument = new Map<string, number>();
      for (const h of all.hits) perDocument.set(h.document_id, (perDocument.get(h.document_id) ?? 0) + 1);
      expect(new Map(facets.documents.map((d: { document_id: string; hits: number }) => [d.document_id, d.hits]))).toEqual(perDocument);
      expect(facets.years.reduce((n: number, y: { hits: number }) => n + y.hits, 0)).toBe(all.hits.length);
      const sanctions = facets.factors.find((f: { factor: string }) => f.factor === 'sanctions');
      expect(sanctions.label.en).toBe('Sanctions');
      // The factor facet agrees with the factor filter of the search itself.
      const withFactor = (await request(app).get('/api/search?q=санкции&factor=sanctions&limit=1000').expect(200)).body;
      expect(sanctions.hits).toBe(withFactor.hits.length);
    });

    it('counts the words and bigrams of a selection by stem, stop words out', async () => {
      const words = (await request(app).get('/api/terms?collection=ru&limit=20').expect(200)).body;
      expect(words.truncated).toBe(false);
      expect(words.terms).toHaveLength(20);
      const counts = words.terms.map((t: { count: number }) => t.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      for (const t of words.terms) expect(t.term).not.toMatch(/^(и|в|на|с|по|the|of|and)$/);
      expect(words.terms.every((t: { documents: number }) => t.documents >= 1 && t.documents <= 2)).toBe(true);
      const bigrams = (await request(app).get('/api/terms?collection=en&n=2&limit=5').expect(200)).body;
      expect(bigrams.terms[0].term.split(' ')).toHaveLength(2);
      expect((await request(app).get('/api/terms?factor=sanctions').expect(400)).body.error.message).toMatch(/factor/);
    });

    it('counts words per collection, per year, and per collection and year', async () => {
      const all = (await request(app).get('/api/terms?limit=10').expect(200)).body;
      const byCollection = (await request(app).get('/api/terms?limit=10&by=collection').expect(200)).body;
      expect(byCollection.terms).toEqual(all.terms);
      // A document counts in each of its collections; the hostile paper is in none.
      expect(byCollection.groups.map((g: { collection: string | null }) => g.collection)).toEqual([null, 'all', 'en', 'ru']);
      const ru = byCollection.groups.find((g: { collection: string | null }) => g.collection === 'ru');
      expect(ru.terms).toEqual((await request(app).get('/api/terms?limit=10&collection=ru').expect(200)).body.terms);
      const byYear = (await request(app).get('/api/terms?limit=10&by=year').expect(200)).body;
      expect(byYear.groups.reduce((n: number, g: { sentences: number }) => n + g.sentences, 0)).toBe(all.sentences);
      expect(byYear.groups.every((g: { year: unknown; collection?: unknown }) => 'year' in g && !('collection' in g))).toBe(true);
      const both = (await request(app).get('/api/terms?limit=10&by=collection,year&collection=en').expect(200)).body;
      expect(both.groups.every((g: { year: unknown; collection: unknown }) => 'year' in g && ['all', 'en'].includes(g.collection as string))).toBe(true);
      expect((await request(app).get('/api/terms?by=month').expect(400)).body.error.message).toMatch(/collection|year/);
    });

    it('exports tidy CSV (per factor, per mention) and JSONL summaries, with a BOM on request', async () => {
      const factors = await request(app).get('/api/export/factors.csv?collection=ru').buffer(true).expect(200);
      expect(factors.headers['content-type']).toBe('text/csv; charset=utf-8');
      const lines = factors.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe('document_id,filename,title,year,language,collections,words,factor,factor_label,mentions,per_1000_words,positive,negative,neutral,net,review');
      const table = await request(app).get('/api/factors?collection=ru&limit=1000').expect(200);
      expect(lines).toHaveLength(table.body.total + 1);
      expect(factors.text.charCodeAt(0)).not.toBe(0xfeff);

      const bom = await request(app).get('/api/export/factors.csv?bom=1&factor=sanctions').buffer(true).expect(200);
      expect(bom.text.charCodeAt(0)).toBe(0xfeff);

      const mentions = await request(app).get(`/api/export/mentions.csv?document=${ids['hostile.txt']}`).buffer(true).expect(200);
      // The formula in the paper is neutralised: the cell starts with a quote, not "=".
      expect(mentions.text).toMatch(/"'=HYPERLINK\(""http/);
      expect(mentions.text).not.toMatch(/(^|,)"?=HYPERLINK/m);

      const all = await request(app).get('/api/export/mentions.csv').buffer(true).expect(200);
      const evidence = await request(app).get('/api/factors/sanctions?limit=1').expect(200);
      expect(all.text.split('\r\n').filter((l: string) => l.includes(',sanctions,')).length).toBeGreaterThanOrEqual(evidence.body.total);

      const jsonl = await request(app).get('/api/export/summaries.jsonl?collection=all').buffer(true).expect(200);
      const summaries = jsonl.text.trimEnd().split('\n').map((l: string) => JSON.parse(l));
      expect(summaries).toHaveLength(4);
      expect(summaries.every((s: { schema: string }) => s.schema === 'policylens/summary@1')).toBe(true);
      expect((await request(app).get('/api/export/everything.xlsx').expect(404)).body.error.code).toBe('not_found');
    });

    it('keeps the user\'s corrections of a record through a new analysis, in tables, exports and the list', async () => {
      const id = ids['en-1-export-controls-semiconductors.txt']!;
      const correction = { title: 'Export controls, corrected', authors: ['A. Author', 'B. Author'], year: 2017, venue: 'Research Policy', collections: ['corrected'] };
      // Bidirectional overrides that would disguise the title are dropped.
      const patched = await request(app).patch(`/api/documents/${id}`).send({ ...correction, title: `\u202e${correction.title}` }).expect(200);
      expect(patched.body.document).toMatchObject({ title: correction.title, year: 2017, collections: ['corrected'], corrections: { venue: 'Research Policy' } });
      await request(app).post(`/api/documents/${id}/reanalyze`).send({}).expect(202);
      await waitFor('the new analysis', async () => (await request(app).get(`/api/documents/${id}`)).body.document.status === 'done', 60_000, 100);
      const { body } = await request(app).get(`/api/documents/${id}`).expect(200);
      expect(body.document).toMatchObject({ title: correction.title, year: 2017 });
      expect(body.summary.document).toMatchObject({ title: correction.title, authors: correction.authors, year: 2017, venue: 'Research Policy' });
      const rows = (await request(app).get(`/api/factors?document=${id}`).expect(200)).body.rows;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r: { title: string; year: number }) => r.title === correction.title && r.year === 2017)).toBe(true);
      expect((await request(app).get('/api/export/factors.csv?collection=corrected').buffer(true).expect(200)).text).toContain(correction.title);
      const jsonl = (await request(app).get('/api/export/summaries.jsonl?collection=corrected').buffer(true).expect(200)).text.trim().split('\n');
      expect(jsonl.map((line) => JSON.parse(line).document)).toMatchObject([{ title: correction.title, venue: 'Research Policy' }]);
      expect((await request(app).get('/api/documents?collection=corrected').expect(200)).body.documents[0].title).toBe(correction.title);
    });

    it('refuses corrections that are not a record\'s fields, with a clear error and nothing changed', async () => {
      const id = ids['en-2-brain-drain-human-capital.txt']!;
      const before = (await request(app).get(`/api/documents/${id}`).expect(200)).body.document;
      for (const bad of [{}, { year: 1066 }, { year: '2019' }, { title: '  ' }, { title: '\u202e\u0007' }, { authors: 'one' }, { status: 'done' }]) {
        const res = await request(app).patch(`/api/documents/${id}`).send(bad).expect(400);
        expect(res.body.error.code).toBe('invalid_correction');
      }
      expect((await request(app).get(`/api/documents/${id}`).expect(200)).body.document).toEqual(before);
      expect((await request(app).patch(`/api/documents/${'0'.repeat(64)}`).send({ year: 2000 }).expect(404)).body.error.code).toBe('not_found');
    });
  });
}
