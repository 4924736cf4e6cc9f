// `policylens review export|import`: reviews as CSV or JSONL files, for teams that code in
// spreadsheets. Import keeps reviews whose mention is not in the current analysis and lists them.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Config } from '../../config.js';
import { createRuntime } from '../../runtime.js';
import { formatReviews, parseReviews, type ReviewFormat } from '../../services/review-files.js';

/** The format named, else the one the file name says (JSONL for .jsonl/.json, CSV otherwise). */
export function reviewFormat(file: string | undefined, format: string | undefined): ReviewFormat {
  if (format === 'csv' || format === 'jsonl') return format;
  return file && /\.jsonl?$/i.test(file) ? 'jsonl' : 'csv';
}

export async function exportReviews(config: Config, options: { output?: string; format: ReviewFormat; documents?: string[] }): Promise<void> {
  const runtime = await createRuntime({ ...config, DATABASE_POOL_SIZE: 2 }, { analyze: false });
  try {
    const text = formatReviews(await runtime.services.reviews.exportAll(options.documents), options.format);
    if (options.output) writeFileSync(options.output, text);
    else process.stdout.write(text);
  } finally {
    await runtime.close();
  }
}

/** Imports a file of reviews; returns false when some rows were refused (each is printed with its reason). */
export async function importReviews(config: Config, file: string, format: ReviewFormat): Promise<boolean> {
  const records = parseReviews(readFileSync(file, 'utf8'), format);
  const runtime = await createRuntime({ ...config, DATABASE_POOL_SIZE: 2 }, { analyze: false });
  try {
    const { stored, rejected, unmatched } = await runtime.services.reviews.importAll(records);
    console.error(`${stored} review(s) stored, ${rejected.length} refused, ${unmatched.length} not matching a mention of the current analysis (kept)`);
    for (const r of rejected) console.error(`  refused ${format === 'csv' ? 'row' : 'record'} ${r.index + (format === 'csv' ? 2 : 1)}: ${r.reason}`);
    for (const r of unmatched) console.error(`  unmatched: ${r.documentId.slice(0, 12)} ${r.verdict} ${r.factor ?? r.toFactor} at ${r.start}: ${r.sentence.slice(0, 80)}`);
    return rejected.length === 0;
  } finally {
    await runtime.close();
  }
}
