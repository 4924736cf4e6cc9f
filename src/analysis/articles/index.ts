// Where the articles of a journal issue printed as one PDF start and end. An article starts with
// its head — a classification line (UDC, JEL…) and/or a title printed larger than the body, then
// an author line — confirmed by what follows a head: an abstract or keywords, or by the
// classification line itself. It ends where the next one starts (less the issue's section rubric
// printed above that one), and the last one ends at the issue's back matter («Сведения об
// авторах», "About the authors") if a heading marks it. The contents page's printed page numbers
// confirm the starts. Pure: it reads the layout paragraphs of src/analysis/extract/pdf/.
import { DocumentVocabulary, joinLines } from '../extract/dehyphenate.js';
import { isMarkerHeading, startsWith } from '../structure/markers.js';
import { isProse, wordCount } from '../structure/paragraph.js';
import { readContents } from './contents.js';
import { lineOfNames } from './authors.js';
import { readHeader, type ArticleHeader } from './header.js';
import { positionsOf } from './positions.js';
import type { FoundArticle, IssueParagraph, IssueSplit } from './types.js';

export type { ArticleRange, FoundArticle, IssueParagraph, IssuePosition, IssueSplit } from './types.js';
export { cutRange, formatRange, parseRange, positionsOf } from './positions.js';

/** Printed this much larger than the body text is display type (titles, rubrics). */
const DISPLAY_SIZE = 1.08;
/** An abstract or keywords come within this many paragraphs after the author line. */
const ABSTRACT_WITHIN = 12;
/** A section rubric above an article's head is a short line in display type. */
const MAX_RUBRIC_WORDS = 6;

export function splitIssue(paragraphs: readonly IssueParagraph[], printedPages: readonly (string | null)[] = []): IssueSplit {
  const vocabulary = new DocumentVocabulary(paragraphs.map((p) => p.lines));
  const texts = paragraphs.map((p) => joinLines(p.lines, vocabulary));
  const display = (i: number) => (paragraphs[i]!.relativeSize ?? 0) >= DISPLAY_SIZE && !paragraphs[i]!.footnote;
  const positions = positionsOf(paragraphs);
  const contents = readContents(texts, positions.map((p) => p.page));
  const contentsEnd = contents ? texts.findLastIndex((_, i) => contents.pages.includes(positions[i]!.page)) : -1;

  const heads: ArticleHeader[] = [];
  for (let i = contentsEnd + 1; i < texts.length; i++) {
    // A head is tried where a classification line stands, where display type starts, or on an
    // author line printed above a title in display type.
    if (!display(i) && !isHeadStart(texts[i]!) && !(i + 1 < texts.length && display(i + 1) && lineOfNames(texts[i]!).length > 0)) continue;
    const head = readHeader(texts, i, display, (k) => paragraphs[k]?.relativeSize ?? null);
    if (!head || !(head.classified || abstractFollows(texts, head.after))) continue;
    const previous = heads[heads.length - 1];
    // A head right below another one is its translation (the English title and names), not a new article.
    if (!previous || !isParallelHead(texts, previous, head)) heads.push(head);
    i = head.after - 1;
  }

  const backMatter = heads.length ? backMatterStart(texts, heads[heads.length - 1]!.after) : texts.length;
  const articles = heads.map((head, k): FoundArticle => {
    const next = heads[k + 1];
    const endIndex = next ? withoutRubric(texts, display, next.first, heads[k]!.after) : backMatter;
    const lastParagraph = Math.max(head.first, endIndex - 1);
    const startPosition = positions[head.first]!;
    const printed = printedPages[startPosition.page - 1] ?? null;
    return {
      range: { start: startPosition, end: endIndex < texts.length ? positions[endIndex]! : null },
      lastPage: positions[lastParagraph]!.page,
      title: head.title,
      authors: head.authors,
      cue: head.classified ? 'classification' : 'display',
      listedInContents: contents && printed !== null ? contents.listed.has(printed) : null,
    };
  });
  const found = new Set(articles.map((a) => printedPages[a.range.start.page - 1]).filter((p) => p != null));
  return {
    articles,
    contentsPages: contents?.pages ?? [],
    unmatchedContentsPages: contents ? [...contents.listed].filter((p) => !found.has(p) && isArticlePage(p, printedPages, contentsEnd, positions)) : [],
  };
}

/** At most this many short paragraphs stand between a head and its translation. */
const PARALLEL_GAP = 2;

function isParallelHead(texts: readonly string[], previous: ArticleHeader, head: ArticleHeader): boolean {
  if (head.first - previous.after > PARALLEL_GAP) return false;
  return texts.slice(previous.after, head.first).every((t) => !isProse(t));
}

function isHeadStart(text: string): boolean {
  return /\d/.test(text) && wordCount(text) <= 12 && startsWith('front', text);
}

function abstractFollows(texts: readonly string[], after: number): boolean {
  for (let i = after; i < Math.min(texts.length, after + ABSTRACT_WITHIN); i++) {
    if (startsWith('abstract', texts[i]!) || startsWith('keywords', texts[i]!)) return true;
  }
  return false;
}

/** The next head's first paragraph, moved up over the rubric lines printed right above it. */
function withoutRubric(texts: readonly string[], display: (i: number) => boolean, first: number, floor: number): number {
  let start = first;
  while (start - 1 >= floor && display(start - 1) && wordCount(texts[start - 1]!) <= MAX_RUBRIC_WORDS && !/[.!?]$/.test(texts[start - 1]!.trim())) start--;
  return start;
}

/** Where the issue's back matter starts after the last head: a heading such as «Сведения об авторах». */
function backMatterStart(texts: readonly string[], from: number): number {
  for (let i = from; i < texts.length; i++) {
    if (isMarkerHeading('afterReferences', texts[i]!) && !isMarkerHeading('appendix', texts[i]!)) return i;
  }
  return texts.length;
}

/** A listed page number that lies within the issue's articles (not a number of the front pages). */
function isArticlePage(printed: string, printedPages: readonly (string | null)[], contentsEnd: number, positions: readonly { page: number }[]): boolean {
  const pdfPage = printedPages.indexOf(printed) + 1;
  return pdfPage > 0 && (contentsEnd < 0 || pdfPage > positions[contentsEnd]!.page);
}
