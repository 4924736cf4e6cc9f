// `policylens ingest --split-issues` on a real journal issue of ../shared: the issue's file is
// stored once, each article becomes a document linked to it (position, range), analyzed from its
// own range of the issue's file, with its own title and factors.
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/cli/commands/ingest.js';
import { createRuntime } from '../../src/runtime.js';
import { silentLogger, testConfig } from '../support/runtime.js';
import { hasShared, sharedPath } from '../support/shared.js';

describe.skipIf(!hasShared)('ingest --split-issues', () => {
  const config = testConfig({ WORKER_CONCURRENCY: '2' });
  afterAll(() => config.cleanup());

  it('stores a journal issue once and each of its articles as a linked document analyzed from its own pages', async () => {
    const file = sharedPath('pdfs', 'issues', 'ru-journal-issue-2015-3.pdf');
    const outcomes = await ingest(config, [file], { wait: true, splitIssues: true });
    const [issueOutcome, ...articleOutcomes] = outcomes;
    expect(issueOutcome).toMatchObject({ file, status: 'done' });
    expect(articleOutcomes).toHaveLength(20);
    expect(articleOutcomes.every((o) => o.status === 'done')).toBe(true);

    const runtime = await createRuntime(config, { analyze: false, log: silentLogger() });
    try {
      const documents = runtime.services.documents;
      const issue = await documents.find(issueOutcome!.id!);
      const { articles, issue: noIssue } = await documents.issueLinks(issue);
      expect(noIssue).toBeNull();
      expect(articles.map((a) => a.issue_position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(articles[0]!.title).toBe('ВОСПИТАНИЕ НРАВСТВЕННОСТИ КАК ТЕОРЕТИЧЕСКАЯ ПРОБЛЕМА');
      const second = articles[1]!;
      expect(second.issue_range).toMatch(/^16\.\d+-23\.\d+$/);
      expect((await documents.issueLinks(second)).issue?.id).toBe(issue.id);
      const summary = (await documents.summary(second.id))!;
      expect(summary.document.id).toBe(second.id);
      expect(summary.document.authors?.[0]).toMatch(/^Бекоева/);
      for (const evidence of summary.factors.flatMap((f) => f.evidence)) {
        expect(evidence.page).toBeGreaterThanOrEqual(16);
        expect(evidence.page).toBeLessThanOrEqual(23);
      }
      // The issue is counted in its articles alone: its own record keeps no factors.
      const issueSummary = (await documents.summary(issue.id))!;
      expect(issueSummary.factors).toEqual([]);
      expect(issueSummary.document.warnings).toContainEqual(expect.stringMatching(/its 20 articles are stored as documents of their own/));
      // The issue's bytes are stored once: articles have no file of their own.
      const files = await runtime.store.db.selectFrom('document_files').select('document_id').execute();
      expect(files.map((f) => f.document_id)).toEqual([issue.id]);
    } finally {
      await runtime.close();
    }
  }, 900_000);
});
