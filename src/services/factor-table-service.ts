// The factor table (documents × factors, or totals per factor) and the evidence behind one factor
// across the corpus, labelled from the codebook.
import { factorDefinitions } from '../analysis/factors/index.js';
import type { CorpusFilter, Page } from '../store/corpus-filter.js';
import type { FactorTableRepository, FactorTableRow, Sorting } from '../store/factor-table-repository.js';
import type { CorpusSelection } from './corpus-selection.js';
import { RequestError } from './errors.js';

/** Rows read per query when the whole table is wanted. */
const PAGE = 5000;

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

  /** Every row of the table (document × factor) that the filter selects. */
  async allRows(given: CorpusFilter): Promise<FactorTableRow[]> {
    const filter = await this.selection.resolve(given);
    const rows: FactorTableRow[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.table.rows(filter, { limit: PAGE, offset });
      rows.push(...page.rows);
      if (page.rows.length < PAGE) return rows;
    }
  }

  /** A page of the mentions of one factor across the (filtered) corpus, with their documents. */
  async evidence(factor: string, filter: CorpusFilter, page: Page) {
    const label = this.labels.get(factor);
    if (!label) throw new RequestError('not_found', `No factor "${factor}" in the codebook (see /api/codebook).`);
    const selection = { ...(await this.selection.resolve(filter)), factors: [factor] };
    const [mentions, total] = await Promise.all([this.table.mentions(selection, page), this.table.countMentions(selection)]);
    return { factor: { id: factor, label }, total, mentions };
  }
}
