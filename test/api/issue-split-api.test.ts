// The upload option for journal issues: the form's checkbox (multipart "splitIssues") stores the
// issue once and, once it is analyzed, each article as a document; the API shows the links both
// ways ("part of issue X", the issue's articles in order).
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import { startTestApp, waitFor, type TestApp } from '../support/runtime.js';
import { hasShared, sharedPath } from '../support/shared.js';

describe.skipIf(!hasShared)('uploading a journal issue to be split', () => {
  let runtime: Runtime;
  let app: TestApp['app'];
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ runtime, app, close } = await startTestApp());
  });
  afterAll(() => close?.());

  it('refuses a splitIssues that is not a boolean', async () => {
    const res = await request(app).post('/api/documents').send({ files: [{ filename: 'a.txt', contentBase64: 'aGVsbG8=' }], splitIssues: 'yes' }).expect(400);
    expect(res.body.error.message).toMatch(/"splitIssues"\?/);
  });

  it('stores the articles linked to the issue, in order, each showing its issue', async () => {
    const bytes = readFileSync(sharedPath('pdfs', 'issues', 'ru-journal-issue-2015-6.pdf'));
    const upload = await request(app).post('/api/documents').field('splitIssues', '1').attach('files', bytes, 'issue-6.pdf').expect(202);
    const issueId = upload.body.documents[0].id as string;
    await waitFor('the issue', async () => (await runtime.services.documents.get(issueId))?.status === 'done', 300_000, 200);
    const issue = (await request(app).get(`/api/documents/${issueId}`).expect(200)).body;
    expect(issue.document.issue).toBeNull();
    expect(issue.document.articles).toHaveLength(25);
    expect(issue.document.articles.map((a: { position: number }) => a.position)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(issue.document.articles[1]).toMatchObject({ title: expect.stringMatching(/^ДЕФИНИЦИЯ И СТРУКТУРА КОМПЕТЕНЦИИ/), range: expect.stringMatching(/^21\.\d+-26\.\d+$/) });
    expect(issue.summary.factors).toEqual([]);

    // What the web process's outbox sweep does every few seconds.
    await runtime.services.documents.sweepOutbox();
    const first = issue.document.articles[0].id as string;
    await waitFor('the first article', async () => (await runtime.services.documents.get(first))?.status === 'done', 300_000, 200);
    const article = (await request(app).get(`/api/documents/${first}`).expect(200)).body;
    expect(article.document).toMatchObject({ issueDocumentId: issueId, issue: { id: issueId, filename: 'issue-6.pdf' }, articles: [] });
    expect(article.summary.document).toMatchObject({ id: first, title: 'НРАВСТВЕННОЕ ВОСПИТАНИЕ КАК ПЕДАГОГИЧЕСКАЯ КАТЕГОРИЯ' });
    expect(article.summary.document.authors[0]).toMatch(/^Арсалиев/);
    expect(article.summary.factors.length).toBeGreaterThan(0);
  }, 600_000);
});
