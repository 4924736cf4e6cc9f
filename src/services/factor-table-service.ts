// The factor table (documents × factors, or totals per factor) and the evidence behind one factor
// across the corpus, labelled from the codebook.
import { factorDefinitions } from '../analysis/factors/index.js';
import type { CorpusFilter, Page } from '../store/corpus-filter.js';
import type { FactorTableRepository, Sorting } from '../store/factor-table-repository.js';
import { completeRows, refuseStance } from './complete-table.js';
import type { CorpusSelection } from './corpus-selection.js';
import { RequestError } from './errors.js';

export class FactorTableService {
  /** The factors with their labels, in codebook order. */
  readonly codebook = factorDefinitions();
  private readonly labels = new Map(this.codebook.map((f) => [f.id, f.label]));

  constructor(
    private readonly table: FactorTableRepository,
    private readonly selection: CorpusSelection,
  ) {}

  /** A page of the table, one row per document × factor or per factor, each with the factor's label. */
  async page(group: 'document' | 'factor', given: CorpusFilter, page: Page, sorting: Sorting) {
    const filter = await this.selection.resolve(given);
    const { rows, total } = group === 'factor' ? await this.table.totals(filter, page, sorting) : await this.table.rows(filter, page, sorting);
    return { total, rows: rows.map((r) => ({ ...r, label: this.labels.get(r.factor) ?? null })) };
  }

  /**
   * A page of the complete table: every analyzed document × factor the filter selects, zeros
   * included, by document id then codebook order (a measure cannot order cells that are not stored).
   */
  async completePage(given: CorpusFilter, page: Page) {
    const filter = await this.selection.resolve(given);
    refuseStance(filter);
    const factors = this.codebook.filter((f) => !filter.factors?.length || filter.factors.includes(f.id)).map((f) => f.id);
    const firstDocument = Math.floor(page.offset / factors.length);
    const documentCount = Math.ceil((page.offset + page.limit) / factors.length) - firstDocument;
    const [documents, count] = await Promise.all([
      this.table.analyzedDocumentsPage(filter, { offset: firstDocument, limit: documentCount }),
      this.table.countAnalyzedDocuments(filter),
    ]);
    const cells = await this.table.cellsOf(documents.map((d) => d.id), filter.factors);
    const skip = page.offset - firstDocument * factors.length;
    const rows = completeRows(documents, cells, factors).slice(skip, skip + page.limit);
    return { total: count * factors.length, rows: rows.map((r) => ({ ...r, label: this.labels.get(r.factor) ?? null })) };
  }

  /** A page of the mentions of one factor across the (filtered) corpus, with their documents. */
  async evidence(factor: string, filter: CorpusFilter, page: Page) {
    const label = this.labels.get(factor);
    if (!label) throw new RequestError('not_found', 'filter.unknownCodebookFactor', { factor });
    const selection = { ...(await this.selection.resolve(filter)), factors: [factor] };
    const [mentions, total] = await Promise.all([this.table.mentions(selection, page), this.table.countMentions(selection)]);
    return { factor: { id: factor, label }, total, mentions };
  }
}
