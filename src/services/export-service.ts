// Exports of a selection (or the whole corpus) in tidy formats, produced page by page so that a
// corpus of any size streams in constant memory: one row per document × factor (optionally every
// cell, zeros included), the same as a documents × factors matrix (the quanteda dfm shape), one row
// per mention, one Summary v1 per line, and the codebook as a quanteda dictionary and as CSV.
import { factorLexicon } from '../analysis/factors/lexicon.js';
import { lexiconVersion } from '../analysis/lexicon-files.js';
import type { Summary } from '../analysis/types.js';
import { BOM, csvLine } from '../export/csv.js';
import type { CorpusFilter } from '../store/corpus-filter.js';
import type { DocumentsRepository } from '../store/documents-repository.js';
import type { ExportRepository } from '../store/export-repository.js';
import type { FactorTableRepository, FactorTableRow, MentionRow } from '../store/factor-table-repository.js';
import { CODEBOOK_COLUMNS, codebookRecords, quantedaDictionary } from './codebook-files.js';
import { completeRows, refuseStance } from './complete-table.js';
import type { CorpusSelection } from './corpus-selection.js';
import { withCorrections } from './corrections.js';
import { FACTOR_TABLE_COLUMNS, type FactorTableColumn } from './factor-table-columns.js';

const CSV = 'text/csv; charset=utf-8';
export const EXPORTS = {
  'factors.csv': CSV,
  'factors-wide.csv': CSV,
  'mentions.csv': CSV,
  'summaries.jsonl': 'application/x-ndjson; charset=utf-8',
  'codebook.yml': 'application/yaml; charset=utf-8',
  'codebook.csv': CSV,
} as const;
export type ExportName = keyof typeof EXPORTS;

export const MENTION_COLUMNS = [
  'document_id', 'filename', 'title', 'year', 'collections', 'factor', 'factor_label', 'ordinal', 'page', 'start', 'end',
  'language', 'stance', 'review', 'match', 'cues', 'section', 'sentence',
] as const;

/** The document columns that start each row of factors-wide.csv; one column per factor follows. */
export const WIDE_DOCUMENT_COLUMNS = ['document_id', 'filename', 'title', 'year', 'language', 'collections', 'words'] as const;

export interface ExportOptions {
  /** Start a CSV with a UTF-8 byte-order mark (Excel needs it; R and pandas read it into the first column name). */
  bom?: boolean;
  /** factors.csv: every document × factor, zeros included. */
  complete?: boolean;
}

export type FactorRecord = Record<FactorTableColumn, unknown>;

/** Rows read per query. */
const PAGE = 2000;

export class ExportService {
  private readonly lexicon = factorLexicon();
  private readonly labels = new Map(this.lexicon.factors.map((f) => [f.id, f.label.en]));

  constructor(
    private readonly table: FactorTableRepository,
    private readonly store: ExportRepository,
    private readonly documents: DocumentsRepository,
    private readonly selection: CorpusSelection,
  ) {}

  /** The export as chunks of text (each a page of records); a BOM first when asked for (CSV only). */
  async *chunks(name: ExportName, given: CorpusFilter, options: ExportOptions = {}): AsyncGenerator<string> {
    const filter = await this.selection.resolve(given);
    if (options.complete || name === 'factors-wide.csv') refuseStance(filter);
    if (options.bom && name.endsWith('.csv')) yield BOM;
    switch (name) {
      case 'factors.csv':
        yield csvLine([...FACTOR_TABLE_COLUMNS]);
        for await (const page of this.records(filter, options)) yield page.map((r) => csvLine(FACTOR_TABLE_COLUMNS.map((c) => r[c]))).join('');
        return;
      case 'factors-wide.csv':
        yield* this.wide(filter);
        return;
      case 'mentions.csv':
        yield* this.mentionRows(filter);
        return;
      case 'summaries.jsonl':
        yield* this.summaries(filter);
        return;
      case 'codebook.yml':
        yield quantedaDictionary(this.factorsOf(filter), lexiconVersion());
        return;
      case 'codebook.csv':
        yield csvLine([...CODEBOOK_COLUMNS]) + codebookRecords(this.factorsOf(filter)).map((r) => csvLine(CODEBOOK_COLUMNS.map((c) => r[c]))).join('');
        return;
    }
  }

  /** The rows of factors.csv, a page at a time (what `policylens factors --format json` prints). */
  async *factorRecords(given: CorpusFilter, options: { complete?: boolean } = {}): AsyncGenerator<FactorRecord[]> {
    const filter = await this.selection.resolve(given);
    if (options.complete) refuseStance(filter);
    yield* this.records(filter, options);
  }

  /** Rows of the factor table with their collections and factor labels, a page at a time. */
  private async *records(filter: CorpusFilter, options: { complete?: boolean }): AsyncGenerator<FactorRecord[]> {
    const pages = options.complete ? this.completePages(filter) : this.storedPages(filter);
    for await (const rows of pages) {
      const collections = await this.documents.collectionsOf([...new Set(rows.map((r) => r.document_id))]);
      yield rows.map((r) => ({ ...r, collections: collections.get(r.document_id) ?? [], factor_label: this.labels.get(r.factor) ?? r.factor }));
    }
  }

  private async *storedPages(filter: CorpusFilter): AsyncGenerator<FactorTableRow[]> {
    for (let last: FactorTableRow | null = null; ;) {
      const rows = await this.table.rowsAfter(filter, last, PAGE);
      if (rows.length === 0) return;
      yield rows;
      last = rows[rows.length - 1]!;
    }
  }

  /** Every document × factor of the selection, a page of documents at a time. */
  private async *completePages(filter: CorpusFilter): AsyncGenerator<FactorTableRow[]> {
    const factors = this.factorsOf(filter).map((f) => f.id);
    const perPage = Math.max(1, Math.floor(PAGE / factors.length));
    for (let after: string | null = null; ;) {
      const documents = await this.table.analyzedDocumentsAfter(filter, after, perPage);
      if (documents.length === 0) return;
      yield completeRows(documents, await this.table.cellsOf(documents.map((d) => d.id), filter.factors), factors);
      after = documents[documents.length - 1]!.id;
    }
  }

  /** Documents × factors, mentions in each cell: the quanteda dfm (and pandas pivot) shape. */
  private async *wide(filter: CorpusFilter): AsyncGenerator<string> {
    const factors = this.factorsOf(filter).map((f) => f.id);
    yield csvLine([...WIDE_DOCUMENT_COLUMNS, ...factors]);
    for await (const page of this.records(filter, { complete: true })) {
      const lines: string[] = [];
      for (let i = 0; i < page.length; i += factors.length) {
        const cells = page.slice(i, i + factors.length);
        lines.push(csvLine([...WIDE_DOCUMENT_COLUMNS.map((c) => cells[0]![c]), ...cells.map((c) => c.mentions)]));
      }
      yield lines.join('');
    }
  }

  private async *mentionRows(filter: CorpusFilter): AsyncGenerator<string> {
    yield csvLine([...MENTION_COLUMNS]);
    for (let last: MentionRow | null = null; ;) {
      const rows = await this.table.mentionsAfter(filter, last, PAGE);
      if (rows.length === 0) return;
      const collections = await this.documents.collectionsOf([...new Set(rows.map((r) => r.document_id))]);
      yield rows
        .map((r) => {
          const record: Record<string, unknown> = { ...r, collections: collections.get(r.document_id) ?? [], factor_label: this.labels.get(r.factor) ?? r.factor };
          return csvLine(MENTION_COLUMNS.map((c) => record[c]));
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
      yield rows.map((r) => (r.correction ? JSON.stringify(withCorrections(JSON.parse(r.summary_json) as Summary, r.correction)) : r.summary_json) + '\n').join('');
      after = rows[rows.length - 1]!.document_id;
    }
  }

  /** The codebook's factors, or those the filter names, in codebook order. */
  private factorsOf(filter: CorpusFilter) {
    const wanted = filter.factors?.length ? new Set(filter.factors) : undefined;
    return this.lexicon.factors.filter((f) => !wanted || wanted.has(f.id));
  }
}
