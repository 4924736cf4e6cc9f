// What bench:api and bench:search share: the real app over HTTP on a store filled straight from a
// generator (the analysis is not run), the same requests on SQLite and on PostgreSQL (a schema of
// its own, dropped afterwards unless kept), and p50/p95 per probe, one request at a time.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Insertable, type Kysely } from 'kysely';
import pg from 'pg';
import { documentId } from '../../src/analysis/document-id.js';
import { createApp } from '../../src/api/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { apiSettings } from '../../src/roles/web.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import type { Database } from '../../src/store/schema.js';

export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The id of generated document i: as if its bytes were the text `bench-i`. */
export const syntheticId = (i: number) => documentId(new TextEncoder().encode(`bench-${i}`));

/** The row of generated document i, analysed. */
export function generatedDocument(i: number, facts: { language: string; words: number; sentences: number; year: number }): Insertable<Database['documents']> {
  const created = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  return {
    id: syntheticId(i), filename: `bench-${i}.pdf`, media_type: 'application/pdf', size_bytes: 100_000, status: 'done' as const, title: `Generated paper ${i}`,
    pages: 12, ...facts, error_code: null, error_message: null, lexicon_version: 'bench', pdf_password: null,
    attempts: 1, created_at: created, updated_at: created, enqueued_at: created, analyzed_at: created,
  };
}

export interface Probe {
  name: string;
  path: () => string;
}

export interface Timing {
  p50: number;
  p95: number;
  ok: boolean;
  /** CPU time of this process (server and client) per request, median: what other processes' load does not inflate. */
  cpuP50: number;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Each probe `warmup + runs` times in turn; the first `warmup` are not counted. */
export async function measure(base: string, probes: Probe[], options: { runs: number; warmup: number; targetP95Ms: number }): Promise<Record<string, Timing>> {
  const results: Record<string, Timing> = {};
  for (const probe of probes) {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < options.warmup + options.runs; run++) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const response = await fetch(base + probe.path());
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${probe.name}: HTTP ${response.status}`);
      if (run < options.warmup) continue;
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpuStarted);
      cpu.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    results[probe.name] = { p50: round(percentile(times, 50)), p95: round(p95), ok: p95 <= options.targetP95Ms, cpuP50: round(percentile(cpu, 50)) };
  }
  return results;
}

/**
 * Opens the store (a kept SQLite folder, or a temporary one), fills it with `generate` when it is
 * empty, gives it planner statistics, and serves the app while `use` runs.
 */
export async function withServedStore<T>(
  name: 'sqlite' | 'postgres',
  options: { env: Record<string, string>; keepDataDir?: string; generate(db: Kysely<Database>, dataDir: string): Promise<void> },
  use: (base: string) => Promise<T>,
): Promise<T> {
  const dataDir = options.keepDataDir ?? mkdtempSync(join(tmpdir(), 'policylens-bench-'));
  let runtime: Runtime | undefined;
  let server: Server | undefined;
  try {
    const config = loadConfig({ DATA_DIR: dataDir, SEED_CORPUS: 'false', WORKER_CONCURRENCY: '1', LOG_LEVEL: 'silent', ...options.env });
    runtime = await createRuntime(config, { analyze: false, log: createLogger('silent') });
    const started = Date.now();
    if ((await runtime.services.documents.count()) === 0) await options.generate(runtime.store.db, dataDir);
    // Planner statistics (and PostgreSQL's visibility map), as a database in use has them from
    // autovacuum or PRAGMA optimize; a freshly bulk-loaded one does not.
    await sql.raw(name === 'postgres' ? 'vacuum analyze' : 'analyze').execute(runtime.store.db);
    console.error(`${name}: ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const app = createApp(runtime.services, apiSettings(config), runtime.log);
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    return await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    if (server) await new Promise((resolve) => server!.close(resolve));
    await runtime?.close();
    if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs `use` with a DATABASE_URL whose search_path is `keep` (created if missing, kept) or a temporary schema. */
export async function withPgSchema<T>(prefix: string, keep: string | undefined, use: (url: string) => Promise<T>): Promise<T> {
  if (keep !== undefined && !/^[a-z_][a-z0-9_]*$/.test(keep)) throw new Error('--pg-schema: a lower-case SQL identifier');
  const schema = keep ?? `${prefix}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema if not exists ${schema}`);
  try {
    const url = new URL(DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return await use(url.toString());
  } finally {
    if (!keep) await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}
