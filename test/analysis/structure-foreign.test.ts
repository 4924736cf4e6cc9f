// Another article's text on a paper's pages (the `foreign` zone and its warnings), on real pages:
// articles cut out of the two journal issues of ../shared page by page, as journals post them —
// their first page opens with the end of the previous article, their last goes on with the next.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/analysis/extract/index.js';
import { analyze } from '../../src/analysis/index.js';
import { hasShared, sharedPath } from '../support/shared.js';

const dir = mkdtempSync(join(tmpdir(), 'policylens-foreign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Pages first..last of an issue as one PDF (poppler's pdfseparate and pdfunite). */
function cutPages(issue: string, first: number, last: number): Uint8Array {
  const pages: string[] = [];
  for (let page = first; page <= last; page++) {
    const out = join(dir, `${issue}-${page}.pdf`);
    execFileSync('pdfseparate', ['-f', String(page), '-l', String(page), sharedPath('pdfs', 'issues', issue), out], { stdio: 'ignore' });
    pages.push(out);
  }
  const out = join(dir, `${issue}-${first}-${last}.pdf`);
  execFileSync('pdfunite', [...pages, out], { stdio: 'ignore' });
  return new Uint8Array(readFileSync(out));
}

describe.skipIf(!hasShared)('structure: another article on the same pages', () => {
  it("zones the previous article's end and the next article's start as foreign, and says so", async () => {
    for (const [issue, first, last, title] of [
      ['ru-journal-issue-2015-3.pdf', 32, 37, /^УПРАВЛЕНИЕ КАЧЕСТВОМ ОБРАЗОВАНИЯ/],
      ['ru-journal-issue-2015-6.pdf', 38, 43, /^ПЕДАГОГИЧЕСКИЕ УСЛОВИЯ ПОВЫШЕНИЯ/],
    ] as const) {
      const doc = await extract(cutPages(issue, first, last), { filename: `${issue}-${first}.pdf` });
      expect(doc.blocks[0]!.kind, issue).toBe('foreign');
      expect(doc.blocks[doc.blocks.length - 1]!.kind, issue).toBe('foreign');
      expect(doc.blocks.some((b) => b.kind === 'body'), issue).toBe(true);
      expect(doc.bibliography.title, issue).toMatch(title);
      expect(doc.warnings.some((w) => /^page 1 starts with another article's text/.test(w)), issue).toBe(true);
      expect(doc.warnings.some((w) => /^page 6 goes on with another article/.test(w)), issue).toBe(true);
    }
  });

  it('counts no factor mention from the foreign text', async () => {
    const bytes = cutPages('ru-journal-issue-2015-3.pdf', 32, 37);
    const { summary } = await analyze(bytes, { filename: 'article.pdf' });
    for (const factor of summary.factors) for (const e of factor.evidence) expect(e.section).not.toBe('foreign');
  });

  // A whole issue of 120 pages takes a while on a busy machine.
  it('leaves a whole issue and single papers without foreign text alone', { timeout: 300_000 }, async () => {
    const issue = await extract(new Uint8Array(readFileSync(sharedPath('pdfs', 'issues', 'ru-journal-issue-2015-6.pdf'))), { filename: 'issue.pdf' });
    expect(issue.blocks.some((b) => b.kind === 'foreign')).toBe(false);
    const paper = await extract(new Uint8Array(readFileSync(sharedPath('data', 'factor-gold-dev', 'pdfs', 'den08_rp2022_public-research-funding-china.pdf'))), { filename: 'p.pdf' });
    expect(paper.blocks.some((b) => b.kind === 'foreign')).toBe(false);
    expect(paper.warnings.some((w) => /another article/.test(w))).toBe(false);
  });
});
