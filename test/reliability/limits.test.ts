// A parse that takes too long or eats too much memory is stopped; the next document is analyzed.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisError } from '../../src/analysis/errors.js';
import { corpusDir } from '../../src/paths.js';
import { AnalysisPool } from '../../src/sandbox/analysis-pool.js';
import { oneLongLine } from '../support/garbage.js';
import { recordReliability } from '../support/reliability-log.js';

const paper = new Uint8Array(readFileSync(join(corpusDir, 'en-2-brain-drain-human-capital.txt')));
const corpus = readdirSync(corpusDir).filter((n) => n.endsWith('.txt')).map((n) => readFileSync(join(corpusDir, n), 'utf8')).join('\n\n');

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'done';
  } catch (error) {
    return error instanceof AnalysisError ? error.code : `unexpected: ${(error as Error).message}`;
  }
}

describe('analysis sandbox limits', () => {
  const pools: AnalysisPool[] = [];
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it('stops an analysis over the time limit with `timeout`, then analyzes the next paper', async () => {
    const pool = new AnalysisPool({ size: 1, timeoutMs: 1500, memoryMb: 1024 });
    pools.push(pool);
    const long = new TextEncoder().encode(corpus.repeat(60));
    expect(await outcome(pool.analyze(long, { filename: 'long.txt' }))).toBe('timeout');
    expect(await outcome(pool.analyze(paper, { filename: 'paper.txt' }))).toBe('done');
  });

  it('stops an analysis over the memory limit with `too_large`, then analyzes the next paper', async () => {
    const pool = new AnalysisPool({ size: 1, timeoutMs: 120_000, memoryMb: 256 });
    pools.push(pool);
    const big = new Uint8Array(oneLongLine(15 * 1024 * 1024));
    expect(await outcome(pool.analyze(big, { filename: 'big.txt' }))).toBe('too_large');
    expect(await outcome(pool.analyze(paper, { filename: 'paper.txt' }))).toBe('done');
    recordReliability({
      suite: 'time and memory limits', inputs: 4, faults: 2, submitted: 4, done: 2, failed: { timeout: 1, too_large: 1 }, duplicates: 0, lost: 0,
      notes: 'a 1.5 s limit and a 256 MB heap; the next paper is analyzed by a fresh thread',
    });
  });
});
