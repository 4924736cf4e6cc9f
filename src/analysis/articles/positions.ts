// Places in an issue named by page and by index among the paragraphs starting on that page, and
// the cut of one article's paragraphs out of the issue's.
import type { ArticleRange, IssueParagraph, IssuePosition } from './types.js';

/** Each paragraph's position (page, index on that page); paragraphs without a page get page 0. */
export function positionsOf(paragraphs: readonly Pick<IssueParagraph, 'page'>[]): IssuePosition[] {
  const seen = new Map<number, number>();
  return paragraphs.map((p) => {
    const page = p.page ?? 0;
    const index = seen.get(page) ?? 0;
    seen.set(page, index + 1);
    return { page, index };
  });
}

export function compare(a: IssuePosition, b: IssuePosition): number {
  return a.page - b.page || a.index - b.index;
}

/** The paragraphs of the issue that belong to the article's range, in order. */
export function cutRange<P extends Pick<IssueParagraph, 'page'>>(paragraphs: readonly P[], range: ArticleRange): P[] {
  const positions = positionsOf(paragraphs);
  return paragraphs.filter((_, i) => compare(positions[i]!, range.start) >= 0 && (range.end === null || compare(positions[i]!, range.end) < 0));
}

/** A range as stored text ("9.0-16.3", "106.0-"), and back: one column, readable in the database. */
export function formatRange(range: ArticleRange): string {
  const end = range.end ? `${range.end.page}.${range.end.index}` : '';
  return `${range.start.page}.${range.start.index}-${end}`;
}

export function parseRange(text: string): ArticleRange | null {
  const match = /^(\d+)\.(\d+)-(?:(\d+)\.(\d+))?$/.exec(text);
  if (!match) return null;
  const start = { page: Number(match[1]), index: Number(match[2]) };
  const end = match[3] === undefined ? null : { page: Number(match[3]), index: Number(match[4]) };
  return { start, end };
}
