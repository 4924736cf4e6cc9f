// Exports of a selection (or the whole corpus) in tidy long format, produced page by page so that
// a corpus of any size streams in constant memory: one row per document × factor, one row per
// mention, and one Summary v1 per line.
import { factorDefinitions } from '../analysis/factors/index.js';
import { BOM, csvLine } from '../export/csv.js';
import type { CorpusFilter } from '../store/corpus-filter.js';
import type { DocumentsRepository } from '../store/documents-repository.js';
import type { ExportRepository } from '../store/export-repository.js';
import type { FactorTableRepository, FactorTableRow, MentionRow } from '../store/factor-table-repository.js';
import type { CorpusSelection } from './corpus-selection.js';
import { FACTOR_TABLE_COLUMNS } from './factor-table-columns.js';

export const EXPORTS = {
  'factors.csv': 'text/csv; charset=utf-8',
  'mentions.csv': 'text/csv; charset=utf-8',
  'summaries.jsonl': 'application/x-ndjson; charset=utf-8',
} as const;
export type ExportName = keyof typeof EXPORTS;

export const MENTION_COLUMNS = [
  'document_id', 'filename', 'year', 'collections', 'factor', 'ordinal', 'page', 'start', 'end',
  'language', 'stance', 'review', 'match', 'cues', 'section', 'sentence',
] as const;

/** Rows read per query. */
const PAGE = 2000;

export class ExportService {
  constructor(
    private readonly table: FactorTableRepository,
    private readonly store: ExportRepository,
    private readonly documents: DocumentsRepository,
    private readonly selection: CorpusSelection,
  ) {}

  /** The export as chunks of text (each a page of records); a BOM first when asked for (CSV only). */
  async *chunks(name: ExportName, given: CorpusFilter, options: { bom?: boolean } = {}): AsyncGenerator<string> {
    const filter = await this.selection.resolve(given);
    if (options.bom && name.endsWith('.csv')) yield BOM;
    if (name === 'factors.csv') yield* this.factorRows(filter);
    else if (name === 'mentions.csv') yield* this.mentionRows(filter);
    else yield* this.summaries(filter);
  }

  private factorRows(filter: CorpusFilter): AsyncGenerator<string> {
    const labels = new Map(factorDefinitions().map((f) => [f.id, f.label.en]));
    return this.csv(
      FACTOR_TABLE_COLUMNS,
      (last: FactorTableRow | null) => this.table.rowsAfter(filter, last, PAGE),
      (r, collections) => ({ ...r, collections, factor_label: labels.get(r.factor) ?? r.factor }),
    );
  }

  private mentionRows(filter: CorpusFilter): AsyncGenerator<string> {
    return this.csv(MENTION_COLUMNS, (last: MentionRow | null) => this.table.mentionsAfter(filter, last, PAGE), (r, collections) => ({ ...r, collections }));
  }

  /**
   * A CSV file of rows read a page at a time, each page after the last row of the one before;
   * each row gets its document's collections, read once per page.
   */
  private async *csv<R extends { document_id: string }, C extends string>(
    columns: readonly C[],
    pageAfter: (last: R | null) => Promise<R[]>,
    record: (row: R, collections: string[]) => Record<C, unknown>,
  ): AsyncGenerator<string> {
    yield csvLine([...columns]);
    for (let last: R | null = null; ;) {
      const rows = await pageAfter(last);
      if (rows.length === 0) return;
      const collections = await this.documents.collectionsOf([...new Set(rows.map((r) => r.document_id))]);
      yield rows
        .map((r) => {
          const values = record(r, collections.get(r.document_id) ?? []);
          return csvLine(columns.map((c) => values[c]));
        })
        .join('');
      last = rows[rows.length - 1]!;
    }
  }

  private async *summaries(filter: CorpusFilter): AsyncGenerator<string> {
    // Summaries are large: fewer per page.
    for (let after: string | null = null; ;) {
      const rows = await this.store.summariesAfter(filter, after, PAGE / 20);
      if (rows.length === 0) return;
      // The stored JSON is one line already (JSON.stringify without indentation).
      yield rows.map((r) => r.summary_json + '\n').join('');
      after = rows[rows.length - 1]!.document_id;
    }
  }
}
