// vitest global setup: clears old reliability records before the run, prints the table after it.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { reliabilityDir, type ReliabilityRecord } from './reliability-log.js';

export function setup(): void {
  rmSync(reliabilityDir, { recursive: true, force: true });
}

export function teardown(): void {
  if (!existsSync(reliabilityDir)) return;
  const records = readdirSync(reliabilityDir)
    .filter((n) => n.endsWith('.json'))
    .map((n) => JSON.parse(readFileSync(join(reliabilityDir, n), 'utf8')) as ReliabilityRecord);
  if (!records.length) return;
  console.log('\nReliability');
  console.table(
    Object.fromEntries(
      records.map((r) => [
        r.suite,
        {
          inputs: r.inputs,
          faults: r.faults,
          submitted: r.submitted,
          done: r.done,
          'failed (reason: n)': Object.entries(r.failed).map(([k, v]) => `${k}: ${v}`).join(', ') || '-',
          duplicates: r.duplicates,
          lost: r.lost,
          notes: r.notes ?? '',
        },
      ]),
    ),
  );
}
