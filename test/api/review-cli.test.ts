// `policylens review export|import` as an operator runs it (the compiled CLI, `npm run build` first)
// on a SQLite database where a paper was analyzed and reviewed: the export is the stored reviews,
// an edited file imports its good rows, lists the refused ones and exits with 1.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../src/paths.js';
import { createRuntime } from '../../src/runtime.js';
import { compiled, startNode } from '../../scripts/lib/processes.js';
import { silentLogger, testConfig } from '../support/runtime.js';

describe('policylens review export|import', () => {
  const config = testConfig();
  const env = { DATA_DIR: config.dataDir, SEED_CORPUS: 'false', LOG_LEVEL: 'silent', DATABASE_URL: undefined, REDIS_URL: undefined };
  const cli = async (...args: string[]) => {
    const child = startNode([compiled('src/cli/main.js'), 'review', ...args], env);
    return { code: await child.exited, output: child.output() };
  };

  beforeAll(async () => {
    const runtime = await createRuntime(config, { analyze: true, log: silentLogger() });
    const { document } = await runtime.services.documents.submit({ bytes: new Uint8Array(readFileSync(join(corpusDir, 'en-1-export-controls-semiconductors.txt'))), filename: 'en-1.txt' });
    await runtime.idle();
    const summary = (await runtime.services.documents.summary(document.id))!;
    const [f] = summary.factors;
    await runtime.services.reviews.submit(document.id, 'Anna', [{ verdict: 'reject', factor: f!.id, start: f!.evidence[0]!.start, note: '-a note that looks like a formula' }]);
    await runtime.close();
  }, 120_000);
  afterAll(() => config.cleanup());

  it('exports the reviews and imports an edited file, refusing the rows it cannot use', async () => {
    const file = join(config.dataDir, 'reviews.csv');
    expect((await cli('export', '-o', file)).code).toBe(0);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',reject,');
    const jsonl = await cli('export', '--format', 'jsonl');
    expect(JSON.parse(jsonl.output.trim())).toMatchObject({ verdict: 'reject', reviewer: 'Anna', note: '-a note that looks like a formula' });

    const second = lines[1]!.replace(/^[^,]+,/, 'second-review,').replace(',Anna,', ',Boris,').replace(',reject,', ',confirm,');
    const refused = lines[1]!.replace(/^[^,]+,/, 'bad-review,').replace(',reject,', ',maybe,');
    writeFileSync(file, [lines[0], second].join('\r\n') + '\r\n');
    const ok = await cli('import', file);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.output).toMatch(/1 review\(s\) stored, 0 refused/);
    writeFileSync(file, [lines[0], refused].join('\r\n') + '\r\n');
    const bad = await cli('import', file);
    expect(bad.code).toBe(1);
    expect(bad.output).toMatch(/row 2: "verdict" must be one of/);
    expect((await cli('export', '--format', 'jsonl')).output.trim().split('\n')).toHaveLength(2);
  }, 120_000);
});
