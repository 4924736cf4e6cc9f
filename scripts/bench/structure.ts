// The layout part of the structure step (issue 15): zones and the bibliographic record read from a
// PDF's laid-out paragraphs (print sizes, pages, footnotes, running headers kept as furniture), on
// the 10-page benchmark paper of bench:ingest. Extraction itself (pdf.js, reading order) is
// bench:extract's; the structure step on plain text is bench:nlp's. CPU time of the process, which
// other processes on a shared machine do not inflate; median over the repetitions.
//
//   tsx scripts/bench/structure.ts [--runs N]
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DocumentVocabulary } from '../../src/analysis/extract/dehyphenate.js';
import { joinParagraphs } from '../../src/analysis/extract/paragraphs.js';
import { readPdf } from '../../src/analysis/extract/pdf/index.js';
import { readStructure } from '../../src/analysis/structure/index.js';
import { atMost, figure, type Figure } from './common.js';
import { makePaper } from './ingest.js';

const PAGES = 10;
const TARGET_MS = 10;
/** Repetitions per run: one structure pass takes a few milliseconds, too short to time alone. */
const REPEATS = 50;

export async function structureLayoutFigures(runs: number): Promise<Figure[]> {
  const layout = await readPdf(new Uint8Array(await makePaper(0, PAGES)), {});
  const paragraphs = joinParagraphs(layout, new DocumentVocabulary(layout.paragraphs.map((p) => p.lines)));
  readStructure(paragraphs, layout.furniture); // warm-up: compiled patterns, JIT
  const values: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = process.cpuUsage();
    for (let i = 0; i < REPEATS; i++) readStructure(paragraphs, layout.furniture);
    const { user, system } = process.cpuUsage(started);
    values.push((user + system) / 1000 / REPEATS);
  }
  return [figure(`structure step, layout part, ${PAGES}-page PDF (CPU time)`, 'ms', values, atMost(TARGET_MS))];
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const [f] = await structureLayoutFigures(Number(values.runs));
  console.log(`${f!.name}: median ${f!.median.toFixed(2)} ms (min ${f!.min.toFixed(2)}, max ${f!.max.toFixed(2)}; target ≤ ${TARGET_MS} ms)`);
}
