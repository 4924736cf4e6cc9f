// Plain-text uploads. Paragraphs are separated by blank lines. Text extracted from PDFs by other
// tools is often hard-wrapped instead: one visual line per line, paragraph starts indented, blank
// lines where a column or page ended (even inside a word), and the line-end hyphens of the
// original, which are undone here as for PDFs.
import type { LayoutParagraph, LayoutResult } from './paragraphs.js';
import { removeTextFurniture } from '../structure/text-furniture.js';
import { decodeText } from './decode-text.js';

/** Median line length up to which a file is taken for hard-wrapped lines, not a paragraph per line. */
const HARD_WRAP_MAX_MEDIAN = 130;
/** In hard-wrapped text a line this much shorter than usual may end its paragraph. */
const SHORT_LINE_SHARE = 0.7;
const SENTENCE_END = /[.!?:;…»"”)]$/;
const LIST_ITEM = /^([–—•·▪*-]|\d{1,2}[.)])\s/;
const INDENTED = /^[ \t\u00a0]/;

export function readTextFile(bytes: Uint8Array): LayoutResult {
  const { text, encoding, replaced } = decodeText(bytes);
  const warnings: string[] = [];
  if (encoding === 'windows-1252') {
    warnings.push('the text file is neither UTF-8 nor Russian Windows-1251; it was read as Windows-1252 (Western European)');
  }
  if (replaced > 0) {
    warnings.push(`the text file is UTF-8 with ${replaced} invalid byte sequence${replaced > 1 ? 's' : ''}, replaced by �`);
  }
  const { text: body, furniture } = removeTextFurniture(text);
  const markdown = looksLikeMarkdown(body);
  const paragraphs = markdown ? markdownParagraphs(body) : textParagraphs(body, null);
  return { mediaType: markdown ? 'text/markdown' : 'text/plain', pages: null, encoding, paragraphs, warnings, furniture, printedPages: [] };
}

/** ATX headings ("# Introduction") on lines of their own: Markdown, whatever the file is named. */
const MARKDOWN_HEADING = /^ {0,3}(#{1,6})[ \t]+(\S.*?)[ \t#]*$/;
/** Markdown's backslash escapes (\*, \_, \#) and image lines of converted PDFs. */
const MARKDOWN_ESCAPE = /\\([\\`*_{}[\]()#+\-.!|])/g;
const MARKDOWN_IMAGE = /^!\[[^\]]*\]\([^)]*\)\s*$/;

/** Two or more ATX headings make a text Markdown (PDF-to-Markdown conversions, notes, READMEs). */
export function looksLikeMarkdown(text: string): boolean {
  let headings = 0;
  for (const line of text.split('\n', 20_000)) if (MARKDOWN_HEADING.test(line) && ++headings >= 2) return true;
  return false;
}

/** Markdown: each heading its own paragraph, marked; the blocks between read as plain text. */
function markdownParagraphs(text: string): LayoutParagraph[] {
  const paragraphs: LayoutParagraph[] = [];
  let block: string[] = [];
  const flush = () => {
    if (block.length) paragraphs.push(...textParagraphs(block.join('\n'), null));
    block = [];
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = MARKDOWN_HEADING.exec(raw);
    if (heading) {
      flush();
      paragraphs.push({ lines: [heading[2]!.replace(MARKDOWN_ESCAPE, '$1')], page: null, relativeSize: null, footnote: false, heading: true });
    } else if (!MARKDOWN_IMAGE.test(raw)) {
      block.push(raw.replace(MARKDOWN_ESCAPE, '$1'));
    }
  }
  flush();
  return paragraphs;
}

/**
 * Plain text as paragraphs: blocks split at blank lines, and hard-wrapped lines (as in e-mailed
 * drafts, or as OCR reads a page) grouped into paragraphs. `page` is the page the text comes from.
 */
export function textParagraphs(text: string, page: number | null): LayoutParagraph[] {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\f\u00a0]*\n/)
    .map((block) => block.split('\n').filter((line) => line.trim()))
    .filter((lines) => lines.length > 0);
  const median = medianLineLength(blocks.flat());
  const groups = median > HARD_WRAP_MAX_MEDIAN ? blocks.flatMap((lines) => lines.map((l) => [l])) : hardWrapped(blocks, median);
  return groups.map((lines) => ({ lines, page, relativeSize: null, footnote: false }));
}

function hardWrapped(blocks: string[][], median: number): string[][] {
  // A paragraph never starts with a small letter: such a block continues the one before it.
  const merged: string[][] = [];
  for (const lines of blocks) {
    const previous = merged[merged.length - 1];
    if (previous && /^\p{Ll}/u.test(lines[0]!.trim())) previous.push(...lines);
    else merged.push([...lines]);
  }
  return merged.flatMap((lines) => splitBlock(lines, median));
}

function splitBlock(lines: string[], median: number): string[][] {
  // Indented lines start paragraphs only when most lines are not indented.
  const indented = lines.filter((l) => INDENTED.test(l)).length;
  const indentMarksParagraphs = indented > 0 && indented < lines.length / 2;
  const groups: string[][] = [];
  let current: string[] = [];
  lines.forEach((line, i) => {
    if (i > 0 && current.length && startsParagraph(lines[i - 1]!.trim(), line, median, indentMarksParagraphs)) {
      groups.push(current);
      current = [];
    }
    current.push(line);
  });
  if (current.length) groups.push(current);
  return groups;
}

function startsParagraph(previous: string, line: string, median: number, indentMarksParagraphs: boolean): boolean {
  const text = line.trim();
  if (/^\p{Ll}/u.test(text)) return false;
  if (indentMarksParagraphs && INDENTED.test(line)) return true;
  if (LIST_ITEM.test(text) && SENTENCE_END.test(previous)) return true;
  // A short capitalised line without final punctuation after a finished sentence is a heading
  // («Список источников», "References"): its own paragraph, not the end of the one before.
  if (SENTENCE_END.test(previous) && text.length < median * SHORT_LINE_SHARE && /^\p{Lu}/u.test(text) && !/[.,;:!?…)\]]$/.test(text)) return true;
  if (previous.length >= median * SHORT_LINE_SHARE || /[-‐]$/.test(previous)) return false;
  // A short line ends its paragraph when it ends a sentence, or when it is a heading (no final
  // punctuation, and the next line starts a new sentence).
  return SENTENCE_END.test(previous) || (!/[,;]$/.test(previous) && /^[\p{Lu}\p{N}«"]/u.test(text));
}

function medianLineLength(lines: string[]): number {
  const lengths = lines.map((l) => l.trim().length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)] ?? 0;
}
