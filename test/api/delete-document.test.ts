// Deleting a document removes it, its original, its results and its search rows, on SQLite and
// PostgreSQL; a document deleted while it is being analyzed leaves nothing behind either.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../src/paths.js';
import type { Runtime } from '../../src/runtime.js';
import { startTestApp, waitFor, type TestApp } from '../support/runtime.js';
import { STORE_SETUPS } from '../support/services.js';

const PAPERS = ['en-1-export-controls-semiconductors.txt', 'en-3-green-transition-value-chains.txt'];

for (const setup of STORE_SETUPS) {
  describe.skipIf(!setup.enabled)(`deleting documents on ${setup.name}`, () => {
    let runtime: Runtime;
    let app: TestApp['app'];
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      const database = await setup.env();
      ({ runtime, app, close: cleanup } = await startTestApp(database.env, database));
    });
    afterAll(() => cleanup?.());

    const rowsOf = async (table: string, id: string) =>
      Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where document_id = ${id}`.execute(runtime.store.db)).rows[0]!.n);

    it('removes an analyzed document, its file and every result, by id prefix', async () => {
      const upload = await request(app).post('/api/documents').field('collection', 'gone').attach('files', readFileSync(join(corpusDir, PAPERS[0]!)), PAPERS[0]!).expect(202);
      const id = upload.body.documents[0].id as string;
      await waitFor('analysis', async () => (await runtime.services.documents.get(id))?.status === 'done', 60_000, 100);
      expect(await rowsOf('sentences', id)).toBeGreaterThan(0);
      const res = await request(app).delete(`/api/documents/${id.slice(0, 12)}`).expect(200);
      expect(res.body.deleted).toMatchObject({ id, filename: PAPERS[0] });
      await request(app).get(`/api/documents/${id}`).expect(404);
      for (const table of ['document_files', 'document_collections', 'summaries', 'document_factors', 'factor_mentions', 'sentences']) expect(await rowsOf(table, id), table).toBe(0);
      if (setup.name === 'sqlite') {
        const fts = await sql<{ n: number }>`select count(*) as n from sentence_fts`.execute(runtime.store.db);
        const sentences = await sql<{ n: number }>`select count(*) as n from sentences`.execute(runtime.store.db);
        expect(Number(fts.rows[0]!.n)).toBe(Number(sentences.rows[0]!.n));
      }
      expect((await request(app).get('/api/search?q=semiconductors').expect(200)).body.hits).toEqual([]);
      expect((await request(app).get('/api/factors?collection=gone').expect(404)).body.error.message).toMatch(/No collection "gone"/);
      await request(app).delete(`/api/documents/${id}`).expect(404);
    }, 90_000);

    it('deletes a document before its analysis ends (queued or running): nothing of it is stored afterwards', async () => {
      const upload = await request(app).post('/api/documents').attach('files', readFileSync(join(corpusDir, PAPERS[1]!)), PAPERS[1]!).expect(202);
      const id = upload.body.documents[0].id as string;
      await request(app).delete(`/api/documents/${id}`).expect(200);
      await runtime.idle();
      expect(await runtime.services.documents.get(id)).toBeUndefined();
      for (const table of ['summaries', 'document_factors', 'sentences']) expect(await rowsOf(table, id), table).toBe(0);
    }, 90_000);
  });
}
