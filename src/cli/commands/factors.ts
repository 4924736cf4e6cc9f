// `policylens factors`: the factor table of the stored corpus as CSV or JSON, with the columns of
// the factors.csv export (the same rows, read by the same service).
import type { Config } from '../../config.js';
import { createRuntime } from '../../runtime.js';
import type { FactorRecord } from '../../services/export-service.js';
import type { CorpusFilter } from '../../store/corpus-filter.js';
import { exportCorpus } from './export.js';

export async function printFactorTable(config: Config, filter: CorpusFilter, options: { format: 'csv' | 'json'; complete?: boolean }): Promise<void> {
  if (options.format === 'csv') return exportCorpus(config, 'factors.csv', filter, { complete: options.complete });
  const runtime = await createRuntime(config, { analyze: false });
  try {
    const rows: FactorRecord[] = [];
    for await (const page of runtime.services.exports.factorRecords(filter, { complete: options.complete })) rows.push(...page);
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  } finally {
    await runtime.close();
  }
}
