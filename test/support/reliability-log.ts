// The reliability suite records what it tried in test-artifacts/reliability/*.json; the global
// teardown (test/support/reliability-report.ts) prints them as one table at the end of the run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';

export interface ReliabilityRecord {
  suite: string;
  inputs: number;
  faults: number;
  submitted: number;
  done: number;
  failed: Record<string, number>;
  duplicates: number;
  lost: number;
  notes?: string;
}

export const reliabilityDir = join(projectRoot, 'test-artifacts', 'reliability');

export function recordReliability(record: ReliabilityRecord): void {
  mkdirSync(reliabilityDir, { recursive: true });
  writeFileSync(join(reliabilityDir, `${record.suite.replace(/\W+/g, '-')}.json`), JSON.stringify(record, null, 2));
}
