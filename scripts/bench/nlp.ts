// `npm run bench:nlp`: words per second per core of the language, sentence and token (with stems)
// steps on a ~1-million-word document made by repeating the seed paper and the sample corpus; then
// the whole analysis (abbreviations, factors and stance, candidates too) of a 10,000-word paper,
// timed after untimed warm-up runs, as in a worker that has been running for a while (the first,
// cold run is shown beside it).
// Everything runs on one thread, so words/s here is words/s per core. The machine may be shared,
// so each stage is timed both by the clock and by the process's CPU time (user + system, which
// also counts V8's helper threads); the verdict reads the CPU time, which other processes do not
// inflate.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { findAbbreviations, loadMorphology } from '../../src/analysis/abbreviations/index.js';
import { findCandidates } from '../../src/analysis/factors/candidates.js';
import { findFactorMentions } from '../../src/analysis/factors/index.js';
import { assignLanguages } from '../../src/analysis/language.js';
import { splitSentences } from '../../src/analysis/sentences.js';
import { readStructure } from '../../src/analysis/structure/index.js';
import { removeTextFurniture } from '../../src/analysis/structure/text-furniture.js';
import { tokenize } from '../../src/analysis/tokens.js';
import type { FactorMention, NormalizedDocument, Paragraph, SummaryAbbreviation, TextContext } from '../../src/analysis/types.js';
import { corpusDir, sharedDir } from '../../src/paths.js';
import { median } from './common.js';

export const TARGET_WORDS = 1_000_000;
const RUNS = 5;

/** A normalized document of about `targetWords` words: the source texts repeated, one paragraph per block. */
export function benchDocument(targetWords = TARGET_WORDS): { doc: NormalizedDocument; words: number } {
  const sources = sourceTexts();
  const sourceWords = sources.reduce((n, text) => n + countWords(text), 0);
  const copies = Math.max(1, Math.round(targetWords / sourceWords));
  let text = '';
  const paragraphs: Paragraph[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const source of sources) {
      for (const block of source.split(/\n\s*\n/)) {
        const trimmed = block.trim();
        if (!trimmed) continue;
        if (text) text += '\n\n';
        paragraphs.push({ start: text.length, end: text.length + trimmed.length, page: null, kind: 'body', language: 'und' });
        text += trimmed;
      }
    }
  }
  return { doc: { text, paragraphs }, words: copies * sourceWords };
}

function sourceTexts(): string[] {
  const seed = join(sharedDir, 'seeds', 'high-tech-exports-russia.ru-en.txt');
  const texts: string[] = [];
  try {
    texts.push(readFileSync(seed, 'utf8'));
  } catch {
    console.error(`skipping the seed paper: ${seed} not found (../shared is only on development machines)`);
  }
  for (const name of readdirSync(corpusDir).sort()) {
    if (name.endsWith('.txt')) texts.push(readFileSync(join(corpusDir, name), 'utf8'));
  }
  return texts;
}

function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** What the stages share: the document and what earlier stages computed from it. */
export interface BenchState {
  doc: NormalizedDocument;
  context?: TextContext;
  abbreviations?: SummaryAbbreviation[];
  mentions?: FactorMention[];
}

export interface Stage {
  name: string;
  run(state: BenchState): void;
}

/** The NLP stages of issue 4, in pipeline order. */
export const nlpStages: Stage[] = [
  { name: 'language', run: (state) => void assignLanguages(state.doc) },
  {
    name: 'sentences',
    run: (state) => {
      state.context = { doc: state.doc, sentences: splitSentences(state.doc), tokens: [] };
    },
  },
  {
    name: 'tokens + stems',
    run: (state) => {
      const context = state.context!;
      const { text, paragraphs } = state.doc;
      context.tokens = context.sentences.map((s) => tokenize(text, s.start, s.end, paragraphs[s.paragraph]!.language));
    },
  },
];

/**
 * The structure step on plain text (issue 15): running headers taken out of the text, then every
 * paragraph's zone and the bibliographic record. Budget: 1 ms per 1,000 words.
 */
export const structureStages: Stage[] = [
  { name: 'text furniture', run: (state) => void removeTextFurniture(state.doc.text) },
  {
    name: 'zones + record',
    run: (state) => {
      const { text, paragraphs } = state.doc;
      void readStructure(paragraphs.map((p) => ({ text: text.slice(p.start, p.end), page: null, relativeSize: null, footnote: false })), []);
    },
  },
];

export interface StageTiming {
  name: string;
  /** First run, by the clock: caches and JIT cold. */
  coldMs: number;
  /** Median of the later runs, by the clock. */
  medianMs: number;
  /** Median of the later runs, in CPU time. */
  medianCpuMs: number;
}

/**
 * Runs all stages `runs` times on fresh copies of the document and times each stage. The first
 * `warmup` runs are run untimed before them (the cold figure is still the very first run's).
 */
export function timeStages(doc: NormalizedDocument, stages: Stage[], runs = RUNS, warmup = 0, onTimedStart?: () => void): StageTiming[] {
  const wall = stages.map(() => [] as number[]);
  const cpu = stages.map(() => [] as number[]);
  for (let run = 0; run < warmup + runs; run++) {
    if (run === warmup) onTimedStart?.();
    const state: BenchState = { doc: { text: doc.text, paragraphs: doc.paragraphs.map((p) => ({ ...p })) } };
    stages.forEach((stage, i) => {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      stage.run(state);
      const used = process.cpuUsage(cpuStarted);
      wall[i]!.push(performance.now() - started);
      cpu[i]!.push((used.user + used.system) / 1000);
    });
  }
  // Without warm-up runs the first (cold) run is left out of the medians; with them, all the warm-up runs are.
  const timed = warmup ? warmup : 1;
  return stages.map((stage, i) => ({
    name: stage.name,
    coldMs: wall[i]![0]!,
    medianMs: median(wall[i]!.slice(timed)),
    medianCpuMs: median(cpu[i]!.slice(timed)),
  }));
}


export function printStageTable(words: number, timings: StageTiming[], targetWordsPerSecond?: number): void {
  const total: StageTiming = { name: 'total', coldMs: 0, medianMs: 0, medianCpuMs: 0 };
  for (const t of timings) {
    total.coldMs += t.coldMs;
    total.medianMs += t.medianMs;
    total.medianCpuMs += t.medianCpuMs;
  }
  const rate = (ms: number): number => Math.round(words / (ms / 1000));
  const rows: Record<string, Record<string, number>> = {};
  for (const t of [...timings, total]) {
    rows[t.name] = {
      'cold ms': Math.round(t.coldMs),
      'median ms': Math.round(t.medianMs),
      'median CPU ms': Math.round(t.medianCpuMs),
      'words/s (clock)': rate(t.medianMs),
      'words/s/core (CPU)': rate(t.medianCpuMs),
    };
  }
  console.table(rows);
  if (targetWordsPerSecond) {
    const perCore = rate(total.medianCpuMs);
    const verdict = perCore >= targetWordsPerSecond ? 'meets' : 'MISSES';
    console.log(`total: ${perCore.toLocaleString('en')} words/s/core by CPU time (${rate(total.medianMs).toLocaleString('en')} by the clock), ${verdict} the target of ${targetWordsPerSecond.toLocaleString('en')}`);
  }
}

/** The later stages of issue 6, after the NLP stages; they read what those left in the state. */
export const analysisStages: Stage[] = [
  ...nlpStages,
  { name: 'abbreviations', run: (state) => void (state.abbreviations = findAbbreviations(state.context!)) },
  { name: 'factors + stance', run: (state) => void (state.mentions = findFactorMentions(state.context!, state.abbreviations!)) },
  { name: 'candidates', run: (state) => void findCandidates(state.context!, state.mentions!) },
];

/** The main thread's garbage-collection pauses (clock time) between start() and stop(). */
function gcPauses(): { start(): void; stop(): Promise<number> } {
  const pauses: { at: number; ms: number }[] = [];
  let from = Infinity;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ at: entry.startTime, ms: entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    start() {
      from = performance.now();
    },
    async stop() {
      const to = performance.now();
      // GC entries are delivered asynchronously (not within the next setImmediate): let the pending ones arrive first.
      await new Promise((resolve) => setTimeout(resolve, 100));
      observer.disconnect();
      return pauses.filter((p) => p.at >= from && p.at < to).reduce((sum, p) => sum + p.ms, 0);
    },
  };
}

/** Whole-analysis budget for a 10,000-word paper, PDF parsing excluded (issue 6). */
const PAPER_WORDS = 10_000;
const PAPER_BUDGET_MS = 100;
/** A paper is small: more runs, so that the median is steady. */
const PAPER_RUNS = 30;
/**
 * Untimed runs before them. The figure is what one analysis costs a worker that has been running for
 * a while: its code JIT-compiled. In the first few dozen runs V8 still compiles (on helper threads,
 * which process.cpuUsage counts) and deoptimizes; that one-off cost of a new worker is printed
 * separately (the first run) instead of being spread over the median.
 */
const PAPER_WARMUP_RUNS = 50;

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const { doc, words } = benchDocument();
  console.log(`bench:nlp — ${words.toLocaleString('en')} words, ${doc.paragraphs.length.toLocaleString('en')} paragraphs, ${(doc.text.length / 1e6).toFixed(1)} M characters; ${RUNS} runs (median of runs 2–${RUNS})`);
  printStageTable(words, timeStages(doc, nlpStages), 300_000);
  console.log('\nstructure step on the same text (target: 1 ms per 1,000 words)');
  printStageTable(words, timeStages(doc, structureStages), 1_000_000);

  await loadMorphology();
  const paper = benchDocument(PAPER_WORDS);
  console.log(
    `\nwhole analysis of a ${paper.words.toLocaleString('en')}-word paper (no PDF parsing): median of ${PAPER_RUNS} runs after ${PAPER_WARMUP_RUNS} untimed ones,` +
      ' i.e. the cost in a worker that has been running for a while (cold: the first run of this process)',
  );
  const gc = gcPauses();
  const timings = timeStages(paper.doc, analysisStages, PAPER_RUNS, PAPER_WARMUP_RUNS, () => gc.start());
  printStageTable(paper.words, timings);
  const cpuMs = timings.reduce((sum, t) => sum + t.medianCpuMs, 0);
  const gcMs = (await gc.stop()) / PAPER_RUNS;
  console.log(`total: ${Math.round(cpuMs)} ms CPU per paper, ${cpuMs <= PAPER_BUDGET_MS ? 'meets' : 'MISSES'} the budget of ${PAPER_BUDGET_MS} ms; garbage collection pauses ~${gcMs.toFixed(1)} ms per paper (clock, included)`);
}
