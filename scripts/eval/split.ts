// npm run eval:split — the issue splitter (src/analysis/articles/) on the hand-labelled journal
// issues of test/fixtures/issue-split-gold/ (PDFs in ../shared/pdfs/issues/): article starts
// found, by exact start page and by start within the page (the labelled first line opens the
// article's first paragraph), precision and recall; title exact match (case and spacing
// normalised); first author found (by surname).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitIssue, cutRange } from '../../src/analysis/articles/index.js';
import { readPdf } from '../../src/analysis/extract/pdf/index.js';
import { surnameKey } from '../../src/analysis/structure/names.js';
import { projectRoot, sharedDir } from '../../src/paths.js';

interface GoldArticle {
  page: number;
  firstLine: string;
  title: string;
  firstAuthor: string;
}

const goldDir = join(projectRoot, 'test', 'fixtures', 'issue-split-gold');
const normal = (text: string) => text.toLowerCase().replace(/ё/g, 'е').replace(/\s*-\s*/g, '-').replace(/\s+/g, ' ').trim();

const totals = { gold: 0, found: 0, page: 0, inPage: 0, title: 0, author: 0 };
for (const name of readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort()) {
  const gold = JSON.parse(readFileSync(join(goldDir, name), 'utf8')) as { file: string; articles: GoldArticle[] };
  const path = join(sharedDir, 'pdfs', 'issues', gold.file);
  if (!existsSync(path)) {
    console.error(`skipping ${gold.file}: ${path} not found (../shared is only on development machines and in CI)`);
    continue;
  }
  const layout = await readPdf(new Uint8Array(readFileSync(path)), {});
  const split = splitIssue(layout.paragraphs, layout.printedPages);
  const counts = { page: 0, inPage: 0, title: 0, author: 0 };
  const misses: string[] = [];
  for (const expected of gold.articles) {
    const found = split.articles.find((a) => a.range.start.page === expected.page);
    if (!found) {
      misses.push(`  missed: p. ${expected.page} ${expected.title.slice(0, 60)}`);
      continue;
    }
    counts.page++;
    const first = cutRange(layout.paragraphs, found.range)[0];
    if (first && normal(first.lines.join(' ')).startsWith(normal(expected.firstLine))) counts.inPage++;
    else misses.push(`  start within p. ${expected.page}: "${first?.lines.join(' ').slice(0, 50)}" ≠ "${expected.firstLine}"`);
    if (normal(found.title) === normal(expected.title)) counts.title++;
    else misses.push(`  title p. ${expected.page}: "${found.title}"\n           ≠ "${expected.title}"`);
    if (found.authors[0] && surnameKey(found.authors[0]) === surnameKey(expected.firstAuthor)) counts.author++;
    else misses.push(`  first author p. ${expected.page}: ${found.authors[0] ?? '(none)'} ≠ ${expected.firstAuthor}`);
  }
  const spurious = split.articles.filter((a) => !gold.articles.some((g) => g.page === a.range.start.page));
  for (const a of spurious) misses.push(`  spurious: p. ${a.range.start.page} ${a.title.slice(0, 60)}`);
  console.log(`${gold.file}: ${gold.articles.length} articles labelled, ${split.articles.length} found; contents page(s) ${split.contentsPages.join(', ') || 'none'}; ${report(gold.articles.length, split.articles.length, counts)}`);
  for (const line of misses) console.log(line);
  totals.gold += gold.articles.length;
  totals.found += split.articles.length;
  for (const key of ['page', 'inPage', 'title', 'author'] as const) totals[key] += counts[key];
}
console.log(`all: ${totals.gold} articles labelled, ${totals.found} found; ${report(totals.gold, totals.found, totals)}`);

function report(gold: number, found: number, c: { page: number; inPage: number; title: number; author: number }): string {
  const share = (n: number, d: number) => (d === 0 ? 'n/a' : (n / d).toFixed(3));
  return [
    `start page P ${share(c.page, found)} R ${share(c.page, gold)}`,
    `start within page P ${share(c.inPage, found)} R ${share(c.inPage, gold)}`,
    `title exact ${share(c.title, gold)}`,
    `first author ${share(c.author, gold)}`,
  ].join('; ');
}
