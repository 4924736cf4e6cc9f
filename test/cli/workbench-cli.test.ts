// The command line as a researcher's script runs it (compiled, output piped): ingest reports every
// file's outcome (as JSON on request) with plain progress lines, a typo in a filter fails loudly,
// and the factor table has the export's columns, complete on request.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compiled, startNode } from '../../scripts/lib/processes.js';
import { corpusDir } from '../../src/paths.js';
import { FACTOR_TABLE_COLUMNS } from '../../src/services/factor-table-columns.js';
import { csvHeader, hasPython, readCsv } from '../support/python-csv.js';

const dataDir = mkdtempSync(join(tmpdir(), 'policylens-cli-'));
const env = { DATA_DIR: dataDir, SEED_CORPUS: 'false', WORKER_CONCURRENCY: '2', LOG_LEVEL: 'info', DATABASE_URL: undefined, REDIS_URL: undefined };
const papers = ['en-1-export-controls-semiconductors.txt', 'ru-1-sanctions-high-tech-exports.txt'].map((f) => join(corpusDir, f));
const empty = join(dataDir, 'empty.txt');
writeFileSync(empty, '');

async function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = startNode([compiled('src/cli/main.js'), ...args], env);
  let stdout = '';
  child.process.stdout!.on('data', (d: Buffer) => (stdout += d));
  const code = await child.exited;
  return { code, stdout, stderr: child.output().replace(stdout, '') };
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('policylens on the command line', () => {
  it('ingest reports each file (JSON on request), with plain progress lines and logs outside stdout', async () => {
    const first = await cli('ingest', ...papers, empty, '--collection', 'cli', '--json');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as { counts: Record<string, number>; files: { file: string; status: string; reason: string | null; id: string | null }[] };
    expect(report.counts).toEqual({ done: 2, rejected: 1 });
    expect(report.files.map((f) => f.file)).toEqual([...papers, empty]);
    expect(report.files[2]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^empty_file: /), id: null });
    expect(report.files[0]!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(first.stderr).toMatch(/^ingest: 3\/3 analyzing$/m);
    expect(first.stderr).toMatch(/"msg":"document analyzed"/);

    const again = await cli('ingest', ...papers);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Outcome: 2 skipped/);
    expect(again.stdout).toMatch(/^file +status +reason +id$/m);
    expect(again.stdout).toContain(`${papers[0]}  skipped  already done  ${report.files[0]!.id!.slice(0, 12)}`);
  }, 120_000);

  it('fails with the bad value and the valid ones for an unknown factor, collection, language or document', async () => {
    const cases: [string[], RegExp][] = [
      [['--factor', 'sanction'], /Unknown factor "sanction"; the codebook has .*\bsanctions\b/],
      [['--collection', 'clj'], /No collection "clj"; there are cli/],
      [['--language', 'de'], /Unknown language "de"; use ru, en/],
      [['--document', '0123456789ab'], /No document 0123456789ab/],
    ];
    for (const [args, message] of cases) {
      const run = await cli('factors', ...args);
      expect(run.code, args.join(' ')).not.toBe(0);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
    }
    expect((await cli('factors', '--stance', 'hostile')).code).not.toBe(0);
  }, 60_000);

  it.skipIf(!hasPython)('prints the export columns, every document × factor with --complete', async () => {
    const table = await cli('factors');
    expect(csvHeader(table.stdout)).toEqual([...FACTOR_TABLE_COLUMNS]);
    const exported = await cli('export', 'factors.csv');
    expect(table.stdout).toBe(exported.stdout);
    const complete = readCsv((await cli('factors', '--complete')).stdout);
    const codebook = readCsv((await cli('export', 'codebook.csv')).stdout);
    expect(complete).toHaveLength(2 * codebook.length);
    expect(complete.filter((r) => r.mentions !== '0')).toHaveLength(readCsv(table.stdout).length);
    const json = JSON.parse((await cli('factors', '--format', 'json', '--factor', 'sanctions')).stdout) as Record<string, unknown>[];
    expect(Object.keys(json[0]!)).toEqual(expect.arrayContaining([...FACTOR_TABLE_COLUMNS]));
  }, 60_000);

  it('prints a concordance aligned on the keyword', async () => {
    const run = await cli('kwic', 'санкции', '--sort', 'left', '--window', '4');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    // The keyword starts at the same column on every line.
    const columns = lines.map((l) => l.search(/  санкц/i));
    expect(new Set(columns).size).toBe(1);
    expect(run.stderr).toMatch(/\d+ line\(s\)/);
  }, 60_000);

  it('imports, lists and removes user lexicon factors, and reanalyzes the documents they make stale', async () => {
    const dictionary = join(dataDir, 'dictionary.yml');
    writeFileSync(dictionary, 'Export controls:\n  - export control*\n');
    const imported = await cli('lexicon', 'import', dictionary);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe('user:export_controls\tExport controls\texport control*\n');
    expect(imported.stderr).toMatch(/lexicon version factors@1:[0-9a-f]{12}\+user@1:[0-9a-f]{12}/);
    expect((await cli('lexicon', 'list')).stdout).toBe(imported.stdout);
    const stale = await cli('reanalyze', '--stale');
    expect(stale.stderr).toMatch(/^2 document\(s\) queued/m);
    const table = readCsv((await cli('export', 'factors.csv')).stdout);
    expect(table.some((r) => r.factor === 'user:export_controls')).toBe(true);
    const missing = await cli('lexicon', 'remove', 'export_controls');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/No user factor "export_controls" \(user factor ids start with "user:"\); the user lexicon has user:export_controls/);
    expect((await cli('lexicon', 'remove', 'user:export_controls')).code).toBe(0);
    expect((await cli('lexicon', 'list')).stdout).toBe('');
  }, 300_000);
});
