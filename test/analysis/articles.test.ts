// The issue splitter (src/analysis/articles/) on the two real journal issues of ../shared: the
// articles it finds against the hand-labelled gold, and an article analyzed from its range of the
// issue's file: its text, factors and evidence come from its own pages only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitIssue, cutRange, type IssueSplit } from '../../src/analysis/articles/index.js';
import { readPdf } from '../../src/analysis/extract/pdf/index.js';
import type { LayoutResult } from '../../src/analysis/extract/paragraphs.js';
import { analyze } from '../../src/analysis/index.js';
import { projectRoot } from '../../src/paths.js';
import { typesetIssue } from '../support/issue-pdf.js';
import { hasShared, sharedPath } from '../support/shared.js';

interface Gold {
  file: string;
  articles: { page: number; firstLine: string; title: string; firstAuthor: string }[];
}

const ISSUES = ['ru-journal-issue-2015-3', 'ru-journal-issue-2015-6'];
const gold = (name: string): Gold => JSON.parse(readFileSync(join(projectRoot, 'test', 'fixtures', 'issue-split-gold', `${name}.json`), 'utf8')) as Gold;
const bytesOf = (name: string) => new Uint8Array(readFileSync(sharedPath('pdfs', 'issues', `${name}.pdf`)));

describe.skipIf(!hasShared)('issue splitter on real journal issues', () => {
  const layouts = new Map<string, LayoutResult>();
  const splits = new Map<string, IssueSplit>();
  beforeAll(async () => {
    for (const name of ISSUES) {
      const layout = await readPdf(bytesOf(name), {});
      layouts.set(name, layout);
      splits.set(name, splitIssue(layout.paragraphs, layout.printedPages));
    }
  }, 300_000);

  it.each(ISSUES)('%s: every labelled article starts on its page, with its classification line first, and nothing else is found', (name) => {
    const split = splits.get(name)!;
    const expected = gold(name).articles;
    expect(split.articles.map((a) => a.range.start.page)).toEqual(expected.map((a) => a.page));
    for (const [i, article] of split.articles.entries()) {
      expect(cutRange(layouts.get(name)!.paragraphs, article.range)[0]!.lines.join(' ')).toMatch(new RegExp(`^${expected[i]!.firstLine}`));
    }
  });

  it.each(ISSUES)('%s: articles follow one another, the issue front and back matter stay out, the contents page lists each start', (name) => {
    const split = splits.get(name)!;
    expect(split.contentsPages.length).toBeGreaterThan(0);
    expect(split.articles[0]!.range.start.page).toBeGreaterThan(Math.max(...split.contentsPages));
    for (const [i, article] of split.articles.entries()) {
      const next = split.articles[i + 1];
      // An article ends at the next one's start or above it (the section rubric between belongs to neither).
      if (next) expect(article.range.end!.page).toBeLessThanOrEqual(next.range.start.page);
    }
    // Issue 3's contents page lacks one page number in its text layer (78, of Назаренко's article).
    expect(split.articles.filter((a) => a.listedInContents).length).toBeGreaterThanOrEqual(split.articles.length - 1);
    // The issue's back matter (notes on the authors, rules for authors) is not part of the last article.
    expect(split.articles.at(-1)!.range.end).not.toBeNull();
    expect(split.unmatchedContentsPages).toEqual([]);
  });

  it.each(ISSUES)('%s: titles and first authors as printed', (name) => {
    const split = splits.get(name)!;
    const normal = (t: string) => t.toLowerCase().replace(/\s*-\s*/g, '-').replace(/\s+/g, ' ');
    const expected = gold(name).articles;
    const titles = split.articles.filter((a, i) => normal(a.title) === normal(expected[i]!.title)).length;
    // Titles the text layer runs words together in («ПОДРОСТКОВВ ДЕТСКОМ») stay as the layer has them.
    expect(titles / expected.length).toBeGreaterThanOrEqual(0.8);
    expect(split.articles.map((a) => a.authors[0]?.split(/\s/)[0])).toEqual(expected.map((a) => a.firstAuthor.split(/\s/)[0]));
  });

  it('an article analyzed from its range reads its own pages only, also where it starts and ends mid-page', async () => {
    const name = ISSUES[0]!;
    const split = splits.get(name)!;
    // The second article starts on the page where the first one's references end.
    const article = split.articles[1]!;
    expect(article.range.start.index).toBeGreaterThan(0);
    const { summary, text } = await analyze(bytesOf(name), { filename: `${name}.pdf`, articleRange: article.range });
    const whole = await analyze(bytesOf(name), { filename: `${name}.pdf` });
    expect(text.startsWith('УДК')).toBe(true);
    // The first article's last reference, printed above this one's head on the same page, is not in it.
    expect(text).not.toContain('Культура и этика');
    expect(whole.text).toContain('Культура и этика');
    const evidencePages = summary.factors.flatMap((f) => f.evidence.map((e) => e.page!));
    expect(evidencePages.length).toBeGreaterThan(0);
    for (const page of evidencePages) {
      expect(page).toBeGreaterThanOrEqual(article.range.start.page);
      expect(page).toBeLessThanOrEqual(article.lastPage);
    }
    expect(summary.document.pages).toBe(article.lastPage - article.range.start.page + 1);
    expect(summary.document.words).toBeLessThan(whole.summary.document.words / 5);
  }, 300_000);
});

describe('issue splitter on an issue in another house style (typeset from corpus/)', () => {
  it.each([
    ['title, then authors', false],
    ['authors above the title', true],
  ])('finds each article by its display title, author line and abstract, mid-page, without classification lines or contents page (%s)', async (_, authorsFirst) => {
    const { pdf, starts } = await typesetIssue({ authorsFirst });
    const layout = await readPdf(pdf, {});
    const split = splitIssue(layout.paragraphs, layout.printedPages);
    expect(split.contentsPages).toEqual([]);
    expect(split.articles.map((a) => ({ page: a.range.start.page, title: a.title, firstAuthor: a.authors[0] }))).toEqual(starts);
    expect(split.articles.every((a) => a.cue === 'display')).toBe(true);
    // The second and third articles start below the end of the one before.
    expect(split.articles.slice(1).every((a) => a.range.start.index > 0)).toBe(true);
    const [first, second] = split.articles;
    const firstText = cutRange(layout.paragraphs, first!.range).map((p) => p.lines.join(' ')).join('\n');
    expect(firstText).not.toContain(second!.title.slice(0, 30));
  }, 120_000);
});
