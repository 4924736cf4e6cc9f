// `npm run bench` (ingest part; alone: `tsx scripts/bench/ingest.ts`): end-to-end documents per
// minute of `policylens ingest` on a generated corpus of 10-page papers, half Russian and half
// English, in four modes — in-process (SQLite, WORKER_CONCURRENCY=2) with analysis processes (the
// default sandbox) and with threads (what the sandbox costs), and through BullMQ with 1 and with 2
// worker processes (PostgreSQL, WORKER_CONCURRENCY=1 each) — plus the whole pipeline of one paper
// (parse + analysis + store) on one core, the peak RSS of a worker on a long PDF, and this
// machine's ceiling for two processes: the analysis alone in one process and in two at once.
// CPU time per document is split by process (command, workers, analysis processes) with the
// servers' beside it: as root the benchmark starts a Redis and a PostgreSQL of its own
// (scripts/lib/private-services.ts), whose CPU time is then its alone. The workers' clock time per
// step (start of the attempt, analysis, saving) comes from their 'document analyzed' log lines.
// Runs the compiled program (`npm run build` first), as an operator would.
//
//   tsx scripts/bench/ingest.ts [--papers 1000] [--runs 1] [--modes inprocess,inprocess-thread,bullmq1,bullmq2]
//                               (diagnostics: bullmq1-nowait,bullmq2-nowait)
//                               [--single 10] [--large-pages 300] [--ceiling 80] [--json]
//
// The PDFs are cached under test-artifacts/bench-corpus/ (not committed); each paper's bytes are
// distinct, so that no ingest skips a paper as already analyzed.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import PDFDocument from 'pdfkit';
import pg from 'pg';
import { documentId } from '../../src/analysis/document-id.js';
import { FINISHED_STATUSES } from '../../src/analysis/errors.js';
import { extract } from '../../src/analysis/extract/index.js';
import { analyze } from '../../src/analysis/index.js';
import { corpusDir, projectRoot } from '../../src/paths.js';
import { openStore } from '../../src/store/database.js';
import { DocumentsRepository } from '../../src/store/documents-repository.js';
import { ResultsRepository } from '../../src/store/results-repository.js';
import { createPgSchema, DATABASE_URL, removeQueueKeys, uniqueName, REDIS_URL } from '../lib/services.js';
import { privateServersUnavailable, startPrivatePostgres, startPrivateRedis, type PrivateServer } from '../lib/private-services.js';
import { compiled, freePort, startNode, stopChild, type Child } from '../lib/processes.js';
import { atLeast, atMost, cpuSeconds, figure, median, ProcessSampler, printFigures, printJson, seededRandom, treeCpuSeconds, type Figure, type ProcessSample } from './common.js';

export const BENCH_CORPUS_DIR = join(projectRoot, 'test-artifacts', 'bench-corpus');
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const PAPER_PAGES = 10;

// ---------------------------------------------------------------------------------------------
// Generated papers

interface Source {
  title: string;
  paragraphs: string[];
}

/** The team's sample papers by language: title and paragraphs (the author line left out). */
function sources(): Record<'ru' | 'en', Source[]> {
  const byLanguage: Record<'ru' | 'en', Source[]> = { ru: [], en: [] };
  for (const name of readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort()) {
    const [title = name, , ...paragraphs] = readFileSync(join(corpusDir, name), 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    byLanguage[name.startsWith('ru') ? 'ru' : 'en'].push({ title, paragraphs });
  }
  return byLanguage;
}


/**
 * Paper `index`: even ones Russian, odd ones English; one sample paper's title, then the
 * paragraphs of the language's sample papers in a seeded order, repeated until `pages` pages are
 * full. The numbered title makes every paper's bytes (and so its sha256) distinct.
 */
export async function makePaper(index: number, pages: number): Promise<Buffer> {
  const rand = seededRandom(index + 1);
  const pool = sources()[index % 2 === 0 ? 'ru' : 'en'];
  const lead = pool[index % pool.length]!;
  const paragraphs = pool.flatMap((s) => s.paragraphs);
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${lead.title} (${index})`, CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  let page = 1;
  doc.on('pageAdded', () => page++);
  doc.font(FONT).fontSize(15).text(`${lead.title} (${index})`, { paragraphGap: 12 });
  doc.fontSize(10.5);
  const bottom = doc.page.height - doc.page.margins.bottom;
  for (;;) {
    const text = paragraphs[Math.floor(rand() * paragraphs.length)]!;
    // On the last page, stop before a paragraph that would flow onto one more page.
    if (page === pages && doc.y + doc.heightOfString(text, { align: 'justify' }) > bottom) break;
    doc.text(text, { align: 'justify', paragraphGap: 6 });
    if (page > pages) throw new Error('a paragraph longer than a page');
  }
  doc.end();
  return done;
}

/** The first `papers` papers of the bench corpus, generated once and cached; returns their folder. */
export async function benchCorpus(papers: number): Promise<string> {
  const dir = join(BENCH_CORPUS_DIR, `${PAPER_PAGES}-pages`);
  mkdirSync(dir, { recursive: true });
  let made = 0;
  for (let i = 0; i < papers; i++) {
    const path = join(dir, paperName(i));
    if (existsSync(path)) continue;
    writeFileSync(path, await makePaper(i, PAPER_PAGES));
    if (++made % 50 === 0) console.error(`  generated ${made} papers`);
  }
  if (made) console.error(`generated ${made} papers of ${PAPER_PAGES} pages into ${dir}`);
  return dir;
}

const paperName = (i: number) => `paper-${String(i).padStart(5, '0')}.pdf`;

/** A folder holding exactly the first `papers` papers (symlinks into the cache), for one ingest. */
function corpusOf(papers: number, cache: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'policylens-bench-papers-'));
  for (let i = 0; i < papers; i++) symlinkSync(join(cache, paperName(i)), join(dir, paperName(i)));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------------------------
// Ingest runs

export interface IngestRun {
  seconds: number;
  docsPerMinute: number;
  done: number;
  /** Peak RSS of each process that analyzed (the CLI in-process, else each worker), MB. */
  peakRssMb: number[];
  /** CPU time of the CLI and the workers with their analysis processes, per document, ms (PostgreSQL and Redis not counted). */
  cpuMsPerDoc: number;
  /** Where that CPU time went, and the servers' beside it, per document, ms (NaN: not measured). */
  cpu: CpuBreakdown;
  /** Median clock time of a worker's steps per document, ms (BullMQ modes: from the workers' log lines). */
  steps: Record<string, number>;
}

export interface CpuBreakdown {
  /** The ingest command's own process: reading files, storing them, queueing, waiting (in-process also the results). */
  cli: number;
  /** The BullMQ worker processes themselves: queue, database client, messages to and from the analysis. */
  workers: number;
  /** The analysis processes (with ANALYSIS_ISOLATION=thread the analysis is inside its process's own figure). */
  analysis: number;
  postgres: number;
  redis: number;
}

/** Redis and PostgreSQL for the BullMQ modes, with the pids whose CPU time is theirs alone (undefined: shared servers, not counted). */
interface Servers {
  redisUrl: string;
  databaseUrl: string;
  redisPid?: number;
  postgresPid?: number;
  stop(): Promise<void>;
}

/**
 * A Redis and a PostgreSQL of the benchmark's own when this machine allows (root: see
 * scripts/lib/private-services.ts), so that their CPU time per document is the benchmark's only;
 * otherwise the shared ones, and the servers' CPU is not reported.
 */
async function benchServers(): Promise<Servers> {
  const unavailable = privateServersUnavailable();
  if (unavailable) {
    console.error(`ingest: the servers' CPU time is not measured (${unavailable}); using ${REDIS_URL} and ${DATABASE_URL}`);
    return { redisUrl: REDIS_URL, databaseUrl: DATABASE_URL, stop: async () => {} };
  }
  const redis = await startPrivateRedis({ hosts: ['127.0.0.1'], port: await freePort() });
  const postgres = await startPrivatePostgres({ hosts: ['127.0.0.1'], port: await freePort() }).catch(async (error: Error) => {
    await redis.stop();
    throw error;
  });
  return {
    redisUrl: redis.url,
    databaseUrl: postgres.url,
    redisPid: redis.pid,
    postgresPid: postgres.pid,
    stop: async () => {
      await redis.stop();
      await postgres.stop();
    },
  };
}

let servers: Servers | undefined;
const theServers = () => {
  if (!servers) throw new Error('benchIngest starts the servers first');
  return servers;
};

/** CPU seconds the servers have used so far (NaN for shared servers). */
function serversCpu(): { postgres: number; redis: number } {
  const { postgresPid, redisPid } = theServers();
  return { postgres: postgresPid ? treeCpuSeconds(postgresPid) : NaN, redis: redisPid ? cpuSeconds(redisPid) : NaN };
}

/** Medians of the step times the workers logged with each analyzed document (AnalysisService). */
function stepMedians(workers: Child[]): Record<string, number> {
  const byStep = new Map<string, number[]>();
  for (const worker of workers) {
    for (const line of worker.output().split('\n')) {
      if (!line.includes('"document analyzed"')) continue;
      try {
        const { steps } = JSON.parse(line) as { steps?: Record<string, number> };
        for (const [step, ms] of Object.entries(steps ?? {})) byStep.set(step, [...(byStep.get(step) ?? []), ms]);
      } catch {
        // not a log line
      }
    }
  }
  return Object.fromEntries([...byStep].map(([step, values]) => [step, median(values)]));
}

const CLI = () => compiled('src/cli/main.js');
const WORKER = () => compiled('workers/analyze.js');
/** Variables of the caller's shell that would change the mode (set again explicitly below). */
const CLEAN_ENV = { REDIS_URL: undefined, DATABASE_URL: undefined, QUEUE_PREFIX: undefined, WORKER_CONCURRENCY: undefined, ANALYSIS_ISOLATION: undefined };

/**
 * Runs `policylens ingest <dir>` and checks that every paper ended `done`. `workers` are the
 * BullMQ worker processes that analyze (none in-process, where the CLI itself analyzes).
 * `awaitDone` (BullMQ only): run `ingest --no-wait` and wait for the documents here instead, by
 * asking PostgreSQL every 200 ms — the workers' throughput without the CLI's own waiting.
 */
async function timeIngest(
  dir: string,
  papers: number,
  env: Record<string, string | undefined>,
  workers: Child[],
  awaitDone?: () => Promise<number>,
): Promise<IngestRun> {
  const serversBefore = workers.length ? serversCpu() : undefined;
  const started = performance.now();
  const cli = startNode([CLI(), 'ingest', dir, '--json', ...(awaitDone ? ['--no-wait'] : [])], { ...CLEAN_ENV, LOG_LEVEL: 'warn', ...env });
  const samplers = [cli, ...workers].map((c) => new ProcessSampler(c.pid));
  const code = await cli.exited;
  if (code !== 0) throw new Error(`ingest exited with ${code}:\n${cli.output().slice(-3000)}`);
  const done = awaitDone ? await awaitDone() : Number(/"done":\s*(\d+)/.exec(cli.output())?.[1] ?? 0);
  const seconds = (performance.now() - started) / 1000;
  const samples = samplers.map((s) => s.stop());
  const serversAfter = workers.length ? serversCpu() : undefined;
  const peaks = samples.map((s) => s.peakRssMb);
  if (done !== papers) console.error(`warning: ${done} of ${papers} papers done:\n${cli.output().slice(-2000)}`);
  const perDoc = (seconds: number) => (seconds * 1000) / Math.max(1, done);
  const [cliSample, ...workerSamples] = samples as [ProcessSample, ...ProcessSample[]];
  const sum = (list: ProcessSample[], pick: (s: ProcessSample) => number) => list.reduce((total, s) => total + pick(s), 0);
  const own = sum(workerSamples, (s) => s.cpuSeconds);
  const withAnalysis = sum(samples, (s) => s.treeCpuSeconds);
  return {
    seconds,
    docsPerMinute: (done / seconds) * 60,
    done,
    peakRssMb: workers.length ? peaks.slice(1) : peaks.slice(0, 1),
    cpuMsPerDoc: perDoc(withAnalysis),
    cpu: {
      cli: perDoc(cliSample.cpuSeconds),
      workers: workers.length ? perDoc(own) : NaN,
      analysis: perDoc(withAnalysis - cliSample.cpuSeconds - own),
      postgres: serversBefore && serversAfter ? perDoc(serversAfter.postgres - serversBefore.postgres) : NaN,
      redis: serversBefore && serversAfter ? perDoc(serversAfter.redis - serversBefore.redis) : NaN,
    },
    steps: stepMedians(workers),
  };
}

/** Waits until `papers` documents in the schema at `databaseUrl` have a final status; returns how many are `done`. */
async function finalDocuments(databaseUrl: string, papers: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ final: string; done: string }>(
        `select count(*) filter (where status = any($1)) as final, count(*) filter (where status = 'done') as done from documents`,
        [FINISHED_STATUSES],
      );
      if (Number(rows[0]!.final) >= papers) return Number(rows[0]!.done);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await client.end();
  }
}

export async function ingestInProcess(dir: string, papers: number, isolation: 'process' | 'thread' = 'process'): Promise<IngestRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'policylens-bench-data-'));
  try {
    return await timeIngest(dir, papers, { DATA_DIR: dataDir, WORKER_CONCURRENCY: '2', ANALYSIS_ISOLATION: isolation }, []);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Starts `workers` BullMQ worker processes on a queue prefix and PostgreSQL schema of their own,
 * hands them to `use`, then stops them and removes the keys and the schema.
 */
/** What a process needs to reach the workers' queue and database. */
export type WorkerEnv = { REDIS_URL: string; DATABASE_URL: string; QUEUE_PREFIX: string };

export async function withWorkers<T>(workers: number, use: (env: WorkerEnv, children: Child[]) => Promise<T>): Promise<T> {
  const { redisUrl, databaseUrl } = theServers();
  const schema = await createPgSchema(databaseUrl);
  const env: WorkerEnv = { REDIS_URL: redisUrl, DATABASE_URL: schema.url, QUEUE_PREFIX: uniqueName('bench') };
  const children: Child[] = [];
  try {
    // One at a time: the first one creates the tables.
    for (let i = 0; i < workers; i++) {
      const child = startNode([WORKER()], { ...CLEAN_ENV, ...env, WORKER_CONCURRENCY: '1', LOG_LEVEL: 'info' });
      children.push(child);
      await child.waitFor('worker started');
    }
    return await use(env, children);
  } finally {
    await Promise.all(children.map((c) => stopChild(c)));
    await removeQueueKeys(env.QUEUE_PREFIX, redisUrl);
    await schema.drop();
  }
}

export function ingestBullMq(dir: string, papers: number, workers: number, options: { cliWaits: boolean } = { cliWaits: true }): Promise<IngestRun> {
  return withWorkers(workers, (env, children) =>
    timeIngest(dir, papers, env, children, options.cliWaits ? undefined : () => finalDocuments(env.DATABASE_URL, papers)),
  );
}

// ---------------------------------------------------------------------------------------------
// One paper on one core, in this process

/** Clock and CPU time of one step, ms. */
interface StepTime {
  ms: number;
  cpuMs: number;
}

export interface SingleRun {
  parse: StepTime;
  analyze: StepTime;
  store: StepTime;
}

async function timed<T>(step: () => Promise<T>): Promise<[T, StepTime]> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await step();
  const used = process.cpuUsage(cpu);
  return [result, { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 }];
}

/**
 * Parse alone (extract), then the whole analysis (which parses again), then storing the document
 * and its results in SQLite — all on this thread. Whole pipeline = analysis + store. CPU time is
 * reported next to the clock, since other processes on a shared machine stretch the clock only.
 */
export async function singlePaper(dir: string, papers: number): Promise<SingleRun[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'policylens-bench-single-'));
  const store = await openStore({ dataDir, poolSize: 1 });
  const documents = new DocumentsRepository(store.db);
  const results = new ResultsRepository(store.db);
  const WARMUP = 2;
  const runs: SingleRun[] = [];
  try {
    for (let i = 0; i < WARMUP + papers; i++) {
      const filename = paperName(i);
      const bytes = new Uint8Array(readFileSync(join(dir, filename)));
      const [, parse] = await timed(() => extract(bytes, { filename }));
      const [result, analysis] = await timed(() => analyze(bytes, { filename }));
      const [, storing] = await timed(async () => {
        const id = documentId(bytes);
        await documents.insertIfAbsent({ id, filename, mediaType: 'application/pdf', bytes, collections: [] });
        await results.save(id, result);
      });
      if (i >= WARMUP) runs.push({ parse, analyze: analysis, store: storing });
    }
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// A worker on a long PDF

/** Peak RSS of one BullMQ worker (WORKER_CONCURRENCY=1) analyzing one `pages`-page paper. */
export async function workerOnLargePdf(pages: number): Promise<{ peakRssMb: number; seconds: number }> {
  const path = join(BENCH_CORPUS_DIR, `large-${pages}-pages.pdf`);
  if (!existsSync(path)) {
    mkdirSync(BENCH_CORPUS_DIR, { recursive: true });
    writeFileSync(path, await makePaper(0, pages));
  }
  const run = await withWorkers(1, (env, children) => timeIngest(path, 1, env, children));
  return { peakRssMb: run.peakRssMb[0]!, seconds: run.seconds };
}

// ---------------------------------------------------------------------------------------------
// This machine's ceiling: the analysis alone, in one process and in two at once

const CEILING_CHILD = join(projectRoot, 'scripts', 'bench', 'analysis-child.ts');
const CEILING_WARMUP = 20;

/**
 * Documents per minute of analyze() alone (no queue, no database) in `processes` processes at once,
 * each on papers of its own: how far two processes can scale on this machine whatever the rest of
 * PolicyLens does. Two busy cores of a virtual machine slow each other down (shared caches and
 * memory bandwidth, the host's other guests), so the ingest ratio is read against this one.
 */
async function analysisAlone(dir: string, papers: number, processes: number): Promise<number> {
  // Every child starts timing at the same moment, once all have loaded and warmed up.
  const startAt = Date.now() + 15_000;
  const children = Array.from({ length: processes }, (_, i) =>
    startNode(['--import', 'tsx', CEILING_CHILD, dir, String(i * (papers + CEILING_WARMUP)), String(papers), String(CEILING_WARMUP), String(startAt)], {}),
  );
  let docsPerMinute = 0;
  for (const child of children) {
    const code = await child.exited;
    const line = child.output().trim().split('\n').pop() ?? '';
    if (code !== 0) throw new Error(`analysis-child exited with ${code}:\n${child.output().slice(-2000)}`);
    const { docs, seconds } = JSON.parse(line) as { docs: number; seconds: number };
    docsPerMinute += (docs / seconds) * 60;
  }
  return docsPerMinute;
}

// ---------------------------------------------------------------------------------------------

const MODES = {
  inprocess: { label: 'in-process, 2 analysis processes', run: (dir: string, n: number) => ingestInProcess(dir, n, 'process') },
  'inprocess-thread': { label: 'in-process, 2 analysis threads', run: (dir: string, n: number) => ingestInProcess(dir, n, 'thread') },
  bullmq1: { label: 'BullMQ, 1 worker × 1', run: (dir: string, n: number) => ingestBullMq(dir, n, 1) },
  bullmq2: { label: 'BullMQ, 2 workers × 1', run: (dir: string, n: number) => ingestBullMq(dir, n, 2) },
  // Diagnostics (not run by default): `ingest --no-wait`, the bench waits for the documents itself.
  'bullmq1-nowait': { label: 'BullMQ, 1 worker × 1, ingest --no-wait', run: (dir: string, n: number) => ingestBullMq(dir, n, 1, { cliWaits: false }) },
  'bullmq2-nowait': { label: 'BullMQ, 2 workers × 1, ingest --no-wait', run: (dir: string, n: number) => ingestBullMq(dir, n, 2, { cliWaits: false }) },
} as const;
type Mode = keyof typeof MODES;
export const DEFAULT_MODES: Mode[] = ['inprocess', 'inprocess-thread', 'bullmq1', 'bullmq2'];

export interface IngestReport {
  papers: number;
  figures: Figure[];
}

const CPU_PARTS: [keyof CpuBreakdown, string][] = [
  ['cli', 'the ingest command'],
  ['workers', 'worker processes (queue, database client, messages)'],
  ['analysis', 'analysis processes'],
  ['postgres', "PostgreSQL server (the bench's own)"],
  ['redis', "Redis server (the bench's own)"],
];

/** Per mode: throughput, CPU per document and where it went, the workers' step times, peak RSS. */
function modeFigures(mode: Mode, runs: IngestRun[]): Figure[] {
  const label = `ingest ${MODES[mode].label}`;
  const figures = [
    figure(label, 'docs/min', runs.map((r) => r.docsPerMinute)),
    figure(`${label}: CPU per document (command + workers + analysis)`, 'ms', runs.map((r) => r.cpuMsPerDoc)),
  ];
  for (const [part, what] of CPU_PARTS) {
    const values = runs.map((r) => r.cpu[part]);
    if (values.some(Number.isFinite)) figures.push(figure(`${label}: CPU per document, ${what}`, 'ms', values));
  }
  for (const step of Object.keys(runs[0]!.steps)) {
    figures.push(figure(`${label}: worker step '${step}' per document (clock, median)`, 'ms', runs.map((r) => r.steps[step] ?? NaN)));
  }
  runs[0]!.peakRssMb.forEach((_, i) =>
    figures.push(figure(`${label}: peak RSS ${mode.startsWith('inprocess') ? 'of the CLI' : `of worker ${i + 1}`}`, 'MB', runs.map((r) => r.peakRssMb[i]!))),
  );
  return figures;
}

export async function benchIngest(options: { papers: number; runs: number; modes: Mode[]; single: number; largePages: number; ceiling: number }): Promise<IngestReport> {
  const cache = await benchCorpus(Math.max(options.papers, options.single + 2, 2 * (options.ceiling + CEILING_WARMUP)));
  const figures: Figure[] = [];
  const corpus = corpusOf(options.papers, cache);
  const byMode: Partial<Record<Mode, IngestRun[]>> = {};
  const ceilingOne: number[] = [];
  const ceilingTwo: number[] = [];
  servers = await benchServers();
  try {
    // Modes alternate within each round, and each round measures the ceiling too, so that a busy
    // spell on the shared machine lands on every figure of a round, whose ratios are then paired.
    for (let round = 0; round < options.runs; round++) {
      for (const mode of options.modes) {
        console.error(`ingest ${options.papers} papers: ${MODES[mode].label}, run ${round + 1}/${options.runs} (load ${loadavg()[0]!.toFixed(2)})`);
        const run = await MODES[mode].run(corpus.dir, options.papers);
        const parts = CPU_PARTS.filter(([part]) => Number.isFinite(run.cpu[part])).map(([part]) => `${part} ${run.cpu[part].toFixed(0)}`).join(', ');
        console.error(`  ${run.seconds.toFixed(1)} s, ${run.docsPerMinute.toFixed(0)} docs/min, ${run.cpuMsPerDoc.toFixed(0)} ms CPU/doc (${parts}), peak RSS ${run.peakRssMb.map((m) => m.toFixed(0)).join(' + ')} MB`);
        (byMode[mode] ??= []).push(run);
      }
      if (options.ceiling > 0) {
        console.error(`analysis alone, ${options.ceiling} papers per process: 1 process, then 2 at once (load ${loadavg()[0]!.toFixed(2)})`);
        ceilingOne.push(await analysisAlone(cache, options.ceiling, 1));
        ceilingTwo.push(await analysisAlone(cache, options.ceiling, 2));
      }
    }
  } finally {
    corpus.remove();
    await servers.stop();
    servers = undefined;
  }
  for (const mode of options.modes) figures.push(...modeFigures(mode, byMode[mode]!));

  // Ratios pair the runs of one round, which ran close together in time.
  const paired = (a: IngestRun[] | undefined, b: IngestRun[] | undefined, pick: (r: IngestRun) => number) => (a && b ? a.map((r, i) => pick(r) / pick(b[i]!)) : undefined);
  const throughput = (r: IngestRun) => r.docsPerMinute;
  const ceiling = ceilingOne.length ? ceilingTwo.map((t, i) => t / ceilingOne[i]!) : undefined;
  if (ceiling) {
    figures.push(
      figure('analysis alone, 1 process', 'docs/min', ceilingOne),
      figure('analysis alone, 2 processes', 'docs/min', ceilingTwo),
      figure("analysis alone, 2 processes / 1 (this machine's ceiling)", 'ratio', ceiling),
    );
  }
  const scaling = paired(byMode.bullmq2, byMode.bullmq1, throughput);
  if (scaling) {
    figures.push(figure('ingest 2 workers / 1 worker', 'ratio', scaling));
    if (ceiling) figures.push(figure('ingest 2 workers / 1 worker, as a share of the ceiling of the same round', 'ratio', scaling.map((r, i) => r / ceiling[i]!), atLeast(0.9)));
  }
  const versusInProcess = paired(byMode.bullmq2, byMode.inprocess, throughput);
  if (versusInProcess) figures.push(figure('ingest BullMQ 2×1 / in-process ×2', 'ratio', versusInProcess, atLeast(0.95)));
  const cpuVersus = paired(byMode.bullmq1, byMode.inprocess, (r) => r.cpuMsPerDoc);
  if (cpuVersus) figures.push(figure('CPU per document, BullMQ 1 worker / in-process (servers not counted: see their own figures)', 'ratio', cpuVersus, atMost(1.1)));
  const sandbox = paired(byMode.inprocess, byMode['inprocess-thread'], throughput);
  if (sandbox) figures.push(figure('sandbox: throughput with analysis processes / with threads (in-process ×2)', 'ratio', sandbox, atLeast(0.9)));
  const sandboxCpu = paired(byMode.inprocess, byMode['inprocess-thread'], (r) => r.cpuMsPerDoc);
  if (sandboxCpu) figures.push(figure('sandbox: CPU per document with analysis processes / with threads', 'ratio', sandboxCpu, atMost(1.1)));
  const noWait = paired(byMode['bullmq2-nowait'], byMode['bullmq1-nowait'], throughput);
  if (noWait) figures.push(figure('ingest --no-wait: 2 workers / 1 worker', 'ratio', noWait));

  if (options.single > 0) {
    console.error(`one paper on one core: ${options.single} papers`);
    const runs = await singlePaper(cache, options.single);
    for (const clock of [true, false]) {
      const pick = (step: StepTime) => (clock ? step.ms : step.cpuMs);
      const label = (what: string) => `one 10-page paper: ${what} (${clock ? 'clock' : 'CPU'})`;
      figures.push(
        figure(label('parse'), 'ms', runs.map((r) => pick(r.parse))),
        figure(label('parse + analysis'), 'ms', runs.map((r) => pick(r.analyze))),
        figure(label('store in SQLite'), 'ms', runs.map((r) => pick(r.store))),
        figure(label('whole pipeline'), 'ms', runs.map((r) => pick(r.analyze) + pick(r.store)), atMost(250)),
      );
    }
  }
  if (options.largePages > 0) {
    console.error(`one worker on a ${options.largePages}-page paper`);
    servers = await benchServers();
    try {
      // One run only: a long paper takes a minute or more on a shared machine.
      const run = await workerOnLargePdf(options.largePages);
      figures.push(
        figure(`worker on a ${options.largePages}-page PDF: peak RSS`, 'MB', [run.peakRssMb], atMost(500)),
        figure(`worker on a ${options.largePages}-page PDF: ingest time`, 's', [run.seconds]),
      );
    } finally {
      await servers.stop();
      servers = undefined;
    }
  }
  return { papers: options.papers, figures };
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const { values } = parseArgs({
    options: {
      papers: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '1' },
      modes: { type: 'string', default: DEFAULT_MODES.join(',') },
      single: { type: 'string', default: '10' },
      'large-pages': { type: 'string', default: '300' },
      ceiling: { type: 'string', default: '80' },
      json: { type: 'boolean', default: false },
    },
  });
  const modes = values.modes.split(',').filter(Boolean) as Mode[];
  for (const m of modes) if (!(m in MODES)) throw new Error(`--modes: unknown mode ${m} (${Object.keys(MODES).join(', ')})`);
  const report = await benchIngest({ papers: Number(values.papers), runs: Number(values.runs), modes, single: Number(values.single), largePages: Number(values['large-pages']), ceiling: Number(values.ceiling) });
  printFigures(`ingest: ${report.papers} papers of ${PAPER_PAGES} pages`, report.figures);
  if (values.json) printJson(report);
}
