// Another article's text on the pages of this one. Journals that print articles one after another
// (most Russian ones) sell or post each article as the pages it occupies: its first page opens
// with the end of the previous article, its last page goes on with the start of the next one. The
// heads of articles (a classification line or a display title, an author line, then an abstract)
// are found as the issue splitter finds them (src/analysis/articles/); what lies before this
// paper's head on its first page, and from the next head on its last page, is `foreign`.
import { positionsOf, splitIssue } from '../articles/index.js';
import { citesAnything, isReferenceEntry } from './zones.js';
import { isProse, type StructureParagraph } from './paragraph.js';

/** Lines of a bibliography above the head: more than a journal's issue line and DOI line. */
const MIN_CITING_BEFORE = 3;

export interface OwnArticle {
  /** The paper's own paragraphs: [from, to). */
  from: number;
  to: number;
  warnings: string[];
}

/** The paper's own range when another article's text shares its pages; null when none does. */
export function findOwnArticle(paragraphs: readonly StructureParagraph[]): OwnArticle | null {
  const firstPage = paragraphs[0]?.page ?? null;
  const lastPage = paragraphs[paragraphs.length - 1]?.page ?? null;
  if (firstPage === null || lastPage === null) return null;
  // Heads are looked for on the first and the last page only: that is where another article can
  // share a page with this one, and reading two pages keeps the step cheap on long papers.
  const firstEnd = paragraphs.findIndex((p) => p.page !== firstPage);
  const opening = headsOn(paragraphs, 0, firstEnd < 0 ? paragraphs.length : firstEnd);
  // This paper's head opens on its first page; without one it is no journal article (or an issue's cover).
  if (opening.length !== 1) return null;
  const from = opening[0]!.first;
  // Before the head: another article's text only if it has prose or bibliography entries (a
  // journal's own header lines above a title, its issue line and DOI, are this paper's front matter).
  const above = paragraphs.slice(0, from).filter((p) => !p.footnote);
  const before = above.some((p) => isProse(p.text) || isReferenceEntry(p.text)) || above.filter((p) => citesAnything(p.text)).length >= MIN_CITING_BEFORE;
  const start = before ? from : 0;
  let to = paragraphs.length;
  let next: Head | undefined;
  if (lastPage !== firstPage) {
    const lastStart = paragraphs.findIndex((p) => p.page === lastPage);
    const closing = headsOn(paragraphs, lastStart, paragraphs.length);
    // The next article starts below this one's end on the last page; a head opening the page would be a page of its own.
    if (closing.length === 1 && closing[0]!.first > lastStart) {
      next = closing[0];
      to = next!.first;
    }
  }
  if (start === 0 && to === paragraphs.length) return null;
  const warnings: string[] = [];
  if (start > 0) warnings.push(`page ${firstPage} starts with another article's text (${start} paragraphs, the end of the previous article in the issue); it is left out of the analysis`);
  if (next) warnings.push(`page ${lastPage} goes on with another article ("${next.title.slice(0, 80)}"); its ${paragraphs.length - to} paragraphs are left out of the analysis`);
  return { from: start, to, warnings };
}

interface Head {
  /** Index of the head's first paragraph in the document. */
  first: number;
  title: string;
}

/** The article heads among paragraphs [from, to), as the issue splitter finds them. */
function headsOn(paragraphs: readonly StructureParagraph[], from: number, to: number): Head[] {
  const slice = paragraphs.slice(from, to);
  const found = splitIssue(slice.map((p) => ({ lines: p.lines ?? [p.text], page: p.page, relativeSize: p.relativeSize, footnote: p.footnote }))).articles;
  const positions = positionsOf(slice);
  return found.map((a) => ({ first: from + positions.findIndex((p) => p.page === a.range.start.page && p.index === a.range.start.index), title: a.title }));
}
