// Page furniture: running headers and footers (journal name, author, page numbers) that repeat in
// the top or bottom margin of many pages. They would otherwise be read into the middle of sentences
// wherever a paragraph crosses a page.
import { acrossLanguages } from '../../languages/index.js';
import { phrasesPattern } from '../../languages/markers.js';
import type { FurnitureLine } from '../../types.js';
import { groupRows } from './reading-order.js';
import type { PageText, TextRun } from './runs.js';

/** Top and bottom share of the page where headers and footers live. */
const MARGIN_ZONE = 0.12;
/** Baselines of one running header on different pages differ by at most this (points). */
const SAME_PLACE = 6;
/** A header repeats on at least this share of the pages (alternating headers: half of them). */
const MIN_REPEAT_SHARE = 0.2;
/** A header stands apart from the text: a gap of this many of its font sizes, or another size. */
const APART_GAP = 1.6;
/** Running headers are set smaller than the body text. */
const SMALL_PRINT = 0.9;
/** A page number alone or with its languages' words: «– 12 –», "Page 3 of 10", «стр. 5», «3 из 10». */
const pageNumber = acrossLanguages((profiles) => {
  const page = phrasesPattern(profiles.flatMap((p) => p.markers.page));
  const of = `(?:${phrasesPattern(profiles.flatMap((p) => p.markers.pageOf))}|\\/)`;
  return new RegExp(`^(?:[-–—\\s]*\\d{1,4}[-–—\\s]*|${page}\\s*\\d{1,4}(?:\\s*${of}\\s*\\d{1,4})?|\\d{1,4}\\s*${of}\\s*\\d{1,4})$`, 'iu');
});

/** Footnotes are text even when a page repeats one; their superscript marker tells them apart. */
const FOOTNOTE_MARK = /^[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]/;

interface MarginRow {
  page: number;
  top: boolean;
  /** A row follows that is at least as large as this one: the header stands above the text. */
  beforeBody: boolean;
  runs: TextRun[];
  key: string;
  y: number;
}

export interface FurnitureResult {
  /** The pages with furniture rows removed from their runs. */
  pages: PageText[];
  /** The rows removed, in page order: they carry the journal, the issue, the year, the printed page. */
  furniture: FurnitureLine[];
}

export function removeFurniture(pages: PageText[]): FurnitureResult {
  const candidates = pages.flatMap(marginRows);
  const minPages = Math.max(2, Math.ceil(MIN_REPEAT_SHARE * pages.length));
  const bodySize = dominantSize(pages);
  // Rows at one place with one wording, counted once per page: a lookup instead of a scan per row.
  const placesByKey = new Map<string, MarginRow[]>();
  for (const row of candidates) placesByKey.set(row.key, [...(placesByKey.get(row.key) ?? []), row]);
  const drop = new Set<TextRun>();
  const furniture: FurnitureLine[] = [];
  for (const row of candidates) {
    const text = rowText(row.runs);
    const repeats = new Set(placesByKey.get(row.key)!.filter((o) => Math.abs(o.y - row.y) <= SAME_PLACE).map((o) => o.page));
    const repeated = pages.length > 1 && repeats.size >= minPages && !FOOTNOTE_MARK.test(text);
    // A short paper has too few pages for its alternating headers to repeat; small print set apart
    // above the text is a header all the same (small print below it may be a footnote).
    const smallHeader = row.top && row.beforeBody && Math.max(...row.runs.map((r) => r.size)) < SMALL_PRINT * bodySize;
    if (pageNumber().test(text) || repeated || smallHeader) {
      for (const run of row.runs) drop.add(run);
      furniture.push({ page: row.page, text, top: row.top });
    }
  }
  if (drop.size === 0) return { pages, furniture };
  return { pages: pages.map((p) => ({ ...p, runs: p.runs.filter((r) => !drop.has(r)) })), furniture };
}

/** A row's words left to right. */
function rowText(runs: TextRun[]): string {
  return [...runs].sort((a, b) => a.x0 - b.x0).map((r) => r.text).join(' ').replace(/\s+/g, ' ').trim();
}

/** Rows in the top or bottom margin that stand apart from the text next to them. */
function marginRows(page: PageText): MarginRow[] {
  const rows = groupRows(page.runs);
  const result: MarginRow[] = [];
  rows.forEach((runs, i) => {
    const y = runs[0]!.y;
    const inTop = y < MARGIN_ZONE * page.height;
    const inBottom = y > (1 - MARGIN_ZONE) * page.height;
    if (!inTop && !inBottom) return;
    const neighbour = inTop ? rows[i + 1] : rows[i - 1];
    if (neighbour && !standsApart(runs, neighbour)) return;
    const size = Math.max(...runs.map((r) => r.size));
    const beforeBody = inTop && rows[i + 1] !== undefined && Math.max(...rows[i + 1]!.map((r) => r.size)) > size;
    result.push({ page: page.page, top: inTop, beforeBody, runs, key: furnitureKey(runs), y });
  });
  return result;
}

function standsApart(row: TextRun[], neighbour: TextRun[]): boolean {
  const size = Math.max(...row.map((r) => r.size));
  const otherSize = Math.max(...neighbour.map((r) => r.size));
  const gap = Math.abs(neighbour[0]!.y - row[0]!.y);
  return gap > APART_GAP * Math.max(size, otherSize) || Math.abs(size - otherSize) > 0.1 * otherSize;
}

/** Page numbers and dates change from page to page; the words around them do not. */
function furnitureKey(runs: TextRun[]): string {
  return runs
    .map((r) => r.text)
    .join(' ')
    .toLowerCase()
    .replace(/\d+/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The font size most characters of the document are set in. */
function dominantSize(pages: PageText[]): number {
  const chars = new Map<number, number>();
  for (const page of pages) for (const run of page.runs) {
    const size = Math.round(run.size * 2) / 2;
    chars.set(size, (chars.get(size) ?? 0) + run.text.length);
  }
  let best = 0;
  let most = -1;
  for (const [size, count] of chars) if (count > most) [best, most] = [size, count];
  return best;
}
