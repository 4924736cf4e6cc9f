// `npm run corpus:pdf`: ground-truth PDFs typeset from the corpus papers (corpus/*.txt) for the
// extraction evaluation and tests, written to test-artifacts/pdfs/ (not committed): each paper in
// one column (ragged and justified) and in two columns (drawn column by column, row by row, and
// ragged), each PDF with a .json of its true text per page and its line-end hyphenations.
// `--demo` also writes the one committed demo PDF, corpus/ru-1-sanctions-high-tech-exports.pdf.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { corpusDir, projectRoot } from '../src/paths.js';
import { parsePaper, typeset, type LayoutOptions } from './corpus-pdfs/typeset.js';

export const CORPUS_PDF_DIR = join(projectRoot, 'test-artifacts', 'pdfs');
export const DEMO_PAPER = 'ru-1-sanctions-high-tech-exports';

/** Layouts; different sizes and alignments put line ends (and so hyphenations) at other words. */
export const VARIANTS: Record<string, LayoutOptions> = {
  '1col': { columns: 1, order: 'columns', justify: false, bodySize: 10.5 },
  '1col-justified': { columns: 1, order: 'columns', justify: true, bodySize: 10 },
  '2col': { columns: 2, order: 'columns', justify: true, bodySize: 9.5 },
  '2col-rows': { columns: 2, order: 'rows', justify: true, bodySize: 9.5 },
  '2col-ragged': { columns: 2, order: 'columns', justify: false, bodySize: 9 },
};

/** Writes every paper in every variant; returns the paths of the PDFs written. */
export async function makeCorpusPdfs(outDir = CORPUS_PDF_DIR): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const file of readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort()) {
    const paper = parsePaper(basename(file, '.txt'), readFileSync(join(corpusDir, file), 'utf8'));
    for (const [variant, options] of Object.entries(VARIANTS)) {
      const { pdf, truth } = await typeset(paper, options);
      const path = join(outDir, `${paper.name}.${variant}.pdf`);
      writeFileSync(path, pdf);
      writeFileSync(path.replace(/\.pdf$/, '.json'), JSON.stringify(truth, null, 1));
      written.push(path);
    }
  }
  return written;
}

async function writeDemo(): Promise<string> {
  const paper = parsePaper(DEMO_PAPER, readFileSync(join(corpusDir, `${DEMO_PAPER}.txt`), 'utf8'));
  const { pdf } = await typeset(paper, VARIANTS['2col']!);
  const path = join(corpusDir, `${DEMO_PAPER}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  const { values } = parseArgs({ options: { demo: { type: 'boolean', default: false }, out: { type: 'string' } } });
  const written = await makeCorpusPdfs(values.out ?? CORPUS_PDF_DIR);
  console.log(`wrote ${written.length} PDFs with ground truth to ${values.out ?? CORPUS_PDF_DIR}`);
  if (values.demo) console.log(`wrote the demo PDF ${await writeDemo()}`);
}
