// The document list's sort, filter and page parameters, and the authors it shows, on SQLite and
// PostgreSQL: what the documents page asks for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../src/paths.js';
import type { Runtime } from '../../src/runtime.js';
import { startTestApp, waitFor, type TestApp } from '../support/runtime.js';
import { STORE_SETUPS } from '../support/services.js';

/** Three papers: two English, one Russian, with upload years 2019, 2021 and 2023. */
const PAPERS = [
  { file: 'en-1-export-controls-semiconductors.txt', year: 2021 },
  { file: 'en-2-brain-drain-human-capital.txt', year: 2019 },
  { file: 'ru-2-national-innovation-system.txt', year: 2023 },
];


type Listed = { id: string; filename: string; title: string | null; year: number | null; language: string | null; authors: string[] };

for (const setup of STORE_SETUPS) {
  describe.skipIf(!setup.enabled)(`the document list on ${setup.name}`, () => {
    let runtime: Runtime;
    let app: TestApp['app'];
    let cleanup: () => Promise<void>;
    const list = async (query: string): Promise<{ total: number; documents: Listed[] }> => (await request(app).get(`/api/documents?${query}`).expect(200)).body;

    beforeAll(async () => {
      const database = await setup.env();
      ({ runtime, app, close: cleanup } = await startTestApp(database.env, database));
      for (const { file, year } of PAPERS) {
        const res = await request(app).post('/api/documents').field('year', String(year)).attach('files', readFileSync(join(corpusDir, file)), file).expect(202);
        const id = res.body.documents[0].id as string;
        await waitFor(`analysis of ${file}`, async () => (await runtime.services.documents.get(id))?.status === 'done', 90_000, 100);
      }
    }, 180_000);
    afterAll(() => cleanup?.());

    it('sorts by year either way, and pages through the sorted list', async () => {
      expect((await list('sort=year')).documents.map((d) => d.year)).toEqual([2019, 2021, 2023]);
      expect((await list('sort=year&order=desc')).documents.map((d) => d.year)).toEqual([2023, 2021, 2019]);
      const second = await list('sort=year&limit=1&offset=1');
      expect(second.total).toBe(3);
      expect(second.documents.map((d) => d.year)).toEqual([2021]);
    });

    it('sorts by title (the filename when there is none)', async () => {
      const names = (await list('sort=title')).documents.map((d) => (d.title ?? d.filename).toLowerCase());
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    });

    it('filters by language, year range and words of the title or filename', async () => {
      expect((await list('language=ru')).documents.map((d) => d.filename)).toEqual([PAPERS[2]!.file]);
      expect((await list('year=2020-')).documents.map((d) => d.year).sort()).toEqual([2021, 2023]);
      const found = await list('q=BRAIN-drain');
      expect(found.documents.map((d) => d.filename)).toEqual([PAPERS[1]!.file]);
      expect((await list('q=100%25')).total).toBe(0);
    });

    it('shows the authors: the correction when there is one; corrections keep the uploaded year', async () => {
      const [doc] = (await list('language=ru')).documents;
      await request(app).patch(`/api/documents/${doc!.id}`).send({ authors: ['Иванов И. И.', 'Petrov P.'] }).expect(200);
      const [corrected] = (await list('language=ru')).documents;
      expect(corrected!.authors).toEqual(['Иванов И. И.', 'Petrov P.']);
      // Correcting the authors or the title keeps the year given at upload.
      await request(app).patch(`/api/documents/${doc!.id}`).send({ title: 'Национальная инновационная система' }).expect(200);
      expect((await list('language=ru')).documents[0]).toMatchObject({ year: 2023, title: 'Национальная инновационная система' });
      // Words of a Cyrillic title are found whatever their case, on SQLite as on PostgreSQL.
      expect((await list(`q=${encodeURIComponent('национальная ИННОВАЦИОННАЯ')}`)).documents.map((d) => d.id)).toEqual([doc!.id]);
      for (const d of (await list('')).documents) expect(Array.isArray(d.authors)).toBe(true);
    });

    it('refuses an unknown sort, order or year with a 400 naming it', async () => {
      expect((await request(app).get('/api/documents?sort=size').expect(400)).body.error.message).toMatch(/sort/);
      expect((await request(app).get('/api/documents?order=up').expect(400)).body.error.message).toMatch(/order/);
      expect((await request(app).get('/api/documents?year=20x1').expect(400)).body.error.message).toMatch(/year/);
    });
  });
}
