// A parse that takes too long or eats too much memory is stopped; the next document is analyzed.
// Both isolation modes; the process mode also bounds native memory (pdf.js's typed arrays) and
// survives a runner killed from outside.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AnalysisError } from '../../src/analysis/errors.js';
import { corpusDir } from '../../src/paths.js';
import { AnalysisPool } from '../../src/sandbox/analysis-pool.js';
import { residentMb } from '../../src/sandbox/resident-memory.js';
import type { Isolation } from '../../src/sandbox/runners.js';
import { flateBombPdf, hugeImagePdf, oneLongLine } from '../support/garbage.js';
import { childPids } from '../../scripts/lib/processes.js';
import { recordReliability } from '../support/reliability-log.js';
import { waitFor } from '../support/runtime.js';
import { hasTesseract } from '../support/services.js';

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

/** The analysis child processes of this process (those running analysis-process). */
function analysisChildren(): number[] {
  return childPids('self').filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('analysis-process');
    } catch {
      return false;
    }
  });
}

// A thread's heap, or what a child process grows by over its loaded analysis.
const memoryMb: Record<Isolation, number> = { thread: 256, process: 256 };

describe.each(['thread', 'process'] as const)('analysis sandbox limits (%s)', (isolation) => {
  const pools: AnalysisPool[] = [];
  afterAll(() => Promise.all(pools.map((p) => p.close())));
  const pool = (options: { timeoutMs: number; memoryMb?: number }) => {
    const created = new AnalysisPool({ size: 1, memoryMb: memoryMb[isolation], isolation, ...options });
    pools.push(created);
    return created;
  };

  it('stops an analysis over the time limit with `timeout`, then analyzes the next paper', async () => {
    // Memory enough for the long text: only the time limit may stop it.
    const limited = pool({ timeoutMs: 1500, memoryMb: 1024 });
    const long = new TextEncoder().encode(corpus.repeat(60));
    expect(await outcome(limited.analyze(long, { filename: 'long.txt' }))).toBe('timeout');
    // A short text: on a loaded machine a whole paper may itself need more than 1.5 s.
    expect(await outcome(limited.analyze(new TextEncoder().encode('Sanctions pressure weakens exports.'), { filename: 'short.txt' }))).toBe('done');
  });

  it('stops an analysis over the memory limit with `too_large`, then analyzes the next paper', async () => {
    const limited = pool({ timeoutMs: 120_000 });
    const big = new Uint8Array(oneLongLine(15 * 1024 * 1024));
    expect(await outcome(limited.analyze(big, { filename: 'big.txt' }))).toBe('too_large');
    expect(await outcome(limited.analyze(paper, { filename: 'paper.txt' }))).toBe('done');
    recordReliability({
      suite: `time and memory limits (${isolation})`, inputs: 4, faults: 2, submitted: 4, done: 2, failed: { timeout: 1, too_large: 1 }, duplicates: 0, lost: 0,
      notes: `a 1.5 s limit and ${memoryMb[isolation]} MB; the next paper is analyzed by a fresh ${isolation}`,
    });
  });
});

describe('analysis sandbox: native memory (thread)', () => {
  const pools: AnalysisPool[] = [];
  afterEach(() => Promise.all(pools.splice(0).map((p) => p.close())));

  it('stops a FlateDecode bomb at the decoded-stream cap with `too_large`, no heap limit needed', async () => {
    // A heap limit does not see pdf.js's typed arrays: only the cap on a decoded stream bounds them.
    const threads = new AnalysisPool({ size: 1, timeoutMs: 120_000, memoryMb: memoryMb.thread, isolation: 'thread' });
    pools.push(threads);
    await outcome(threads.analyze(paper, { filename: 'paper.txt' }));
    const bomb = await flateBombPdf(1536);
    const before = residentMb(process.pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, residentMb(process.pid))), 20);
    const result = await outcome(threads.analyze(new Uint8Array(bomb), { filename: 'bomb.pdf' }));
    clearInterval(sampler);
    expect(result).toBe('too_large');
    // Uncapped, the buffer doubles to 2 GB; capped, it stops at 256 MB (plus the 128 MB it copies).
    expect(peak - before).toBeLessThan(768);
    expect(await outcome(threads.analyze(paper, { filename: 'paper.txt' }))).toBe('done');
    recordReliability({
      suite: 'FlateDecode bomb (thread)', inputs: 3, faults: 1, submitted: 3, done: 2, failed: { too_large: 1 }, duplicates: 0, lost: 0,
      notes: `${bomb.length} bytes → 1.5 GB; stopped at the 256 MB decoded-stream cap; process RSS grew ${Math.round(peak - before)} MB`,
    });
  });
});

/** This process's tesseract children with their state (R, S, Z = a zombie nobody waited for). */
function tesseractChildren(): { pid: number; state: string; reading: boolean }[] {
  return childPids('self').flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // A zombie has no command line left; a reading tesseract (not the --version probe) has --psm.
      const reading = readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--psm');
      return stat.includes('(tesseract)') ? [{ pid, state: stat.slice(stat.lastIndexOf(')') + 2)[0]!, reading }] : [];
    } catch {
      return [];
    }
  });
}

describe('analysis sandbox: OCR programs (thread)', () => {
  it.skipIf(!hasTesseract)('kills and reaps the tesseract of a thread that is stopped: no zombie', async () => {
    const threads = new AnalysisPool({ size: 1, timeoutMs: 120_000, memoryMb: 1024, isolation: 'thread' });
    const pdf = await hugeImagePdf(4000);
    // Closing the pool stops the thread; the task it held is left unsettled, as at shutdown.
    void threads.analyze(new Uint8Array(pdf), { filename: 'image.pdf', ocr: { languages: 'eng', maxPages: 1 } });
    const running = await waitFor('tesseract reading the page', async () => tesseractChildren().find((t) => t.reading), 60_000, 10);
    await threads.close();
    // Only the thread that started a program can wait for it; the pool must let it before terminating it.
    expect(tesseractChildren()).toEqual([]);
    recordReliability({
      suite: 'tesseract of a stopped thread', inputs: 1, faults: 1, submitted: 1, done: 0, failed: {}, duplicates: 0, lost: 0,
      notes: `the pool closed during OCR (its document left to the restart, as at shutdown); tesseract ${running.pid} killed with its thread and reaped (no zombie)`,
    });
  });
});

describe('analysis sandbox: native memory and crashes (process)', () => {
  // Each test finds its pool's process among this process's children: no other pool may be left.
  const pools: AnalysisPool[] = [];
  afterEach(() => Promise.all(pools.splice(0).map((p) => p.close())));
  const pool = () => {
    const created = new AnalysisPool({ size: 1, timeoutMs: 120_000, memoryMb: memoryMb.process, isolation: 'process' });
    pools.push(created);
    return created;
  };

  it('stops a FlateDecode bomb (1.5 GB of spaces in a few KB) with `too_large`, under the memory limit', async () => {
    const limited = pool();
    const bomb = await flateBombPdf(1536);
    expect(bomb.length).toBeLessThan(20_000);
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, ...analysisChildren().map(residentMb))), 20);
    const result = await outcome(limited.analyze(new Uint8Array(bomb), { filename: 'bomb.pdf' }));
    clearInterval(sampler);
    expect(result).toBe('too_large');
    expect(await outcome(limited.analyze(paper, { filename: 'paper.txt' }))).toBe('done');
    recordReliability({
      suite: 'FlateDecode bomb (process)', inputs: 2, faults: 1, submitted: 2, done: 1, failed: { too_large: 1 }, duplicates: 0, lost: 0,
      notes: `${bomb.length} bytes → 1.5 GB; child peak RSS seen ${Math.round(peak)} MB (loaded analysis + a ${memoryMb.process} MB limit; the 256 MB decoded-stream cap or the limit stops it)`,
    });
  });

  it('ends a document whose process is killed from outside with `crashed`; the next one is analyzed', async () => {
    const limited = pool();
    const long = limited.analyze(new TextEncoder().encode(corpus.repeat(30)), { filename: 'long.txt' });
    const [child] = await waitFor('the analysis process', async () => (analysisChildren().length ? analysisChildren() : undefined));
    process.kill(child!, 'SIGSEGV');
    expect(await outcome(long)).toBe('crashed');
    expect(await outcome(limited.analyze(paper, { filename: 'paper.txt' }))).toBe('done');
  });

  it.skipIf(!hasTesseract)('reads a page with a 20000 × 20000 px image within the memory limit', async () => {
    const limited = new AnalysisPool({ size: 1, timeoutMs: 120_000, memoryMb: memoryMb.process, isolation: 'process' });
    pools.push(limited);
    const pdf = await hugeImagePdf(20_000);
    const result = await outcome(limited.analyze(new Uint8Array(pdf), { filename: 'image.pdf', ocr: { languages: 'eng', maxPages: 1 } }));
    expect(['done', 'no_text_layer']).toContain(result);
    expect(await outcome(limited.analyze(paper, { filename: 'paper.txt' }))).toBe('done');
  });
});
