// Text shapes that made the analysis quadratic end within the time limit, `done` or `too_large`:
// every step is linear (or n log n) in its input, with sentences capped in length.
import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisError } from '../../src/analysis/errors.js';
import { AnalysisPool } from '../../src/sandbox/analysis-pool.js';
import { recordReliability } from '../support/reliability-log.js';

/** Each shape about 1 MB, what one upload may carry many times over. */
const shapes: Record<string, string> = {
  'one huge sentence of one word': 'sanctions '.repeat(100_000),
  'one huge Russian sentence': 'санкции и экспорт '.repeat(30_000),
  'a million short lines': 'a\n'.repeat(1_000_000),
  'short hyphenated lines': 'eco-\n'.repeat(200_000),
  'one word without spaces': 'sanctions'.repeat(110_000),
  'only punctuation': '.,;:!?-'.repeat(150_000),
  'soft hyphens at every line end': 'sanc\u00ad\n'.repeat(200_000),
};

// The limit is the test: a shape that is still quadratic ends `timeout`.
const TIME_LIMIT_MS = 60_000;

describe('pathological texts', () => {
  const pool = new AnalysisPool({ size: 1, timeoutMs: TIME_LIMIT_MS, memoryMb: 1536, isolation: 'process' });
  afterAll(() => pool.close());

  it('each ends done or too_large within the time limit', async () => {
    const outcomes: Record<string, string> = {};
    const seconds: Record<string, number> = {};
    for (const [name, text] of Object.entries(shapes)) {
      const started = Date.now();
      outcomes[name] = await pool.analyze(new TextEncoder().encode(text), { filename: `${name}.txt` }).then(
        () => 'done',
        (error) => (error instanceof AnalysisError ? error.code : String(error)),
      );
      seconds[name] = Math.round((Date.now() - started) / 100) / 10;
    }
    console.log('pathological texts (s):', seconds, outcomes);
    for (const name of Object.keys(shapes)) expect(['done', 'too_large'], `${name}: ${outcomes[name]}`).toContain(outcomes[name]);
    const failed: Record<string, number> = {};
    for (const o of Object.values(outcomes)) if (o !== 'done') failed[o] = (failed[o] ?? 0) + 1;
    recordReliability({
      suite: 'pathological texts', inputs: Object.keys(shapes).length, faults: 0, submitted: Object.keys(shapes).length,
      done: Object.values(outcomes).filter((o) => o === 'done').length, failed, duplicates: 0, lost: 0,
      notes: `slowest ${Math.max(...Object.values(seconds))} s (limit ${TIME_LIMIT_MS / 1000} s)`,
    });
  }, 10 * 60_000);
});
