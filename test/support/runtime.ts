// Builds configurations and runtimes for tests: a temporary DATA_DIR, quiet logs, small limits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createApp } from '../../src/api/app.js';
import { apiSettings } from '../../src/roles/web.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';

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

/**
 * A runtime with its in-process analysis and the API on it, for supertest. `close()` stops them and
 * removes the DATA_DIR and, when given, the test's PostgreSQL schema.
 */
export async function startTestApp(
  env: Record<string, string | undefined> = {},
  database?: { drop(): Promise<void> },
): Promise<{ runtime: Runtime; app: ReturnType<typeof createApp>; close(): Promise<void> }> {
  const config = testConfig(env);
  const runtime = await createRuntime(config, { analyze: true, log: silentLogger() });
  const app = createApp(runtime.services, apiSettings(config), runtime.log);
  const close = async () => {
    await runtime.close();
    await database?.drop();
    config.cleanup();
  };
  return { runtime, app, close };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
