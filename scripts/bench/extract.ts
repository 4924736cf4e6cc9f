// `npm run bench:extract`: extraction speed on ../shared/pdfs/generated/big-ru-en-100p.pdf (pages
// per second, wall clock and CPU, median of --runs, each run in a fresh process after a warm-up)
// next to poppler's `pdftotext` on the same file in the same run, and the peak memory (RSS) of a
// fresh process extracting a 300-page PDF. The machine is shared: compare CPU times, and read the
// numbers as the medians they are.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { corpusDir, projectRoot, sharedDir } from '../../src/paths.js';
import { parsePaper, typeset, type Paper } from '../corpus-pdfs/typeset.js';
import { median } from './common.js';

export const BIG = join(sharedDir, 'pdfs', 'generated', 'big-ru-en-100p.pdf');
const BENCH_DIR = join(projectRoot, 'test-artifacts', 'bench');
export const LONG = join(BENCH_DIR, 'long-300p.pdf');
const LONG_PAGES = 300;
const PARAGRAPHS_PER_PAGE = 17;
const TARGET_RATIO = 3;
/** Timed runs in each fresh process, after its warm-up run. */
const RUNS_PER_PROCESS = 3;
const TARGET_RSS_MB = 500;

interface Timing {
  wallMs: number;
  cpuMs: number;
}


interface ChildResult {
  pages: number;
  wallMs: number[];
  cpuMs: number[];
  pdfjsCpuMs: number[];
  peakMb: number;
}

/**
 * Runs extract-child.ts in a fresh plain-node process: bundled with esbuild (tsx's dependency)
 * when it is there, so that neither tsx's loader nor its memory is measured; under tsx otherwise.
 */
function runChild(file: string, runs: number): ChildResult {
  const source = join(projectRoot, 'scripts', 'bench', 'extract-child.ts');
  const bundle = join(BENCH_DIR, 'extract-child.mjs');
  mkdirSync(BENCH_DIR, { recursive: true });
  const esbuild = join(projectRoot, 'node_modules', '.bin', 'esbuild');
  const built =
    existsSync(esbuild) &&
    spawnSync(esbuild, [source, '--bundle', '--platform=node', '--format=esm', '--packages=external', `--outfile=${bundle}`, '--log-level=error']).status === 0;
  const args = built ? [bundle, file, String(runs)] : ['--import', 'tsx', source, file, String(runs)];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: projectRoot });
  if (child.status !== 0) throw new Error(`extract-child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as ChildResult;
}

/** pdftotext's wall time, and its CPU time from the shell's `times` (children's user + system). */
function timePdftotext(file: string): Timing | null {
  const start = performance.now();
  const result = spawnSync('bash', ['-c', 'pdftotext "$0" /dev/null && times', file], { encoding: 'utf8' });
  const wallMs = performance.now() - start;
  if (result.status !== 0) return null;
  const children = result.stdout.trim().split('\n').pop() ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
  return { wallMs, cpuMs: seconds * 1000 };
}

/** A 300-page PDF typeset from the corpus papers, repeated. */
async function longPdf(): Promise<string> {
  if (existsSync(LONG)) return LONG;
  const papers = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort().map((f) => parsePaper(f, readFileSync(join(corpusDir, f), 'utf8')));
  const paragraphs: Paper['paragraphs'] = [];
  // Two columns of 9.5 pt take about 17 corpus paragraphs a page.
  for (let i = 0; paragraphs.length < LONG_PAGES * PARAGRAPHS_PER_PAGE; i++) paragraphs.push(...papers[i % papers.length]!.paragraphs);
  const { pdf, truth } = await typeset({ ...papers[0]!, paragraphs }, { columns: 2, order: 'columns', justify: true, bodySize: 9.5 });
  mkdirSync(BENCH_DIR, { recursive: true });
  writeFileSync(LONG, pdf);
  console.log(`generated ${LONG} (${truth.pages.length} pages)`);
  return LONG;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } } });
  const runs = Math.max(1, Number(values.runs));
  if (!existsSync(BIG)) {
    console.error(`skipping: ${BIG} not found (../shared is only on development machines and in CI)`);
    return;
  }
  // Runs alternate between the two tools so that both see the same load on the shared machine.
  const ours: Timing[] = [];
  const pdfjsCpu: number[] = [];
  const poppler: Timing[] = [];
  let pages = 0;
  for (let i = 0; i < runs; i++) {
    const child = runChild(BIG, RUNS_PER_PROCESS);
    pages = child.pages;
    child.wallMs.forEach((wallMs, j) => ours.push({ wallMs, cpuMs: child.cpuMs[j]! }));
    pdfjsCpu.push(...child.pdfjsCpuMs);
    const p = timePdftotext(BIG);
    if (p) poppler.push(p);
  }
  const wall = median(ours.map((t) => t.wallMs));
  const cpu = median(ours.map((t) => t.cpuMs));
  const popplerWall = poppler.length ? median(poppler.map((t) => t.wallMs)) : null;
  const popplerCpu = poppler.length ? median(poppler.map((t) => t.cpuMs)) : null;
  const rss = runChild(await longPdf(), 1);
  const result = {
    file: 'big-ru-en-100p.pdf',
    pages,
    runs,
    wallMs: Math.round(wall),
    cpuMs: Math.round(cpu),
    pagesPerSecond: Math.round((pages / wall) * 1000),
    pdftotextWallMs: popplerWall === null ? null : Math.round(popplerWall),
    pdftotextCpuMs: popplerCpu === null ? null : Math.round(popplerCpu),
    ratioWall: popplerWall ? Math.round((wall / popplerWall) * 100) / 100 : null,
    ratioCpu: popplerCpu ? Math.round((cpu / popplerCpu) * 100) / 100 : null,
    pdfjsAloneCpuMs: Math.round(median(pdfjsCpu)),
    pdfjsAloneRatioCpu: popplerCpu ? Math.round((median(pdfjsCpu) / popplerCpu) * 100) / 100 : null,
    targetRatio: TARGET_RATIO,
    long: { pages: rss.pages, peakRssMb: rss.peakMb, targetMb: TARGET_RSS_MB },
  };
  if (popplerWall === null) console.error('pdftotext not found: install poppler-utils (apt-get install -y poppler-utils) for the comparison');
  console.log(`extract: ${result.pagesPerSecond} pages/s (median ${result.wallMs} ms wall, ${result.cpuMs} ms CPU for ${pages} pages, ${runs} runs)`);
  console.log(`pdftotext: ${result.pdftotextWallMs} ms wall, ${result.pdftotextCpuMs} ms CPU; ratio ${result.ratioWall}× wall, ${result.ratioCpu}× CPU (target ≤ ${TARGET_RATIO}× per core)`);
  console.log(`pdf.js alone (text items, no layout): ${result.pdfjsAloneCpuMs} ms CPU, ${result.pdfjsAloneRatioCpu}× pdftotext`);
  console.log(`300-page PDF: peak RSS ${rss.peakMb} MB for ${rss.pages} pages (target ≤ ${TARGET_RSS_MB} MB)`);
  if (values.json) console.log(JSON.stringify(result));
}

// Run as a script (npm run bench:extract); all.ts imports the input paths only.
if (import.meta.url === pathToFileURL(process.argv[1]!).href) await main();
