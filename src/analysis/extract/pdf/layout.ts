// From ordered lines to paragraphs: a paragraph ends where the text moves to another column, where
// the vertical gap grows, the print size changes, the next line is indented, or a line ends a
// sentence well short of the column edge. Small print under the body text is a footnote. A
// paragraph that a page end cuts off mid-sentence goes on with the next page's first paragraph.
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
/** A line ending this share of the column width before its edge is short. */
const SHORT_LINE = 0.25;
/** A line without final punctuation filling less than this share of the column may be a heading. */
const HEADING_LINE = 0.6;
/** Footnotes are printed smaller than the body. */
const FOOTNOTE_SIZE = 0.9;
/** Baseline step, in font sizes, by which footnotes are set off from the text above them. */
const FOOTNOTE_GAP = 1.8;
const SENTENCE_END = /[.!?:;…»"”)]$/;
/** Numbered or bulleted entries (lists, bibliographies) start paragraphs of their own. */
const LIST_ITEM = /^(\d{1,3}[.)]|[–—•·▪])\s+\S/;
/** A footnote's marker: a superscript, a number right before its text ("6Литвинова", "7 Ibid."), asterisks. */
const FOOTNOTE_START = /^([¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,3}(?!\d)[).]?(?=\s|\p{L})|\*+)\s*\S/u;

export function layoutParagraphs(pages: PageLines[]): LayoutParagraph[] {
  const bodySize = dominantSize(pages.flatMap((p) => p.lines));
  return joinAcrossPages(pages.flatMap((p) => pageParagraphs(p, bodySize)));
}

function pageParagraphs(page: PageLines, bodySize: number): LayoutParagraph[] {
  const footnoteFrom = footnoteStart(page.lines, bodySize);
  const leading = typicalLeading(page.lines);
  const result: LayoutParagraph[] = [];
  let current: Line[] = [];
  const flush = (footnote: boolean) => {
    if (!current.length) return;
    const sizes = current.map((l) => l.size).sort((a, b) => a - b);
    const size = sizes[Math.floor(sizes.length / 2)]!;
    result.push({ lines: current.map((l) => l.text), page: page.page, relativeSize: size / bodySize, footnote });
    current = [];
  };
  page.lines.forEach((line, i) => {
    const previous = page.lines[i - 1];
    const inFootnotes = i >= footnoteFrom;
    if (!previous || i === footnoteFrom) {
      if (i === footnoteFrom) flush(false);
      current.push(line);
      return;
    }
    const newFlow = line.y < previous.y - 1 || line.columnLeft !== previous.columnLeft || line.columnRight !== previous.columnRight;
    const step = line.y - previous.y;
    // A line starting with a small letter goes on with the paragraph, also at the top of the next
    // column (the line before may end in an abbreviation: «в 2022 г.» / «внешняя…»).
    const lowerStart = /^\p{Ll}/u.test(line.text);
    const continues = newFlow && line.size === previous.size && lowerStart;
    const breaks =
      (newFlow && !continues) ||
      Math.abs(line.size - previous.size) > SIZE_CHANGE * previous.size ||
      (!newFlow && step > PARAGRAPH_GAP * (leading.get(sizeKey(line.size)) ?? DEFAULT_LEADING * line.size)) ||
      (!newFlow && !lowerStart && line.x0 > line.columnLeft + INDENT * line.size && line.x0 > previous.x0 + INDENT * line.size) ||
      (!lowerStart && endsBlock(previous)) ||
      (inFootnotes && FOOTNOTE_START.test(line.text)) ||
      (LIST_ITEM.test(line.text) && SENTENCE_END.test(previous.text));
    if (breaks) flush(inFootnotes);
    current.push(line);
  });
  flush(footnoteFrom < page.lines.length);
  return result;
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

/** Index of the first footnote line: the trailing run of small print below all body-size lines. */
function footnoteStart(lines: Line[], bodySize: number): number {
  let lowestBody = -Infinity;
  for (const line of lines) if (line.size >= FOOTNOTE_SIZE * bodySize) lowestBody = Math.max(lowestBody, line.y);
  if (lowestBody === -Infinity) return lines.length; // a page all in small print has no footnotes
  let start = lines.length;
  while (start > 0) {
    const line = lines[start - 1]!;
    if (line.size >= FOOTNOTE_SIZE * bodySize || line.y <= lowestBody) break;
    start--;
  }
  // Footnotes are set off from the text above by a gap; small print that just goes on at its own
  // leading is more of the same text (a bibliography set small under its heading), not footnotes.
  const first = lines[start];
  const previous = lines[start - 1];
  if (first && previous && previous.y < first.y && first.y - previous.y < FOOTNOTE_GAP * first.size) return lines.length;
  return start;
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
