// Typesets a corpus paper into a journal-like PDF with pdfkit, line by line, so that the ground
// truth is known exactly: which words are on which page, where a word was hyphenated at a line
// end and whether that hyphen belongs to a compound. One or two columns (front matter full width
// above them), drawn column by column or row by row, running headers and page numbers.
import PDFDocument from 'pdfkit';
import type { BlockKind } from '../../src/analysis/types.js';
import { hyphenationPoints } from './hyphenate.js';

const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const FONTS = {
  serif: `${FONT_DIR}/DejaVuSerif.ttf`,
  italic: `${FONT_DIR}/DejaVuSerif-Italic.ttf`,
  bold: `${FONT_DIR}/DejaVuSans-Bold.ttf`,
  sans: `${FONT_DIR}/DejaVuSans.ttf`,
};

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 64, bottom: 64, side: 56 };
const GUTTER = 18;
const MIN_HYPHENATED_WORD = 5;

export interface PaperParagraph {
  text: string;
  kind: BlockKind;
}

export interface Paper {
  name: string;
  title: string;
  authors: string;
  paragraphs: PaperParagraph[];
}

export interface LayoutOptions {
  columns: 1 | 2;
  /** 'columns': each column drawn top to bottom in turn; 'rows': lines drawn in order of height across columns. */
  order: 'columns' | 'rows';
  justify: boolean;
  /** Body text size in points; other sizes follow the layout. */
  bodySize: number;
}

export interface HyphenBreak {
  page: number;
  /** The word as written in the source (without surrounding punctuation). */
  word: string;
  /** The line ended at the word's own hyphen («научно-» + «технического»). */
  compound: boolean;
}

export interface GroundTruth {
  source: string;
  options: LayoutOptions;
  pages: { page: number; paragraphs: PaperParagraph[] }[];
  breaks: HyphenBreak[];
}

interface Style {
  font: keyof typeof FONTS;
  size: number;
  leading: number;
  before: number;
  indent: number;
  align: 'left' | 'center' | 'justify';
}

interface DrawOp {
  text: string;
  x: number;
  y: number;
  font: keyof typeof FONTS;
  size: number;
}

interface SetLine {
  draw: string[];
  /** Source words that start on this line (a hyphenated word belongs to the line where it starts). */
  words: string[];
  hyphen: { word: string; compound: boolean } | null;
  last: boolean;
}

const TOKEN = /^([«"(\[]*)(\p{L}+(?:-\p{L}+)*)([.,;:!?»")\]]*)$/u;

/** A paper in the corpus format: title line, author line, then one paragraph per line, blank lines between. */
export function parsePaper(name: string, text: string): Paper {
  const lines = text.split(/\n\s*\n/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const [title = name, authors = '', ...rest] = lines;
  let inReferences = false;
  const paragraphs = rest.map((p): PaperParagraph => {
    if (/^(список литературы|литература|references|bibliography)$/i.test(p)) {
      inReferences = true;
      return { text: p, kind: 'heading' };
    }
    if (inReferences) return { text: p, kind: 'references' };
    if (/^(abstract|аннотация)(?=[\s.:]|$)/i.test(p)) return { text: p, kind: 'abstract' };
    if (/^(keywords|key words|ключевые слова)(?=[\s.:]|$)/i.test(p)) return { text: p, kind: 'keywords' };
    if (p.length < 100 && !/[.!?:;,]$/.test(p)) return { text: p, kind: 'heading' };
    return { text: p, kind: 'body' };
  });
  return { name, title, authors, paragraphs };
}

export async function typeset(paper: Paper, options: LayoutOptions): Promise<{ pdf: Buffer; truth: GroundTruth }> {
  const doc = new PDFDocument({ size: [PAGE.width, PAGE.height], margin: 0, autoFirstPage: false, info: { Title: paper.title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const styles = makeStyles(options);
  const fullWidth = PAGE.width - 2 * MARGIN.side;
  const columnWidth = options.columns === 1 ? fullWidth : (fullWidth - GUTTER) / 2;
  const pages: DrawOp[][] = [[]];
  const truthPages = new Map<number, PaperParagraph[]>();
  const breaks: HyphenBreak[] = [];
  let page = 1;
  let column = 0;
  let y = MARGIN.top;
  let columnTop = MARGIN.top;
  const bottom = PAGE.height - MARGIN.bottom;

  const measure = (style: Style, text: string) => doc.font(FONTS[style.font]).fontSize(style.size).widthOfString(text);
  const nextColumn = () => {
    column++;
    if (column >= options.columns) {
      column = 0;
      page++;
      pages.push([]);
      columnTop = MARGIN.top;
    }
    y = columnTop;
  };
  /** The ground-truth piece of the paragraph being set on the current page. */
  const addTruth = (piece: { current: PaperParagraph | null; page: number }, kind: BlockKind, words: string[]) => {
    if (!words.length) return;
    if (!piece.current || piece.page !== page) {
      piece.current = { text: words.join(' '), kind };
      piece.page = page;
      const list = truthPages.get(page) ?? [];
      list.push(piece.current);
      truthPages.set(page, list);
    } else piece.current.text += ` ${words.join(' ')}`;
  };

  const place = (paragraph: PaperParagraph, style: Style, full: boolean) => {
    const width = full ? fullWidth : columnWidth;
    const lines = breakLines(paragraph.text, width, style, measure);
    y += style.before;
    const piece = { current: null as PaperParagraph | null, page };
    lines.forEach((line, i) => {
      if (!full && y + style.leading > bottom) nextColumn();
      const left = full ? MARGIN.side : MARGIN.side + column * (columnWidth + GUTTER);
      drawLine(pages[page - 1]!, line, left + (i === 0 ? style.indent : 0), y, width - (i === 0 ? style.indent : 0), style, measure);
      addTruth(piece, paragraph.kind, line.words);
      if (line.hyphen) breaks.push({ page, ...line.hyphen });
      y += style.leading;
    });
  };

  // Front matter across the full width, then the body in columns.
  const front = paper.paragraphs.findIndex((p) => p.kind !== 'abstract' && p.kind !== 'keywords');
  place({ text: paper.title, kind: 'title' }, styles.title, true);
  place({ text: paper.authors, kind: 'body' }, styles.authors, true);
  for (const p of paper.paragraphs.slice(0, front)) place(p, styles[p.kind === 'keywords' ? 'keywords' : 'abstract'], true);
  y += 10;
  columnTop = y;
  for (const p of paper.paragraphs.slice(front)) {
    const style = p.kind === 'heading' ? styles.heading : p.kind === 'references' ? styles.references : styles.body;
    // A heading is kept with the first lines of its section.
    if (p.kind === 'heading' && y + style.before + style.leading + 2 * styles.body.leading > bottom) nextColumn();
    place(p, style, false);
  }

  for (let i = 0; i < pages.length; i++) {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    const furniture = pageFurniture(paper, i + 1, measure);
    const ops = options.order === 'rows' ? [...pages[i]!].sort((a, b) => a.y - b.y || a.x - b.x) : pages[i]!;
    // Real PDFs draw headers before or after the text; both orders occur.
    for (const op of options.order === 'rows' ? [...ops, ...furniture] : [...furniture, ...ops]) {
      doc.font(FONTS[op.font]).fontSize(op.size).text(op.text, op.x, op.y, { lineBreak: false });
    }
  }
  doc.end();
  const truth: GroundTruth = {
    source: paper.name,
    options,
    pages: [...truthPages.entries()].sort((a, b) => a[0] - b[0]).map(([n, paragraphs]) => ({ page: n, paragraphs })),
    breaks,
  };
  return { pdf: await done, truth };
}

function makeStyles(options: LayoutOptions): Record<'title' | 'authors' | 'abstract' | 'keywords' | 'heading' | 'body' | 'references', Style> {
  const two = options.columns === 2;
  const bodyAlign = options.justify ? 'justify' : 'left';
  const bodySize = options.bodySize;
  return {
    title: { font: 'bold', size: 15, leading: 19, before: 0, indent: 0, align: 'center' },
    authors: { font: 'italic', size: 10, leading: 13, before: 6, indent: 0, align: 'center' },
    abstract: { font: 'serif', size: 9, leading: 11.5, before: 6, indent: 0, align: bodyAlign },
    keywords: { font: 'serif', size: 9, leading: 11.5, before: 4, indent: 0, align: 'left' },
    heading: { font: 'bold', size: 10.5, leading: 14, before: 8, indent: 0, align: 'left' },
    body: { font: 'serif', size: bodySize, leading: bodySize * 1.25, before: two ? 0 : 4, indent: two ? 12 : 0, align: bodyAlign },
    references: { font: 'serif', size: 8.5, leading: 10.5, before: 2, indent: 0, align: 'left' },
  };
}

/** Greedy line breaking with hyphenation: at a compound's own hyphen, or between syllables. */
function breakLines(text: string, width: number, style: Style, measure: (s: Style, t: string) => number): SetLine[] {
  const tokens = text.split(' ');
  const lines: SetLine[] = [];
  let draw: string[] = [];
  let words: string[] = [];
  const space = measure(style, ' ');
  const available = () => (lines.length === 0 ? width - style.indent : width);
  const used = () => (draw.length ? measure(style, draw.join(' ')) + space : 0);
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (used() + measure(style, token) <= available()) {
      draw.push(token);
      words.push(token);
      continue;
    }
    const split = hyphenate(token, available() - used(), style, measure);
    if (split) {
      lines.push({ draw: [...draw, split.head], words: [...words, token], hyphen: split.hyphen, last: false });
      draw = [split.tail];
      words = [];
      continue;
    }
    if (draw.length) lines.push({ draw, words, hyphen: null, last: false });
    draw = [token];
    words = [token];
  }
  if (draw.length) lines.push({ draw, words, hyphen: null, last: true });
  return lines;
}

function hyphenate(
  token: string,
  room: number,
  style: Style,
  measure: (s: Style, t: string) => number,
): { head: string; tail: string; hyphen: { word: string; compound: boolean } } | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, lead = '', word = '', trail = ''] = match;
  if (word.length < MIN_HYPHENATED_WORD || word === word.toUpperCase()) return null;
  // Break points: a compound only after its own hyphens (as TeX does), other words between syllables.
  const points: { at: number; compound: boolean }[] = [];
  if (word.includes('-')) {
    for (let at = word.indexOf('-') + 1; at > 0; at = word.indexOf('-', at) + 1) points.push({ at, compound: true });
  } else {
    for (const at of hyphenationPoints(word)) points.push({ at, compound: false });
  }
  points.sort((a, b) => b.at - a.at);
  for (const point of points) {
    const head = point.compound ? lead + word.slice(0, point.at) : `${lead}${word.slice(0, point.at)}-`;
    if (measure(style, head) <= room) {
      return { head, tail: word.slice(point.at) + trail, hyphen: { word, compound: point.compound } };
    }
  }
  return null;
}

function drawLine(
  ops: DrawOp[],
  line: SetLine,
  x: number,
  y: number,
  width: number,
  style: Style,
  measure: (s: Style, t: string) => number,
): void {
  const text = line.draw.join(' ');
  if (style.align === 'center') {
    ops.push({ text, x: x + (width - measure(style, text)) / 2, y, font: style.font, size: style.size });
    return;
  }
  if (style.align === 'left' || line.last || line.draw.length < 2) {
    ops.push({ text, x, y, font: style.font, size: style.size });
    return;
  }
  // Justified: each word drawn at its own place, as typesetters' PDFs do.
  const natural = line.draw.reduce((sum, w) => sum + measure(style, w), 0);
  const gap = (width - natural) / (line.draw.length - 1);
  let at = x;
  for (const word of line.draw) {
    ops.push({ text: word, x: at, y, font: style.font, size: style.size });
    at += measure(style, word) + gap;
  }
}

/** Running header (short title on even pages, authors on odd ones) and a centred page number. */
function pageFurniture(paper: Paper, page: number, measure: (s: Style, t: string) => number): DrawOp[] {
  const small: Style = { font: 'sans', size: 7.5, leading: 9, before: 0, indent: 0, align: 'left' };
  const number = String(page);
  const ops: DrawOp[] = [
    { text: number, x: (PAGE.width - measure(small, number)) / 2, y: PAGE.height - 36, font: 'sans', size: 7.5 },
  ];
  if (page > 1) {
    const header = page % 2 === 0 ? shorten(paper.title, 80) : `${paper.authors} · PolicyLens Sample Papers, 2025`;
    ops.push({ text: header, x: MARGIN.side, y: 30, font: 'sans', size: 7.5 });
  }
  return ops;
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, text.lastIndexOf(' ', max))}…`;
}
