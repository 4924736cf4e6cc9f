// `npm run bench`: every benchmark, one readable table, and all figures as JSON (`--out FILE`).
// The benchmarks run as child processes (their own scripts, with --json where they have it);
// each figure is the median over repeated runs, with min and max. This script itself measures
// the peak RSS of the API (`policylens serve`, compiled) idle and after a burst of concurrent small
// uploads. `npm run build` first: the ingest, worker and API figures run the compiled program.
//
//   npm run bench [-- --quick] [--out FILE] [--only extract,ocr,nlp,api,search,ingest,queue,rss]
//                 [--runs N] [--papers N] [--api-documents N]
//
// The targets are printed next to their figures (met / MISSED). On a shared machine the
// clock figures are noisy; the ingest figures also report CPU time per document, which other
// processes do not inflate.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { projectRoot } from '../../src/paths.js';
import { DATABASE_URL, createPgSchema, removeQueueKeys, uniqueName, REDIS_URL } from '../lib/services.js';
import { compiled, freePort, startNode, stopChild } from '../lib/processes.js';
import { BIG as EXTRACT_INPUT, LONG as LONG_PDF } from './extract.js';
import { BENCH_CORPUS_DIR } from './ingest.js';
import { describeProvenance, finishProvenance, startProvenance } from './provenance.js';
import {
  atMost,
  figure,
  lastJsonLine,
  peakRssMb,
  printFigures,
  repeat,
  writeJson,
  type Figure,
} from './common.js';
import { structureLayoutFigures } from './structure.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    only: { type: 'string' },
    runs: { type: 'string' },
    papers: { type: 'string' },
    'api-documents': { type: 'string' },
  },
});

/**
 * Sizes. Full: the issue's, except the ingest corpus — 1,000 papers × 3 modes × 3 runs would take
 * about an hour on 2 cores, so 200 papers keep `npm run bench` near 20 minutes; the 1,000-paper
 * figures come from `tsx scripts/bench/ingest.ts` (1,000 papers, one run) or `--papers 1000`.
 * --quick: ten minutes or less on a busy machine.
 */
const SIZES = args.quick
  ? { runs: 1, papers: 20, single: 4, largePages: 300, ceiling: 20, apiDocuments: 1000, apiRequests: 20, queueJobs: 200, uploads: 500 }
  : { runs: 3, papers: 200, single: 10, largePages: 300, ceiling: 80, apiDocuments: 10_000, apiRequests: 60, queueJobs: 1000, uploads: 500 };
const RUNS = Number(args.runs ?? SIZES.runs);
const PAPERS = Number(args.papers ?? SIZES.papers);
const API_DOCUMENTS = Number(args['api-documents'] ?? SIZES.apiDocuments);
const API_RSS_TARGET_MB = 200;

const TSX = join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** The files the benchmarks read, hashed into the provenance (generated ones once they exist). */
const BENCH_INPUTS = [EXTRACT_INPUT, join(BENCH_CORPUS_DIR, '10-pages'), join(BENCH_CORPUS_DIR, 'large-300-pages.pdf'), LONG_PDF];

/** Runs `tsx scripts/bench/<name>.ts <args>` to the end; returns its stdout and stderr together. */
async function runScript(name: string, scriptArgs: string[]): Promise<string> {
  const script = join(projectRoot, 'scripts', 'bench', `${name}.ts`);
  if (!existsSync(script)) throw new Error(`scripts/bench/${name}.ts does not exist (yet)`);
  const started = performance.now();
  const child = startNode([TSX, script, ...scriptArgs], {}, { echoStderr: true });
  const code = await child.exited;
  console.error(`  ${name} ${scriptArgs.join(' ')}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (code !== 0) throw new Error(`scripts/bench/${name}.ts exited with ${code}:\n${child.output().slice(-2000)}`);
  return child.output();
}

/** What a report says about itself rather than measures: run counts, sizes, its own targets. */
const NOT_MEASURED = /^(runs|pages|target\w*)$/;

/** Every measured numeric leaf of a JSON report, by its path ("sqlite: search: p95"). */
function numericLeaves(value: unknown, path: string[] = []): Map<string, number> {
  const leaves = new Map<string, number>();
  if (typeof value === 'number' && !NOT_MEASURED.test(path.at(-1) ?? '')) leaves.set(path.join(': '), value);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) for (const [p, v] of numericLeaves(inner, [...path, key])) leaves.set(p, v);
  }
  return leaves;
}

/** Figures from repeated runs of a script that prints a JSON report: one figure per numeric leaf. */
async function repeatedJson(name: string, scriptArgs: string[], unitOf: (path: string) => string, targetOf?: (path: string) => ReturnType<typeof atMost> | undefined): Promise<Figure[]> {
  const reports = await repeat(RUNS, async () => {
    const report = lastJsonLine(await runScript(name, [...scriptArgs, '--json']));
    if (report === undefined) throw new Error(`scripts/bench/${name}.ts printed no JSON line`);
    return numericLeaves(report);
  });
  return [...reports[0]!.keys()].map((path) => figure(`${name} ${path}`, unitOf(path), reports.map((r) => r.get(path) ?? NaN), targetOf?.(path)));
}

// ---------------------------------------------------------------------------------------------
// The benchmarks

/** The unit a report's field name implies (wallMs, peakRssMb, pagesPerSecond, ratioCpu). */
function unitOf(path: string): string {
  if (/Ms$/.test(path)) return 'ms';
  if (/Mb$/.test(path)) return 'MB';
  if (/PerSecond$/.test(path)) return 'pages/s';
  if (/ratio/i.test(path)) return 'ratio';
  return '';
}

/** bench:extract's targets: a CPU-time ratio to pdftotext ≤ 3, peak RSS on 300 pages ≤ 500 MB. */
async function extractFigures(): Promise<Figure[]> {
  const target = (path: string) => (path === 'ratioCpu' ? atMost(3) : path.endsWith('peakRssMb') ? atMost(500) : undefined);
  // One timed run per child (after its own warm-up): the repetition is ours, for min and max.
  return repeatedJson('extract', ['--runs', '1'], unitOf, target);
}

/** bench:nlp has no --json: its verdict line is read instead. */
async function nlpFigures(): Promise<Figure[]> {
  const runs = await repeat(RUNS, async () => {
    const output = await runScript('nlp', []);
    const match = /total: ([\d,]+) words\/s\/core by CPU time \(([\d,]+) by the clock\)/.exec(output);
    if (!match) throw new Error(`bench:nlp printed no total line:\n${output.slice(-1000)}`);
    const number = (s: string) => Number(s.replaceAll(',', ''));
    return { cpu: number(match[1]!), clock: number(match[2]!) };
  });
  return [
    figure('nlp: words/s/core (CPU time)', 'words/s', runs.map((r) => r.cpu)),
    figure('nlp: words/s (clock)', 'words/s', runs.map((r) => r.clock)),
  ];
}

/** bench:api on one generated corpus kept across the runs (SQLite folder and PostgreSQL schema), removed at the end. */
async function apiFigures(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'policylens-bench-api-'));
  const schema = uniqueName('bench_api');
  try {
    const scriptArgs = ['--documents', String(API_DOCUMENTS), '--runs', String(SIZES.apiRequests), '--data-dir', dataDir, '--pg-schema', schema];
    return await repeatedJson('api', scriptArgs, () => 'ms', (path) => (/p95$/.test(path) ? atMost(50) : undefined));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}

/** A script that repeats its own runs and reports figures (ingest, queue). */
async function ownFigures(name: string, scriptArgs: string[]): Promise<Figure[]> {
  const report = lastJsonLine(await runScript(name, [...scriptArgs, '--json'])) as { figures?: Figure[] } | undefined;
  if (!report?.figures) throw new Error(`scripts/bench/${name}.ts printed no figures`);
  return report.figures;
}

const ingestFigures = () =>
  ownFigures('ingest', ['--papers', String(PAPERS), '--runs', String(RUNS), '--single', String(SIZES.single), '--large-pages', String(SIZES.largePages), '--ceiling', String(SIZES.ceiling)]);
const queueFigures = () => ownFigures('queue', ['--jobs', String(SIZES.queueJobs), '--runs', String(Math.max(RUNS, 3))]);

// ---------------------------------------------------------------------------------------------
// Peak RSS of the API

interface ApiRss {
  idleMb: number;
  loadedMb: number;
  accepted: number;
}

/**
 * Starts `policylens serve`, reads its peak RSS idle, sends `uploads` small text papers at once
 * (each its own request) and reads the peak again once they are stored — and, in-process, analyzed.
 * With Redis the API only stores and enqueues (no workers run); without it, it also analyzes.
 */
async function apiRss(mode: 'bullmq' | 'in-process', uploads: number): Promise<ApiRss> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'policylens-bench-serve-'));
  const schema = mode === 'bullmq' ? await createPgSchema() : undefined;
  const prefix = uniqueName('benchrss');
  const env = {
    PORT: String(port),
    DATA_DIR: dataDir,
    SEED_CORPUS: 'false',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MIN: '1000000',
    RATE_LIMIT_WRITES_PER_MIN: '1000000',
    REDIS_URL: schema ? REDIS_URL : undefined,
    DATABASE_URL: schema?.url,
    QUEUE_PREFIX: prefix,
    WORKER_CONCURRENCY: undefined,
  };
  const server = startNode([compiled('src/cli/main.js'), 'serve'], env);
  try {
    await server.waitFor('PolicyLens: http');
    const base = `http://127.0.0.1:${port}`;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idleMb = peakRssMb(server.pid);
    const responses = await Promise.all(
      Array.from({ length: uploads }, async (_, i) => {
        const form = new FormData();
        const text = `Upload ${i} of the RSS benchmark.\n\nSanctions restrict high-technology exports; the national innovation system (NIS) adapts through import substitution and new markets.`;
        form.append('files', new Blob([text], { type: 'text/plain' }), `upload-${i}.txt`);
        const response = await fetch(`${base}/api/documents`, { method: 'POST', body: form });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    const accepted = responses.filter((s) => s === 202).length;
    if (accepted < uploads) console.error(`  serve (${mode}): ${uploads - accepted} uploads not accepted: ${[...new Set(responses)].join(', ')}`);
    if (mode === 'in-process') await untilAnalyzed(base, accepted);
    return { idleMb, loadedMb: peakRssMb(server.pid), accepted };
  } finally {
    await stopChild(server);
    rmSync(dataDir, { recursive: true, force: true });
    if (schema) {
      await removeQueueKeys(prefix);
      await schema.drop();
    }
  }
}

async function untilAnalyzed(base: string, documents: number, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${base}/api/documents?status=done&limit=1`);
    const { total } = (await response.json()) as { total: number };
    if (total >= documents) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  console.error(`  serve (in-process): not all ${documents} uploads analyzed within ${timeoutMs / 1000} s; RSS read anyway`);
}

async function rssFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const mode of ['bullmq', 'in-process'] as const) {
    const runs = await repeat(RUNS, async () => {
      const run = await apiRss(mode, SIZES.uploads);
      console.error(`  serve (${mode}): idle ${run.idleMb.toFixed(0)} MB, after ${run.accepted} uploads ${run.loadedMb.toFixed(0)} MB`);
      return run;
    });
    const label = mode === 'bullmq' ? 'API (BullMQ: stores and enqueues)' : 'API (in-process analysis, 2 threads)';
    figures.push(
      figure(`${label}: peak RSS idle`, 'MB', runs.map((r) => r.idleMb), atMost(API_RSS_TARGET_MB)),
      figure(`${label}: peak RSS after ${SIZES.uploads} concurrent uploads`, 'MB', runs.map((r) => r.loadedMb), atMost(API_RSS_TARGET_MB)),
    );
  }
  return figures;
}

// ---------------------------------------------------------------------------------------------

const BENCHMARKS: Record<string, { title: string; run: () => Promise<Figure[]> }> = {
  extract: { title: 'extraction (bench:extract)', run: extractFigures },
  ocr: { title: 'OCR seconds per page (bench:ocr)', run: () => ownFigures('ocr', ['--runs', String(RUNS)]) },
  nlp: { title: 'analysis words/s (bench:nlp)', run: nlpFigures },
  structure: { title: 'structure step on a PDF (scripts/bench/structure.ts)', run: () => structureLayoutFigures(RUNS) },
  api: { title: `API latency, ${API_DOCUMENTS} documents (bench:api)`, run: apiFigures },
  search: { title: `search and KWIC latency, ${API_DOCUMENTS} papers of ~8,000 words (bench:search)`, run: () => ownFigures('search', ['--documents', String(API_DOCUMENTS)]) },
  ingest: { title: `ingest, ${PAPERS} papers of 10 pages`, run: ingestFigures },
  queue: { title: `queue overhead, ${SIZES.queueJobs} no-op jobs`, run: queueFigures },
  rss: { title: 'peak RSS of the API', run: rssFigures },
};

const chosen = args.only ? args.only.split(',') : Object.keys(BENCHMARKS);
for (const name of chosen) if (!(name in BENCHMARKS)) throw new Error(`--only: unknown benchmark ${name} (${Object.keys(BENCHMARKS).join(', ')})`);

const provenance = startProvenance();
console.error(describeProvenance(provenance));
const started = Date.now();
const results: Record<string, { title: string; figures: Figure[]; error?: string }> = {};
for (const name of chosen) {
  const { title, run } = BENCHMARKS[name]!;
  console.error(`${name}: ${title}`);
  try {
    results[name] = { title, figures: await run() };
  } catch (error) {
    // One benchmark that cannot run (a missing script, a service down) does not hide the others.
    console.error(`${name}: not measured — ${(error as Error).message}`);
    results[name] = { title, figures: [], error: (error as Error).message.split('\n')[0]! };
  }
}

finishProvenance(provenance, BENCH_INPUTS);
console.log(`\nnpm run bench${args.quick ? ' --quick' : ''}: ${RUNS} run(s) per figure unless the figure says otherwise; ${Math.round((Date.now() - started) / 1000)} s`);
console.log(describeProvenance(provenance));
for (const { title, figures, error } of Object.values(results)) {
  if (error) console.log(`\n${title}\nnot measured: ${error}`);
  else printFigures(title, figures);
}
if (args.out) {
  const out = resolve(args.out);
  writeJson(out, { date: new Date().toISOString(), quick: args.quick, runs: RUNS, seconds: Math.round((Date.now() - started) / 1000), provenance, results });
  console.log(`\nfigures written to ${out}`);
}
