// Real Redis and PostgreSQL for tests. Under CI=true a missing service fails the run loudly;
// elsewhere the tests that need it are skipped with a printed notice.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CI = process.env.CI === 'true';

async function reachable(name: string, probe: () => Promise<unknown>): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch (error) {
    const message = `${name} is not reachable: ${(error as Error).message}`;
    if (CI) throw new Error(`${message} — CI=true requires it (.ci/run starts it)`);
    console.warn(`NOTICE: ${message}; tests that need it are skipped`);
    return false;
  }
}

export const hasRedis = await reachable(`Redis at ${REDIS_URL}`, async () => {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
});

export const hasPostgres = await reachable(`PostgreSQL at ${DATABASE_URL}`, async () => {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 2000 });
  await client.connect();
  await client.end();
});

/** Tesseract with its Russian and English models, for OCR of scanned pages (.ci/run installs it). */
export const hasTesseract = await reachable('tesseract with the rus and eng models', async () => {
  const { stdout, stderr } = await promisify(execFile)('tesseract', ['--list-langs']);
  const languages = `${stdout}${stderr}`.split(/\s+/);
  if (!languages.includes('rus') || !languages.includes('eng')) throw new Error('the rus or eng model is missing');
});

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/**
 * A PostgreSQL schema of its own for one test file: the returned URL puts it first on the
 * search_path, and drop() removes it with everything in it.
 */
export async function createPgSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = uniqueName('pltest');
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

/** Removes every Redis key under a BullMQ prefix. */
export async function removeQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
