// Reads CSV (and YAML) the way a pandas or R user's tools do: with Python's own csv and yaml
// modules, not with a parser of ours. Without python3 the tests that need it are skipped with a notice.
import { execFileSync } from 'node:child_process';

function probe(): boolean {
  try {
    execFileSync('python3', ['-c', 'import csv, json, yaml'], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn('NOTICE: python3 with its csv and yaml modules is not available; tests that parse exports with it are skipped');
    return false;
  }
}

export const hasPython = probe();

/** The CSV's records as Python's csv.DictReader reads the UTF-8 text (a BOM, if any, stays in the first header). */
export function readCsv(text: string): Record<string, string>[] {
  const script = 'import csv, json, sys, io\nprint(json.dumps(list(csv.DictReader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")))))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: text, maxBuffer: 256 * 1024 * 1024 }).toString()) as Record<string, string>[];
}

/** The header row of the CSV as Python reads it. */
export function csvHeader(text: string): string[] {
  const script = 'import csv, json, sys, io\nprint(json.dumps(next(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")))))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: text }).toString()) as string[];
}

/** A YAML document as Python's yaml.safe_load reads it. */
export function readYaml(text: string): unknown {
  const script = 'import json, sys, yaml\nprint(json.dumps(yaml.safe_load(sys.stdin.buffer.read().decode("utf-8"))))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: text }).toString());
}
