// What the `npm run bench` scripts share: repeated measurements reported as median/min/max, peak
// RSS of child processes (VmHWM from /proc), one readable table, and the JSON figures (`--json`
// prints one object on the last line, `--out FILE` writes it). Child processes and a free port
// come from scripts/lib/processes.ts, which the tests use too.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { childPids } from '../lib/processes.js';

/** One reported number: the median of its runs, with their min and max. */
export interface Figure {
  /** What was measured, e.g. "ingest: BullMQ, 2 workers". */
  name: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  /** The target, readable (e.g. "≥ 1.8"), and whether the median meets it. */
  target?: string;
  met?: boolean;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Target {
  text: string;
  met(value: number): boolean;
}
export const atMost = (limit: number): Target => ({ text: `≤ ${limit}`, met: (v) => v <= limit });
export const atLeast = (limit: number): Target => ({ text: `≥ ${limit}`, met: (v) => v >= limit });

/** A figure from the values of its runs (NaN values, i.e. runs that produced nothing, are left out). */
export function figure(name: string, unit: string, values: number[], target?: Target): Figure {
  const measured = values.filter((v) => Number.isFinite(v));
  const f: Figure = { name, unit, median: median(measured), min: Math.min(...measured), max: Math.max(...measured), runs: measured.length };
  if (target && measured.length) Object.assign(f, { target: target.text, met: target.met(f.median) });
  return f;
}

/** Runs `measure` `runs` times in turn and returns what each run returned. */
export async function repeat<T>(runs: number, measure: (run: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let run = 0; run < runs; run++) results.push(await measure(run));
  return results;
}

// ---------------------------------------------------------------------------------------------
// Peak RSS

/** The process's peak resident set size (VmHWM) in MB, or NaN once it has exited. */
export function peakRssMb(pid: number): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** CPU time (user + system, all threads) the process has used so far, in seconds, or NaN once it has exited. */
export function cpuSeconds(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces, hence the last ')'): utime is the 12th, stime the 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
/** USER_HZ: /proc counts CPU time in these ticks; 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS = 100;

/**
 * CPU time of a process and all its descendants, in seconds (NaN once it has exited): its own, its
 * children's that it has waited for (cutime + cstime: an analysis process that was replaced, a
 * PostgreSQL backend that ended), and recursively the children still running.
 */
export function treeCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
    return own + childPids(pid).reduce((sum, child) => sum + (treeCpuSeconds(child) || 0), 0);
  } catch {
    return NaN;
  }
}

/**
 * Follows a process's peak RSS (VmHWM) and the CPU time it uses from now on, until it exits: an
 * exited process can no longer be asked, so the last values read before the exit are kept.
 */
export class ProcessSampler {
  private peak = NaN;
  private cpu = NaN;
  private treeCpu = NaN;
  private readonly cpuAtStart: number;
  private readonly treeCpuAtStart: number;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number, intervalMs = 100) {
    this.cpuAtStart = cpuSeconds(pid) || 0;
    this.treeCpuAtStart = treeCpuSeconds(pid) || 0;
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  /** `cpuSeconds`: the process's own; `treeCpuSeconds`: with its descendants (analysis processes, tesseract). */
  sample(): ProcessSample {
    const rss = peakRssMb(this.pid);
    const cpu = cpuSeconds(this.pid);
    const tree = treeCpuSeconds(this.pid);
    if (Number.isFinite(rss)) this.peak = rss;
    if (Number.isFinite(cpu)) this.cpu = cpu - this.cpuAtStart;
    if (Number.isFinite(tree)) this.treeCpu = tree - this.treeCpuAtStart;
    return { peakRssMb: this.peak, cpuSeconds: this.cpu, treeCpuSeconds: this.treeCpu };
  }

  stop(): ProcessSample {
    clearInterval(this.timer);
    return this.sample();
  }
}

export interface ProcessSample {
  peakRssMb: number;
  cpuSeconds: number;
  treeCpuSeconds: number;
}

// ---------------------------------------------------------------------------------------------
// Output

const round = (v: number) => (Number.isFinite(v) ? (Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 100) / 100) : NaN);

export function printFigures(title: string, figures: Figure[]): void {
  console.log(`\n${title}`);
  const width = Math.max(...figures.map((f) => f.name.length), 10);
  console.log(`${'figure'.padEnd(width)}  ${'unit'.padEnd(9)} ${'median'.padStart(9)} ${'min'.padStart(9)} ${'max'.padStart(9)} runs  target`);
  for (const f of figures) {
    const verdict = f.target ? `${f.target} ${f.met ? 'met' : 'MISSED'}` : '';
    const cells = [f.median, f.min, f.max].map((v) => String(round(v)).padStart(9)).join(' ');
    console.log(`${f.name.padEnd(width)}  ${f.unit.padEnd(9)} ${cells} ${String(f.runs).padStart(4)}  ${verdict}`);
  }
}

/** `--json`: one JSON object on the last line of stdout, for `npm run bench` to read. */
export function printJson(data: unknown): void {
  console.log(JSON.stringify(data));
}

export function writeJson(file: string, data: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
}

/** The last line of a child's stdout that parses as JSON, or undefined. */
export function lastJsonLine(stdout: string): unknown {
  for (const line of stdout.trim().split('\n').reverse()) {
    if (!line.startsWith('{')) continue;
    try {
      return JSON.parse(line);
    } catch {
      // not the JSON line; keep looking
    }
  }
  return undefined;
}

/** A small deterministic PRNG (mulberry32): generated corpora are the same on every machine and run. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
