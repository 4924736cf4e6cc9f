// Real Redis and PostgreSQL for tests. Under CI=true a missing service fails the run loudly;
// elsewhere the tests that need it are skipped with a printed notice.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createPgSchema, DATABASE_URL, REDIS_URL } from '../../scripts/lib/services.js';

export { createPgSchema, DATABASE_URL, REDIS_URL, removeQueueKeys, uniqueName } from '../../scripts/lib/services.js';

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

/** poppler's pdftoppm, to turn a text PDF's pages into a scan for the OCR tests (.ci/run installs poppler-utils). */
export const hasPdftoppm = await reachable('pdftoppm (poppler-utils)', async () => {
  await promisify(execFile)('pdftoppm', ['-v']);
});

/** A store a suite runs on: SQLite always, PostgreSQL (a schema of its own) when it is reachable. */
export interface StoreSetup {
  name: 'sqlite' | 'postgres';
  enabled: boolean;
  /** The environment that points the app at this store, and how to drop what it made. */
  env: () => Promise<{ env: Record<string, string>; drop: () => Promise<void> }>;
}

export const STORE_SETUPS: StoreSetup[] = [
  { name: 'sqlite', enabled: true, env: async () => ({ env: {}, drop: async () => {} }) },
  {
    name: 'postgres',
    enabled: hasPostgres,
    env: async () => {
      const schema = await createPgSchema();
      return { env: { DATABASE_URL: schema.url, DATABASE_POOL_SIZE: '4' }, drop: () => schema.drop() };
    },
  },
];
