// A seeded fuzzer: PDFs from ../shared/pdfs, mutated (bytes flipped, cut, chunks repeated or
// spliced from another file, numbers and operators replaced), analyzed in the sandbox for a fixed
// time budget. Every input must end with a status; none may kill its analysis process.
// FUZZ_SECONDS (default 120) bounds it, FUZZ_SEED (default 1) makes a run repeatable.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisError } from '../../src/analysis/errors.js';
import { projectRoot } from '../../src/paths.js';
import { AnalysisPool } from '../../src/sandbox/analysis-pool.js';
import { recordReliability } from '../support/reliability-log.js';
import { hasShared, sharedPath } from '../support/shared.js';

const BUDGET_S = Number(process.env.FUZZ_SECONDS ?? 120);
const SEED = Number(process.env.FUZZ_SEED ?? 1);
/** Seeds larger than this would spend the budget on a few inputs. */
const MAX_SEED_BYTES = 1_000_000;
const fuzzDir = join(projectRoot, 'test-artifacts', 'fuzz');

/** mulberry32: small, seeded, good enough to choose mutations. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Tokens a PDF parser trusts: replacing one drives it down paths the seeds never take. */
const TRUSTED = ['/Count', '/Length', '/Size', '/W', '/Index', '/Prev', '/Kids', '/Filter', '/DecodeParms', '/Width', '/Height', 'obj', 'endobj', 'stream', 'endstream', 'xref', 'startxref'];
const HOSTILE_VALUES = ['-1', '0', '2147483648', '99999999999', '-5', '1e308', 'NaN', '[]', '<<>>', '/FlateDecode', '[/FlateDecode /FlateDecode]', 'null', '(', '<', '1 0 R'];

function mutate(seed: Buffer, other: Buffer, rnd: () => number): Buffer {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
  const at = () => Math.floor(rnd() * seed.length);
  switch (Math.floor(rnd() * 6)) {
    case 0: {
      const out = Buffer.from(seed);
      for (let i = 0, n = 1 + Math.floor(rnd() * 64); i < n; i++) out[at()] = Math.floor(rnd() * 256);
      return out;
    }
    case 1:
      return seed.subarray(0, at());
    case 2: {
      const start = at();
      const chunk = seed.subarray(start, start + Math.floor(rnd() * 4096));
      const where = at();
      return Buffer.concat([seed.subarray(0, where), ...Array.from({ length: 1 + Math.floor(rnd() * 50) }, () => chunk), seed.subarray(where)]);
    }
    case 3: {
      const cut = at();
      return Buffer.concat([seed.subarray(0, cut), other.subarray(Math.floor(rnd() * other.length))]);
    }
    default: {
      const text = seed.toString('latin1');
      const token = pick(TRUSTED);
      const positions: number[] = [];
      for (let i = text.indexOf(token); i >= 0 && positions.length < 1000; i = text.indexOf(token, i + 1)) positions.push(i);
      if (!positions.length) return seed.subarray(0, at());
      const position = pick(positions) + token.length;
      const end = position + Math.floor(rnd() * 12);
      return Buffer.from(text.slice(0, position) + ' ' + pick(HOSTILE_VALUES) + ' ' + text.slice(end), 'latin1');
    }
  }
}

function seeds(): Buffer[] {
  return readdirSync(sharedPath('pdfs'))
    .flatMap((folder) => readdirSync(sharedPath('pdfs', folder)).map((name) => sharedPath('pdfs', folder, name)))
    .filter((path) => path.endsWith('.pdf') && statSync(path).size > 0 && statSync(path).size <= MAX_SEED_BYTES)
    .sort()
    .map((path) => readFileSync(path));
}

/** The n-th input of a seed's sequence (inputs are drawn one after another from one generator). */
function fuzzInput(seed: number, n: number, corpus: Buffer[]): Buffer {
  const rnd = random(seed);
  let input: Buffer = Buffer.alloc(0);
  for (let i = 0; i < n; i++) input = mutate(corpus[Math.floor(rnd() * corpus.length)]!, corpus[Math.floor(rnd() * corpus.length)]!, rnd);
  return input;
}

describe.skipIf(!hasShared).each(['process', 'thread'] as const)('fuzzer finds, kept as a regression (%s)', (isolation) => {
  const pool = new AnalysisPool({ size: 1, timeoutMs: 20_000, memoryMb: 512, isolation });
  afterAll(() => pool.close());

  it('a promise pdf.js rejects after a damaged document (seed 1, inputs 361–362) does not kill the runner', async () => {
    const corpus = seeds();
    for (const n of [361, 362]) {
      const outcome = await pool.analyze(new Uint8Array(fuzzInput(1, n, corpus)), { filename: `fuzz-${n}.pdf` }).then(
        () => 'done',
        (error) => (error instanceof AnalysisError ? error.code : 'unexpected'),
      );
      expect(outcome, `input ${n}`).not.toMatch(/crashed|internal|unexpected/);
    }
  });
});

describe.skipIf(!hasShared)(`fuzzed PDFs (seed ${SEED}, ${BUDGET_S} s)`, () => {
  const pool = new AnalysisPool({ size: 1, timeoutMs: 20_000, memoryMb: 512, isolation: 'process' });
  afterAll(() => pool.close());

  it('ends every mutated PDF with a status and never kills the analysis process', async () => {
    const corpus = seeds();
    const rnd = random(SEED);
    const outcomes: Record<string, number> = {};
    const crashes: string[] = [];
    const deadline = Date.now() + BUDGET_S * 1000;
    let tried = 0;
    while (Date.now() < deadline) {
      const input = mutate(corpus[Math.floor(rnd() * corpus.length)]!, corpus[Math.floor(rnd() * corpus.length)]!, rnd);
      tried++;
      let message = '';
      const outcome = await pool.analyze(new Uint8Array(input), { filename: `fuzz-${tried}.pdf` }).then(
        () => 'done',
        (error) => {
          message = String((error as Error).message).split('\n')[0]!;
          return error instanceof AnalysisError ? error.code : 'unexpected';
        },
      );
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      if (outcome === 'crashed' || outcome === 'internal' || outcome === 'unexpected') {
        // Kept for a rerun: test-artifacts/fuzz/seed-<seed>-input-<n>.pdf
        mkdirSync(fuzzDir, { recursive: true });
        writeFileSync(join(fuzzDir, `seed-${SEED}-input-${tried}.pdf`), input);
        crashes.push(`input ${tried}: ${outcome}: ${message}`);
      }
    }
    console.log(`fuzzed PDFs: seed ${SEED}, ${tried} inputs in ${BUDGET_S} s, outcomes ${JSON.stringify(outcomes)}, crashes ${crashes.length}`);
    const { done = 0, ...failed } = outcomes;
    recordReliability({
      suite: `fuzzed PDFs (seed ${SEED})`, inputs: tried, faults: tried, submitted: tried, done, failed, duplicates: 0, lost: 0,
      notes: `${BUDGET_S} s budget over ${corpus.length} seed PDFs; crashes (process died or internal error): ${crashes.length}`,
    });
    expect(crashes).toEqual([]);
  }, (BUDGET_S + 60) * 1000);
});
