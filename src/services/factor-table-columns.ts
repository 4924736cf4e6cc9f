// The columns of the factor table (one row per document × factor), in the order every output shows
// them: the CSV export has them all; the terminal table leaves some out to stay narrow.

export const FACTOR_TABLE_COLUMNS = [
  'document_id', 'filename', 'title', 'year', 'language', 'collections', 'words',
  'factor', 'factor_label', 'mentions', 'per_1000_words', 'positive', 'negative', 'neutral', 'net',
  // automatic | reviewed | corrected: whether a reviewer checked the row (src/analysis/review-coding.ts).
  'review',
] as const;
export type FactorTableColumn = (typeof FACTOR_TABLE_COLUMNS)[number];

/** Left out of `policylens factors`: long text, and what needs a second query per page. */
const NOT_IN_TERMINAL = ['title', 'year', 'collections', 'factor_label'] as const satisfies readonly FactorTableColumn[];
type TerminalColumn = Exclude<FactorTableColumn, (typeof NOT_IN_TERMINAL)[number]>;
export const TERMINAL_FACTOR_COLUMNS = FACTOR_TABLE_COLUMNS.filter((c): c is TerminalColumn => !(NOT_IN_TERMINAL as readonly string[]).includes(c));
