// What the issue splitter reads and what it finds. It reads the PDF layout (paragraphs with their
// page and print size, src/analysis/extract/pdf/) — the same paragraphs the structure step reads —
// and names places in it by page and by the paragraph's index among those starting on that page,
// so that a worker holding only the issue's bytes and a stored range cuts out the same article.

/** A paragraph as laid out: LayoutParagraph (src/analysis/extract/paragraphs.ts) satisfies it. */
export interface IssueParagraph {
  lines: readonly string[];
  /** 1-based PDF page where the paragraph starts. */
  page: number | null;
  /** Print size relative to the body text; null when unknown. */
  relativeSize: number | null;
  footnote: boolean;
}

/** A place between paragraphs: before the `index`-th paragraph that starts on `page`. */
export interface IssuePosition {
  page: number;
  index: number;
}

/**
 * Where an article lies in its issue: from `start` up to `end` (exclusive; null: to the end of
 * the file). `start.index` > 0 is an article starting mid-page, below the previous one's end.
 */
export interface ArticleRange {
  start: IssuePosition;
  end: IssuePosition | null;
}

export interface FoundArticle {
  range: ArticleRange;
  /** The last PDF page holding part of the article. */
  lastPage: number;
  /** The title as printed (its lines joined), in the issue's language. */
  title: string;
  /** The names on the author line, as printed. */
  authors: string[];
  /** How the start was recognised: a classification line (UDC, JEL…) above the title, or the title's print alone. */
  cue: 'classification' | 'display';
  /** The printed page where it starts is one the contents page lists (null: no contents page found). */
  listedInContents: boolean | null;
}

export interface IssueSplit {
  articles: FoundArticle[];
  /** PDF pages read as the issue's contents page(s). */
  contentsPages: number[];
  /** Printed page numbers the contents page lists where no article start was found. */
  unmatchedContentsPages: string[];
}
