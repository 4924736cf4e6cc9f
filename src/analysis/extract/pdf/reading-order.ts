// Reading order from positions, not from the order the PDF happens to draw in: a recursive XY-cut.
// A region is split at a column gutter (a vertical strip free of text with a column of aligned
// lines on both sides) before it is split at its widest horizontal gap, so full-width titles and
// abstracts stay above the columns, each column is read top to bottom, then the next one.
import type { TextRun } from './runs.js';

export interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** Edges of the column the line was read in (the page's text width when it has no columns). */
  columnLeft: number;
  columnRight: number;
}

interface Column {
  left: number;
  right: number;
}

/** Runs whose baselines differ by less than this share of their size sit on one row. */
const SAME_ROW = 0.45;
/** A gap wider than this share of the font size separates words. */
const WORD_GAP = 0.15;
/** Narrowest gutter, in font sizes. */
const MIN_GUTTER = 1.0;
/** Runs on one baseline closer than this (font sizes) are one stretch of text; below MIN_GUTTER. */
const MERGE_GAP = 0.6;
/** Lines starting within this many font sizes of a column's left edge are aligned with it. */
const ALIGN_TOLERANCE = 1.0;
/** Share of a column's rows that must start at its left edge (the rest are indents). */
const MIN_ALIGNED_SHARE = 0.5;
/** Stretched word spaces of justified lines can line up over two rows, rarely over three. */
const MIN_ROWS_PER_COLUMN = 3;
/**
 * A region whose widest horizontal gap is at most this many times its median gap is a plain stack
 * of lines (one column, one paragraph or a run of them): cutting it further could only find false
 * gutters between justified words.
 */
const STRUCTURAL_GAP = 1.5;
/** Full-width rows (title lines, a footnote) set apart from columns beneath or above them. */
const MAX_PEELED_ROWS = 3;
/** A superscript is printed smaller than its line's text, its baseline raised by part of a size. */
const SUPERSCRIPT_SIZE = 0.8;
const SUPERSCRIPT_RISE = 0.15;
/** Print smaller than a row's text by this share of its size is another element's (larger print
 * beside a row is a heading of the next column, which the XY-cut may not have split off yet). */
const OTHER_SIZE = 0.2;
/** Glyph box above and below the baseline, in font sizes. */
const ASCENT = 0.75;
const DESCENT = 0.2;

export function orderLines(runs: TextRun[]): Line[] {
  const lines: Line[] = [];
  cut(mergeWords(runs), lines, bounds(runs));
  return lines;
}

/**
 * Words drawn one by one (typesetters, justified text) become one run per stretch of a line: gaps
 * narrower than any gutter cannot separate columns, and the cuts below then sort far fewer runs.
 */
function mergeWords(runs: TextRun[]): TextRun[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const merged: TextRun[] = [];
  let last: TextRun | undefined;
  for (const run of sorted) {
    const gap = last ? run.x0 - last.x1 : Infinity;
    if (last && run.y === last.y && run.size === last.size && gap >= -0.5 * run.size && gap < MERGE_GAP * run.size) {
      const space = gap > WORD_GAP * run.size && !endsWithSpace(last.text) && !/^\s/.test(run.text);
      last.text += (space ? ' ' : '') + run.text;
      last.x1 = Math.max(last.x1, run.x1);
      continue;
    }
    last = { ...run };
    merged.push(last);
  }
  return merged;
}

function cut(runs: TextRun[], out: Line[], column: Column): void {
  if (runs.length === 0) return;
  const rows = groupRows(runs);
  if (rows.length > 1) {
    const columns = splitAtGutter(runs);
    if (columns) {
      cut(columns[0], out, bounds(columns[0]));
      cut(columns[1], out, bounds(columns[1]));
      return;
    }
    const bands = splitAtWidestGap(runs) ?? peelFullWidthRows(rows);
    if (bands) {
      cut(bands[0], out, column);
      cut(bands[1], out, column);
      return;
    }
  }
  // Elements set apart from their rows follow the region's lines, not split a title or paragraph.
  const apart: TextRun[][] = [];
  for (const row of rows) {
    const [main, ...others] = setApart(row);
    out.push(toLine(main!, column));
    apart.push(...others);
  }
  for (const run of apart) out.push(toLine(run, column));
}

/**
 * A word on a row's baseline but far from its text, in smaller print and not raised as a
 * superscript (a logo's lettering beside a title, a margin label) is an element of its own, not
 * part of the line: it becomes its own line, so that a CrossMark "MARK" does not land inside the
 * title. Marks and single letters (affiliations, footnote signs) stay with their line.
 */
function setApart(row: TextRun[]): TextRun[][] {
  if (row.length < 2) return [row];
  const runs = [...row].sort((a, b) => a.x0 - b.x0);
  const body = runs.reduce((best, r) => (r.text.length > best.text.length ? r : best), runs[0]!);
  const apart = (run: TextRun, i: number): boolean => {
    if (run === body || run.size > (1 - OTHER_SIZE) * body.size || !/\p{L}{2}/u.test(run.text)) return false;
    // At the row's edge, where logos and margin labels stand; sub- and superscripts sit among words.
    if ((i > 0 && i < runs.length - 1) || run.y < body.y - SUPERSCRIPT_RISE * body.size) return false;
    const gapBefore = i > 0 ? run.x0 - runs[i - 1]!.x1 : Infinity;
    const gapAfter = i < runs.length - 1 ? runs[i + 1]!.x0 - run.x1 : Infinity;
    return Math.min(gapBefore, gapAfter) > MIN_GUTTER * body.size;
  };
  const flags = runs.map(apart);
  if (!flags.some(Boolean)) return [row];
  return [runs.filter((_, i) => !flags[i]), ...runs.filter((_, i) => flags[i]).map((run) => [run])];
}

function bounds(runs: TextRun[]): Column {
  let left = Infinity;
  let right = -Infinity;
  for (const run of runs) {
    left = Math.min(left, run.x0);
    right = Math.max(right, run.x1);
  }
  return { left, right };
}

/**
 * A title or a footnote line set as close to the columns as their own lines are leaves no wider
 * gap to cut at; the columns show once such full-width rows at the top or bottom are set apart.
 */
function peelFullWidthRows(rows: TextRun[][]): [TextRun[], TextRun[]] | null {
  // The rows that stay whatever is peeled must already leave a gap, or no peeling can find one.
  const core = rows.slice(MAX_PEELED_ROWS, -MAX_PEELED_ROWS).flat();
  if (core.length === 0 || widestXGap(core) < MIN_GUTTER * medianSize(core)) return null;
  for (let k = 1; k <= MAX_PEELED_ROWS && rows.length - k >= 2 * MIN_ROWS_PER_COLUMN; k++) {
    if (splitAtGutter(rows.slice(k).flat())) return [rows.slice(0, k).flat(), rows.slice(k).flat()];
    if (splitAtGutter(rows.slice(0, -k).flat())) return [rows.slice(0, -k).flat(), rows.slice(-k).flat()];
  }
  return null;
}

/** Runs clustered by baseline, top to bottom; superscripts join the row they sit on. */
export function groupRows(runs: TextRun[]): TextRun[][] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const rows: TextRun[][] = [];
  let row: TextRun[] = [];
  let rowY = 0;
  let rowSize = 0;
  for (const run of sorted) {
    if (row.length && Math.abs(run.y - rowY) <= SAME_ROW * Math.max(run.size, rowSize)) {
      row.push(run);
      if (run.size > rowSize) {
        rowSize = run.size;
        rowY = run.y;
      }
      continue;
    }
    if (row.length) rows.push(row);
    row = [run];
    rowY = run.y;
    rowSize = run.size;
  }
  if (row.length) rows.push(row);
  return rows;
}

function toLine(row: TextRun[], column: Column): Line {
  const runs = [...row].sort((a, b) => a.x0 - b.x0);
  const body = runs.reduce((best, r) => (r.text.length > best.text.length ? r : best), runs[0]!);
  let text = '';
  let x1 = -Infinity;
  let size = 0;
  let symbolSize = 0;
  for (const run of runs) {
    const gap = run.x0 - x1;
    // A superscript (affiliation letters, footnote numbers) set tight against its word stays apart
    // from it: "Tang" + "a" is Tang with affiliation a, not "Tanga".
    const superscript = run.size < SUPERSCRIPT_SIZE * body.size && run.y < body.y - SUPERSCRIPT_RISE * body.size;
    if (text && (gap > WORD_GAP * run.size || superscript) && !endsWithSpace(text) && !/^\s/.test(run.text)) text += ' ';
    text += run.text;
    x1 = Math.max(x1, run.x1);
    // A list's mark or a symbol may be set in a larger font than its line: the words set the size.
    if (/[\p{L}\p{N}]/u.test(run.text)) size = Math.max(size, run.size);
    else symbolSize = Math.max(symbolSize, run.size);
  }
  return { text: text.replace(/\s+/g, ' ').trim(), x0: runs[0]!.x0, x1, y: body.y, size: size || symbolSize, columnLeft: column.left, columnRight: column.right };
}

/**
 * Whether the text ends in white space: its last character, tested alone, since V8 runs a regular
 * expression anchored at the end (/\s$/) from every position of the string, and the text of a line
 * grows run by run. Every \s character is one UTF-16 unit.
 */
function endsWithSpace(text: string): boolean {
  return text.length > 0 && /\s/.test(text[text.length - 1]!);
}

function splitAtGutter(runs: TextRun[]): [TextRun[], TextRun[]] | null {
  if (spannedFromLeft(runs)) return null;
  const size = medianSize(runs);
  const sorted = [...runs].sort((a, b) => a.x0 - b.x0);
  let best: [TextRun[], TextRun[]] | null = null;
  let bestWidth = 0;
  let reach = sorted[0]!.x1;
  for (let i = 1; i < sorted.length; i++) {
    const run = sorted[i]!;
    const width = run.x0 - reach;
    if (width >= MIN_GUTTER * size && width > bestWidth) {
      const left = sorted.slice(0, i);
      const right = sorted.slice(i);
      if (isColumn(left, size) && isColumn(right, size)) {
        best = [left, right];
        bestWidth = width;
      }
    }
    reach = Math.max(reach, run.x1);
  }
  return best;
}

/**
 * Whether one run starts where the leftmost ones start and reaches past every run's start: then no
 * gap at all opens between the runs from left to right, let alone a gutter. Most regions the cut
 * meets are such (a column's or a paragraph's full lines), and this O(n) look spares them the sort
 * by x. Positions that are not finite numbers (a damaged file's) leave it to the sort.
 */
function spannedFromLeft(runs: TextRun[]): boolean {
  let left = Infinity;
  let lastStart = -Infinity;
  for (const run of runs) {
    if (!Number.isFinite(run.x0) || !Number.isFinite(run.x1)) return false;
    left = Math.min(left, run.x0);
    lastStart = Math.max(lastStart, run.x0);
  }
  return runs.some((run) => run.x0 === left && run.x1 >= lastStart);
}

function widestXGap(runs: TextRun[]): number {
  const sorted = [...runs].sort((a, b) => a.x0 - b.x0);
  let reach = sorted[0]!.x1;
  let widest = 0;
  for (const run of sorted) {
    widest = Math.max(widest, run.x0 - reach);
    reach = Math.max(reach, run.x1);
  }
  return widest;
}

/**
 * Several rows most of which start at one place: a column, not scattered words. The place is the
 * left edge, or the indent of a list's items when the column is mostly a list with hanging
 * indents (the marks stand at the edge, the items' lines start further in).
 */
function isColumn(runs: TextRun[], size: number): boolean {
  const rows = groupRows(runs);
  if (rows.length < MIN_ROWS_PER_COLUMN) return false;
  const starts = rows.map((row) => Math.min(...row.map((r) => r.x0)));
  const edge = Math.min(...starts);
  const alignedAt = (place: number) => starts.filter((x) => x >= place && x - place <= ALIGN_TOLERANCE * size).length;
  const aligned = Math.max(alignedAt(edge), ...starts.map(alignedAt));
  return aligned >= MIN_ALIGNED_SHARE * rows.length;
}

function splitAtWidestGap(runs: TextRun[]): [TextRun[], TextRun[]] | null {
  const sorted = [...runs].sort((a, b) => top(a) - top(b));
  let bottom = bottomOf(sorted[0]!);
  let bestAt = -1;
  let bestGap = 0;
  const gaps: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const gap = top(sorted[i]!) - bottom;
    if (gap > 0) gaps.push(gap);
    if (gap > bestGap) {
      bestGap = gap;
      bestAt = i;
    }
    bottom = Math.max(bottom, bottomOf(sorted[i]!));
  }
  if (bestAt < 0) return null;
  const median = middleValue(gaps);
  if (gaps.length > 1 && bestGap <= STRUCTURAL_GAP * median) return null;
  return [sorted.slice(0, bestAt), sorted.slice(bestAt)];
}

function top(run: TextRun): number {
  return run.y - ASCENT * run.size;
}

function bottomOf(run: TextRun): number {
  return run.y + DESCENT * run.size;
}

function medianSize(runs: TextRun[]): number {
  return middleValue(runs.map((r) => r.size));
}

/**
 * The value in the middle of `values` sorted ascending. A Float64Array sorts numbers natively, with
 * no call of a comparator per comparison, in the order sort((a, b) => a - b) gives them (signed
 * zeros aside, which the middle value cannot tell apart); NaN, which that comparator leaves wherever
 * the sort happens to put it, takes the comparator's way.
 */
function middleValue(values: number[]): number {
  if (values.some(Number.isNaN)) return values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return Float64Array.from(values).sort()[Math.floor(values.length / 2)]!;
}
