// The columns of the factor table (one row per document × factor), in the order every output shows
// them: the CSV export and `policylens factors` (CSV and JSON) print exactly these.

export const FACTOR_TABLE_COLUMNS = [
  'document_id', 'filename', 'title', 'year', 'language', 'collections', 'words',
  'factor', 'factor_label', 'mentions', 'per_1000_words', 'positive', 'negative', 'neutral', 'net',
  // automatic | reviewed | corrected: whether a reviewer checked the row (src/analysis/review-coding.ts).
  'review',
] as const;
export type FactorTableColumn = (typeof FACTOR_TABLE_COLUMNS)[number];
