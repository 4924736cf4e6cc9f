// `policylens kwic <query>`: the concordance of a query, aligned on the keyword as a concordancer
// prints it (or as CSV).
import type { Config } from '../../config.js';
import { toCsv } from '../../export/csv.js';
import { createRuntime } from '../../runtime.js';
import { CONCORDANCE_COLUMNS, type ConcordanceQuery } from '../../services/concordance-service.js';
import type { CorpusFilter } from '../../store/corpus-filter.js';

/** Characters of context shown on each side in the terminal. */
const WIDTH = 50;

export async function printConcordance(config: Config, query: ConcordanceQuery, filter: CorpusFilter, options: { limit: number; csv?: boolean }): Promise<void> {
  const runtime = await createRuntime(config, { analyze: false });
  try {
    const { lines, more, truncated, translations } = await runtime.services.concordance.lines(query, filter, { limit: options.limit, offset: 0 });
    if (options.csv) {
      process.stdout.write(toCsv(lines, [...CONCORDANCE_COLUMNS]));
      return;
    }
    for (const line of lines) {
      const left = line.left.length > WIDTH ? `…${line.left.slice(-WIDTH + 1)}` : line.left.padStart(WIDTH);
      const right = line.right.length > WIDTH ? `${line.right.slice(0, WIDTH - 1)}…` : line.right;
      process.stdout.write(`${left}  ${line.keyword}  ${right}   [${line.document_id.slice(0, 12)}${line.page ? ` p.${line.page}` : ''}]\n`);
    }
    const notes = [
      `${lines.length} line(s)${more ? ' (more with --limit)' : ''}`,
      truncated ? 'sorted among the first matching sentences only; narrow the query or filters for the rest' : '',
      translations.length ? `also searched: ${translations.join(', ')}` : '',
    ];
    console.error(notes.filter(Boolean).join('; '));
  } finally {
    await runtime.close();
  }
}
