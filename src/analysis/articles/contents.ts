// The contents page: a page headed by a contents marker («Содержание», "Contents") whose
// entries end in (or are followed by) the printed page where each article starts. Its page
// numbers confirm the starts found in the text and name the ones that were missed.
import { isMarkerHeading } from '../structure/markers.js';

/** Page numbers printed in a contents list: one to four digits, several maybe on one line. */
const PAGE_NUMBERS = /(?<![\p{L}\d.,])\d{1,4}(?![\d.,]?\p{L})(?![.,]\d)/gu;
/** A contents list runs over a few pages at most. */
const MAX_CONTENTS_PAGES = 4;

export interface ContentsPage {
  pages: number[];
  /** The printed page numbers it lists, as printed. */
  listed: Set<string>;
}

/** The contents page(s) of the issue, or null when no page is headed as one. */
export function readContents(texts: readonly string[], pageOf: readonly number[]): ContentsPage | null {
  const headed = texts.findIndex((t) => isMarkerHeading('contents', t));
  if (headed < 0) return null;
  const pages: number[] = [];
  const listed = new Set<string>();
  for (let i = headed; i < texts.length; i++) {
    const page = pageOf[i]!;
    if (!pages.includes(page)) {
      if (pages.length >= MAX_CONTENTS_PAGES) break;
      // The list goes on over a page only when the next page goes on listing numbers.
      if (pages.length > 0 && !pageListsNumbers(texts, pageOf, page)) break;
      pages.push(page);
    }
    for (const n of trailingNumbers(texts[i]!)) listed.add(n);
  }
  return { pages, listed };
}

/** The numbers standing alone or at the end of a contents entry («… мышления 36», «85 90»). */
function trailingNumbers(text: string): string[] {
  const trimmed = text.trim();
  if (/^[\d\s.…]+$/u.test(trimmed)) return trimmed.match(PAGE_NUMBERS) ?? [];
  const lead = /^(\d{1,4})\s+\p{Ll}/u.exec(trimmed);
  const tail = /[\s.…](\d{1,4})$/u.exec(trimmed);
  return [lead?.[1], tail?.[1]].filter((n): n is string => n !== undefined);
}

function pageListsNumbers(texts: readonly string[], pageOf: readonly number[], page: number): boolean {
  let numbers = 0;
  for (let i = pageOf.indexOf(page); i >= 0 && i < texts.length && pageOf[i] === page; i++) numbers += trailingNumbers(texts[i]!).length;
  return numbers >= 3;
}
