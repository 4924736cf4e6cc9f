// What every `npm run eval:*` script shares: `--input FILE.jsonl` (repeatable) and `--json`,
// reading gold sets from ../shared/data when no input is given, and printing scores.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { sharedDir } from '../../src/paths.js';

export interface EvalArgs {
  /** Files given with --input; empty when the script should use its default gold sets. */
  inputs: string[];
  json: boolean;
  /** The script's own boolean options (see its header), by name. */
  flags: Set<string>;
}

/** `flags` names the boolean options the calling script accepts beside --input and --json. */
export function parseEvalArgs(argv = process.argv.slice(2), flags: readonly string[] = []): EvalArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      input: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      ...Object.fromEntries(flags.map((f) => [f, { type: 'boolean' as const, default: false }])),
    },
    allowPositionals: false,
  });
  const set = new Set(flags.filter((f) => (values as Record<string, unknown>)[f] === true));
  return { inputs: (values.input as string[] | undefined) ?? [], json: (values.json as boolean | undefined) ?? false, flags: set };
}

/** A gold set under ../shared/data, or null (with a notice) when ../shared is not there. */
export function sharedData(name: string): string | null {
  const path = join(sharedDir, 'data', name);
  if (existsSync(path)) return path;
  console.error(`skipping ${name}: ${path} not found (../shared is only on development machines and in CI)`);
  return null;
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line) as T;
      } catch (error) {
        throw new Error(`${path}:${i + 1}: not JSON (${(error as Error).message})`);
      }
    });
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: round4(precision), recall: round4(recall), f1: round4(f1), tp, fp, fn };
}

export function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Prints one row per set as a table, and with --json the whole result as one JSON line last. */
export function report(title: string, rows: Record<string, Record<string, unknown>>, args: EvalArgs): void {
  console.log(title);
  console.table(rows);
  if (args.json) console.log(JSON.stringify(rows));
}

export function setName(path: string): string {
  return basename(path).replace(/\.jsonl$/, '');
}
