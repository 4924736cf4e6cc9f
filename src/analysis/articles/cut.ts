// One article of an issue as a document of its own: the issue's layout cut to the article's
// range, so that extraction, structure and every later step read the article's pages alone.
import type { LayoutResult } from '../extract/paragraphs.js';
import { cutRange } from './positions.js';
import type { ArticleRange } from './types.js';

export function articleLayout(issue: LayoutResult, range: ArticleRange): LayoutResult {
  const paragraphs = cutRange(issue.paragraphs, range);
  const first = range.start.page;
  const last = paragraphs.length ? Math.max(...paragraphs.map((p) => p.page ?? first)) : first;
  const onPages = (page: number | null) => page !== null && page >= first && page <= last;
  return {
    ...issue,
    paragraphs,
    furniture: issue.furniture.filter((f) => onPages(f.page)),
    // Pages keep the issue's numbering (evidence points into the issue's PDF); the count is the article's.
    pages: last - first + 1,
  };
}
