// From ordered lines to paragraphs: a paragraph ends where the text moves to another column, where
// the vertical gap grows, the print size changes, the next line is indented, or a line ends a
// sentence well short of the column edge. Small print under the body text, at the foot of the page
// or of a column, is a footnote; the body reads on past it. A paragraph that a page end cuts off
// mid-sentence goes on with the next page's first paragraph.
import type { LayoutParagraph } from '../paragraphs.js';
import type { Line } from './reading-order.js';

export interface PageLines {
  page: number;
  lines: Line[];
}

/** A size differing by more than this share from the previous line's starts a new paragraph. */
const SIZE_CHANGE = 0.05;
/** A baseline step this many times the usual leading is a paragraph gap. */
const PARAGRAPH_GAP = 1.4;
/** Usual leading when a page gives nothing to measure, in font sizes. */
const DEFAULT_LEADING = 1.2;
/** First-line indent, in font sizes. */
const INDENT = 0.6;
/** A section's number before a heading's words: "4.", "4.2.", "4.2 ". */
const SECTION_NUMBER = /^\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu}/u;
/** A line ending within this many font sizes of its column's edge fills the column. */
const FULL_LINE = 1;
/** A column of running text is at least this many font sizes wide (a table's cells are narrower). */
const TEXT_COLUMN = 20;
/** A line ending this share of the column width before its edge is short. */
const SHORT_LINE = 0.25;
/** A line without final punctuation filling less than this share of the column may be a heading. */
const HEADING_LINE = 0.6;
/** Footnotes are printed smaller than the body. */
const FOOTNOTE_SIZE = 0.9;
/** Baseline step, in font sizes, by which footnotes are set off from the text above them. */
const FOOTNOTE_GAP = 1.8;
const SENTENCE_END = /[.!?:;…»"”)]$/;
/** A note's mark at the end of a line, after the word or sentence it annotates ("… restrictions. 3"). */
const NOTE_REFERENCE = /(?<=[.!?:;)"”»])\s+\d{1,3}$|\s*[¹²³⁴⁵⁶⁷⁸⁹⁰*∗†‡]+$/u;
/** Numbered or bulleted entries (lists, bibliographies) start paragraphs of their own. */
const LIST_ITEM = /^(\d{1,3}[.)]|[–—•·▪])\s+\S/;
/**
 * A footnote's marker: a superscript, a number right before its text ("6Литвинова", "7 Ibid."),
 * the note signs (asterisks, daggers, section and pilcrow signs, stars of a funding note).
 */
const FOOTNOTE_START = /^([¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,3}(?!\d)[).]?(?=\s|\p{L})|[*∗†‡§¶☆★]+)\s*\S/u;

export function layoutParagraphs(pages: PageLines[]): LayoutParagraph[] {
  const bodySize = dominantSize(pages.flatMap((p) => p.lines));
  return joinAcrossPages(pages.flatMap((p) => pageParagraphs(p, bodySize)));
}

function pageParagraphs(page: PageLines, bodySize: number): LayoutParagraph[] {
  const notes = footnoteLines(page.lines, bodySize);
  const leading = typicalLeading(page.lines);
  // The body reads on past the notes at a column's foot: a sentence cut there goes on in the next column.
  const body = page.lines.filter((_, i) => !notes.has(i));
  const footnotes = page.lines.filter((_, i) => notes.has(i));
  return [...flowParagraphs(body, page.page, bodySize, leading, false), ...flowParagraphs(footnotes, page.page, bodySize, leading, true)];
}

/** Lines in reading order grouped into paragraphs. */
function flowParagraphs(lines: Line[], page: number, bodySize: number, leading: Map<number, number>, footnote: boolean): LayoutParagraph[] {
  const result: LayoutParagraph[] = [];
  let current: Line[] = [];
  const flush = () => {
    if (!current.length) return;
    const sizes = current.map((l) => l.size).sort((a, b) => a - b);
    const size = sizes[Math.floor(sizes.length / 2)]!;
    result.push({ lines: current.map((l) => l.text), page, relativeSize: size / bodySize, footnote });
    current = [];
  };
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (previous) {
      const newFlow = line.y < previous.y - 1 || line.columnLeft !== previous.columnLeft || line.columnRight !== previous.columnRight;
      const step = line.y - previous.y;
      // A line starting with a small letter goes on with the paragraph, also at the top of the next
      // column (the line before may end in an abbreviation: «в 2022 г.» / «внешняя…»).
      const lowerStart = /^\p{Ll}/u.test(line.text);
      const continues = newFlow && line.size === previous.size && (lowerStart || (line.size >= FOOTNOTE_SIZE * bodySize && cutAtColumnFoot(previous, line)));
      const breaks =
        (newFlow && !continues) ||
        Math.abs(line.size - previous.size) > SIZE_CHANGE * previous.size ||
        (!newFlow && step > PARAGRAPH_GAP * (leading.get(sizeKey(line.size)) ?? DEFAULT_LEADING * line.size)) ||
        (!newFlow && !lowerStart && line.x0 > line.columnLeft + INDENT * line.size && line.x0 > previous.x0 + INDENT * line.size) ||
        (!lowerStart && endsBlock(previous)) ||
        (footnote && FOOTNOTE_START.test(line.text)) ||
        (LIST_ITEM.test(line.text) && SENTENCE_END.test(previous.text));
      if (breaks) flush();
    }
    current.push(line);
  });
  flush();
  return result;
}

/**
 * A sentence of the body text cut at a column's foot goes on at the next column's top also when
 * that line starts with a capital (a name, "R&D"): the last line fills its column, as wide as a
 * column of text (a table's cells fill narrow ones), to the edge without a sentence's end, and
 * the next one is no heading. The caller checks that both are in the body's size.
 */
function cutAtColumnFoot(last: Line, next: Line): boolean {
  const wide = (line: Line) => line.columnRight - line.columnLeft >= TEXT_COLUMN * line.size;
  return wide(last) && wide(next) && last.x1 >= last.columnRight - FULL_LINE * last.size && !SENTENCE_END.test(last.text.replace(NOTE_REFERENCE, '')) && !/[:;]$/.test(last.text) && !isHeadingLine(next);
}

/**
 * A short line followed by a capital (checked by the caller) ends its block: the end of a
 * paragraph when it ends a sentence, or a heading set in the body size when it is shorter still
 * and has no final punctuation (ragged-right lines end early before long words, not by half).
 */
function endsBlock(line: Line): boolean {
  const width = line.columnRight - line.columnLeft;
  if (line.x1 >= line.columnRight - SHORT_LINE * width) return false;
  if (SENTENCE_END.test(line.text)) return true;
  return line.x1 < line.columnLeft + HEADING_LINE * width && !/[,\-‐–—]$/.test(line.text);
}

/**
 * The page's footnote lines: small print at the foot of the page, under the body text. Notes stand
 * under the whole page's text, or in two-column journals at the foot of each column, under that
 * column's text while the other column's text may go on lower down. So the rule is read on the
 * page's lines and on each column's own; a column's notes must be the lowest text across their
 * width (nothing of the page is printed under them), as notes at a page's foot are.
 */
function footnoteLines(lines: Line[], bodySize: number): Set<number> {
  const page = lines.map((_, i) => i);
  const columns = new Map<string, number[]>();
  for (const i of page) {
    const key = `${lines[i]!.columnLeft}:${lines[i]!.columnRight}`;
    const column = columns.get(key);
    if (column) column.push(i);
    else columns.set(key, [i]);
  }
  const notes = new Set<number>();
  for (const flow of [page, ...columns.values()]) {
    const block = flow.slice(footnoteStart(flow.map((i) => lines[i]!), bodySize));
    if (block.length === 0 || (flow !== page && !lowestAcrossWidth(block, lines))) continue;
    for (const i of block) notes.add(i);
  }
  return notes;
}

/** Index of the first footnote line: the trailing run of small print below all body-size lines. */
function footnoteStart(lines: Line[], bodySize: number): number {
  let lowestBody = -Infinity;
  for (const line of lines) if (line.size >= FOOTNOTE_SIZE * bodySize) lowestBody = Math.max(lowestBody, line.y);
  if (lowestBody === -Infinity) return lines.length; // all in small print: no body for notes to stand under
  let start = lines.length;
  while (start > 0) {
    const line = lines[start - 1]!;
    if (line.size >= FOOTNOTE_SIZE * bodySize || line.y <= lowestBody) break;
    start--;
  }
  // Footnotes are set off from the text above by a gap; small print that just goes on at its own
  // leading is more of the same text, and small print under a heading is that heading's section (a
  // bibliography set small under "References"), not footnotes. Small print of the text itself (a
  // formula's indices) may stand between the body and that gap: the notes then start after the
  // gap, with a note's mark or a small letter (a note going on from the column before).
  for (let k = start; k < lines.length; k++) {
    const line = lines[k]!;
    const previous = lines[k - 1];
    if (k === start && (!previous || previous.y >= line.y)) return k;
    const setOff = previous !== undefined && previous.y < line.y && line.y - previous.y >= FOOTNOTE_GAP * line.size && !isHeadingLine(previous);
    if (setOff && (k === start || FOOTNOTE_START.test(line.text) || /^\p{Ll}/u.test(line.text))) return k;
  }
  return lines.length;
}

/**
 * A heading set in a line of its own: it starts with a capital or a number, stops well short of
 * the column's edge (or opens with a section's number, "4.2."), and has no final punctuation (a
 * note's mark after a sentence's end is one).
 */
function isHeadingLine(line: Line): boolean {
  const text = line.text.replace(NOTE_REFERENCE, '');
  const short = line.x1 < line.columnLeft + HEADING_LINE * (line.columnRight - line.columnLeft);
  return /^[\p{Lu}\p{N}]/u.test(text) && (short || SECTION_NUMBER.test(text)) && !SENTENCE_END.test(text) && !/[,\-‐–—]$/.test(text);
}

/** No line of the page outside the block stands lower than its top within its column's width. */
function lowestAcrossWidth(block: number[], lines: Line[]): boolean {
  const inBlock = new Set(block);
  const first = lines[block[0]!]!;
  return lines.every((line, i) => inBlock.has(i) || line.y <= first.y || line.x1 <= first.columnLeft || line.x0 >= first.columnRight);
}

/** The size most characters are printed in. */
function dominantSize(lines: Line[]): number {
  const chars = new Map<number, number>();
  for (const line of lines) chars.set(sizeKey(line.size), (chars.get(sizeKey(line.size)) ?? 0) + line.text.length);
  let best = 10;
  let most = -1;
  for (const [size, count] of chars) if (count > most) [best, most] = [size, count];
  return best;
}

/** Median baseline step between consecutive lines of the same size in the same flow, per size. */
function typicalLeading(lines: Line[]): Map<number, number> {
  const steps = new Map<number, number[]>();
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    const step = b.y - a.y;
    if (step <= 0 || sizeKey(a.size) !== sizeKey(b.size) || b.x0 >= a.x1 || b.x1 <= a.x0) continue;
    const key = sizeKey(b.size);
    const list = steps.get(key);
    if (list) list.push(step);
    else steps.set(key, [step]);
  }
  const result = new Map<number, number>();
  for (const [key, values] of steps) {
    values.sort((x, y) => x - y);
    result.set(key, values[Math.floor(values.length / 3)]!); // lower third: paragraph gaps are rarer
  }
  return result;
}

function sizeKey(size: number): number {
  return Math.round(size * 2) / 2;
}

/**
 * A paragraph that breaks off at the end of a page without ending its sentence goes on at the top
 * of the next page: a word hyphenated there, or a line starting with a small letter. The
 * continuation joins the paragraph where it starts (footnotes printed between them stay apart),
 * so that no sentence is cut in two by a page end; the paragraph keeps the page it starts on.
 */
function joinAcrossPages(paragraphs: LayoutParagraph[]): LayoutParagraph[] {
  const result: LayoutParagraph[] = [];
  let open: LayoutParagraph | null = null;
  for (const paragraph of paragraphs) {
    if (paragraph.footnote) {
      result.push(paragraph);
      continue;
    }
    if (open && continuesOnNextPage(open, paragraph)) {
      open.nextPageLine ??= open.lines.length;
      open.lines.push(...paragraph.lines);
      continue;
    }
    result.push(paragraph);
    open = paragraph;
  }
  return result;
}

function continuesOnNextPage(before: LayoutParagraph, after: LayoutParagraph): boolean {
  if (before.nextPageLine !== undefined || after.page !== (before.page ?? 0) + 1) return false;
  if (Math.abs((after.relativeSize ?? 1) - (before.relativeSize ?? 1)) > SIZE_CHANGE * (before.relativeSize ?? 1)) return false;
  const last = before.lines[before.lines.length - 1]!;
  const first = after.lines[0]!;
  if (SENTENCE_END.test(last)) return false;
  return /\p{L}[-‐]$/u.test(last) || /^\p{Ll}/u.test(first);
}
