// A journal issue's articles in the store, on SQLite and on PostgreSQL: each a document without a
// file of its own that reads its issue's bytes and range, replaced as a whole when the issue is
// split again, and gone with the issue.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/database.js';
import { DocumentsRepository, type NewArticle } from '../../src/store/documents-repository.js';
import { createPgSchema, hasPostgres } from '../support/services.js';

const dialects: { name: string; enabled: boolean; open(): Promise<{ store: Store; cleanup(): Promise<void> }> }[] = [
  {
    name: 'sqlite',
    enabled: true,
    async open() {
      const dataDir = mkdtempSync(join(tmpdir(), 'policylens-issue-'));
      const store = await openStore({ dataDir });
      return { store, cleanup: async () => { await store.close(); rmSync(dataDir, { recursive: true, force: true }); } };
    },
  },
  {
    name: 'postgres',
    enabled: hasPostgres,
    async open() {
      const schema = await createPgSchema();
      const store = await openStore({ databaseUrl: schema.url, dataDir: '/nonexistent' });
      return { store, cleanup: async () => { await store.close(); await schema.drop(); } };
    },
  },
];

const article = (n: number, range: string): NewArticle => ({ id: `${'a'.repeat(63)}${n}`, position: n, range, filename: `issue.pdf (p. ${n})`, title: `Title ${n}`, authors: [`Author ${n}`] });

for (const dialect of dialects) {
  describe.skipIf(!dialect.enabled)(`issue articles on ${dialect.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let documents: DocumentsRepository;
    const issueId = 'f'.repeat(64);
    const bytes = new Uint8Array([37, 80, 68, 70, 45, 49]);

    beforeAll(async () => {
      ({ store, cleanup } = await dialect.open());
      documents = new DocumentsRepository(store.db);
      await documents.insertIfAbsent({ id: issueId, filename: 'issue.pdf', mediaType: 'application/pdf', bytes, collections: ['journals'], splitIssue: true, year: 2015 });
    });
    afterAll(() => cleanup?.());

    it('stores each article as a queued document reading its issue\'s bytes and its own range (an attempt begun on it)', async () => {
      expect(await documents.beginAttempt(issueId)).toMatchObject({ splitIssue: true, issueRange: null, articleHead: null });
      const created = await documents.replaceIssueArticles(issueId, [article(1, '9.1-16.23'), article(2, '16.23-')]);
      expect(created).toHaveLength(2);
      const rows = await documents.articlesOf(issueId);
      expect(rows.map((r) => [r.issue_position, r.issue_range, r.status, r.year, r.enqueued_at])).toEqual([[1, '9.1-16.23', 'queued', 2015, null], [2, '16.23-', 'queued', 2015, null]]);
      expect(await documents.listOutbox(10)).toEqual(expect.arrayContaining(created));
      const file = await documents.beginAttempt(article(2, '').id);
      expect(file).toMatchObject({ splitIssue: false, issueRange: '16.23-', articleHead: { title: 'Title 2', authors: ['Author 2'] } });
      expect([...file!.bytes]).toEqual([...bytes]);
      expect((await documents.collectionsOf(created)).get(created[0]!)).toEqual(['journals']);
    });

    it('a new split keeps the articles found again, adds the new ones and drops the rest; deleting the issue deletes them', async () => {
      const created = await documents.replaceIssueArticles(issueId, [article(1, '9.1-16.23'), article(3, '20.0-')]);
      expect(created).toEqual([article(3, '').id]);
      expect((await documents.articlesOf(issueId)).map((r) => r.id)).toEqual([article(1, '').id, article(3, '').id]);
      await documents.delete(issueId);
      expect(await documents.articlesOf(issueId)).toEqual([]);
      expect(await documents.get(article(1, '').id)).toBeUndefined();
    });
  });
}
