// `policylens export <factors.csv|mentions.csv|summaries.jsonl>`: the same exports as the API,
// streamed to a file or to stdout.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Config } from '../../config.js';
import { createRuntime } from '../../runtime.js';
import { EXPORTS, type ExportName, type ExportOptions } from '../../services/export-service.js';
import type { CorpusFilter } from '../../store/corpus-filter.js';

export const EXPORT_NAMES = Object.keys(EXPORTS) as ExportName[];

export async function exportCorpus(config: Config, name: ExportName, filter: CorpusFilter, options: ExportOptions & { output?: string }): Promise<void> {
  const runtime = await createRuntime(config, { analyze: false });
  const out: Writable = options.output ? createWriteStream(options.output) : process.stdout;
  try {
    for await (const chunk of runtime.services.exports.chunks(name, filter, options)) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    if (options.output) {
      out.end();
      await once(out, 'finish');
    }
  } finally {
    await runtime.close();
  }
}
