// What a benchmark run ran on, printed and written with its figures so that two runs' numbers can be
// told apart later: the commit (and whether the tree had uncommitted changes), whether the compiled
// program (dist/, which the ingest, worker and API figures run) is older than the sources, the
// inputs' sha256, Node and the CPU, and the load average before and after. Figures taken at a load
// near or above the number of cores measure the other users of the machine as much as PolicyLens:
// compare ratios from one run, and CPU times, not clock times across runs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { projectRoot } from '../../src/paths.js';

export interface Provenance {
  commit: string;
  dirty: boolean;
  /** dist/ holds a compiled file older than its source (npm run build was not run after a change). */
  distStale: boolean;
  node: string;
  cpuModel: string;
  cores: number;
  /** 1, 5 and 15-minute load averages. */
  loadBefore: number[];
  loadAfter?: number[];
  /** sha256 of each input file (a folder: of its files' names and hashes, in order), by path from the project root. */
  inputs: Record<string, string>;
}

const git = (...args: string[]) => spawnSync('git', args, { cwd: projectRoot, encoding: 'utf8' }).stdout?.trim() ?? '';
const load = () => loadavg().map((l) => Math.round(l * 100) / 100);

export function startProvenance(): Provenance {
  return {
    commit: git('rev-parse', 'HEAD') || 'unknown',
    dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
    distStale: distStale(),
    node: process.version,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    loadBefore: load(),
    inputs: {},
  };
}

/** Records the load after the run and the inputs' hashes (generated inputs exist only once the benchmarks made them). */
export function finishProvenance(provenance: Provenance, inputs: string[]): Provenance {
  provenance.loadAfter = load();
  for (const path of inputs) if (existsSync(path)) provenance.inputs[relative(projectRoot, path)] = sha256Of(path);
  return provenance;
}

export function describeProvenance(p: Provenance): string {
  const lines = [
    `commit ${p.commit.slice(0, 12)}${p.dirty ? ' + uncommitted changes' : ''}${p.distStale ? '; dist/ is OLDER than src/ (run npm run build)' : ''}`,
    `node ${p.node}, ${p.cores} × ${p.cpuModel}`,
    `load average before ${p.loadBefore.join(' ')}${p.loadAfter ? `, after ${p.loadAfter.join(' ')}` : ''}${Math.max(p.loadBefore[0]!, p.loadAfter?.[0] ?? 0) >= p.cores / 2 ? ' — a busy machine: read ratios from this run and CPU times, not clock times' : ''}`,
  ];
  for (const [path, hash] of Object.entries(p.inputs)) lines.push(`input ${path}: sha256 ${hash.slice(0, 16)}…`);
  return lines.join('\n');
}

function sha256Of(path: string): string {
  const hash = createHash('sha256');
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) hash.update(`${name} ${sha256Of(join(path, name))}\n`);
  } else hash.update(readFileSync(path));
  return hash.digest('hex');
}

/** True when a compiled .js under dist/ is older than its .ts source. */
function distStale(): boolean {
  const dist = join(projectRoot, 'dist');
  if (!existsSync(dist)) return true;
  const stale = (dir: string): boolean =>
    readdirSync(join(projectRoot, dir), { withFileTypes: true }).some((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return stale(path);
      // Declaration files (.d.ts) compile to nothing.
      if (!entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) return false;
      const built = join(dist, path.replace(/\.ts$/, '.js'));
      return !existsSync(built) || statSync(built).mtimeMs < statSync(join(projectRoot, path)).mtimeMs;
    });
  return stale('src') || stale('workers');
}
