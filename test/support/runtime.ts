// Builds configurations and runtimes for tests: a temporary DATA_DIR, quiet logs, small limits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

export function testConfig(env: Record<string, string | undefined> = {}): Config & { cleanup(): void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'policylens-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, SEED_CORPUS: 'false', WORKER_CONCURRENCY: '2', PORT: '0', LOG_LEVEL: 'silent', ...env });
  return { ...config, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

export const silentLogger = () => createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
