// `policylens factors`: the factor table of the stored corpus as CSV or JSON.
import type { Config } from '../../config.js';
import { toCsv } from '../../export/csv.js';
import { createRuntime } from '../../runtime.js';
import type { CorpusFilter } from '../../store/corpus-filter.js';
import type { FactorTableRow } from '../../store/factor-table-repository.js';
import { TERMINAL_FACTOR_COLUMNS } from '../../services/factor-table-columns.js';

const PAGE = 5000;

export async function printFactorTable(config: Config, filter: CorpusFilter, format: 'csv' | 'json'): Promise<void> {
  const runtime = await createRuntime(config, { analyze: false });
  try {
    const rows: FactorTableRow[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await runtime.factorTable.rows(filter, { limit: PAGE, offset });
      rows.push(...page.rows);
      if (page.rows.length < PAGE) break;
    }
    process.stdout.write(format === 'csv' ? toCsv(rows, TERMINAL_FACTOR_COLUMNS) : JSON.stringify(rows, null, 2) + '\n');
  } finally {
    await runtime.close();
  }
}
