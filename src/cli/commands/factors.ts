// `policylens factors`: the factor table of the stored corpus as CSV or JSON.
import type { Config } from '../../config.js';
import { toCsv } from '../../export/csv.js';
import { createRuntime } from '../../runtime.js';
import { TERMINAL_FACTOR_COLUMNS } from '../../services/factor-table-columns.js';
import type { CorpusFilter } from '../../store/corpus-filter.js';

export async function printFactorTable(config: Config, filter: CorpusFilter, format: 'csv' | 'json'): Promise<void> {
  const runtime = await createRuntime(config, { analyze: false });
  try {
    const rows = await runtime.services.factorTable.allRows(filter);
    process.stdout.write(format === 'csv' ? toCsv(rows, TERMINAL_FACTOR_COLUMNS) : JSON.stringify(rows, null, 2) + '\n');
  } finally {
    await runtime.close();
  }
}
