// Configuration is read once from the environment, validated, and fails fast with a readable
// message naming the variable. Everything else receives a Config instead of reading process.env.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { LANGUAGES } from './analysis/languages/index.js';
import type { OcrOptions } from './analysis/types.js';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Connections per process to PostgreSQL. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
  /** Prefix of every BullMQ key in Redis; lets several deployments (or test runs) share one Redis. */
  QUEUE_PREFIX: z.string().min(1).default('policylens'),
  /** A worker's job lock lasts this long; a worker that died is noticed after about this time. */
  QUEUE_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  /** Seconds a worker waits for its running jobs on SIGTERM before it releases them to others. */
  SHUTDOWN_GRACE_S: z.coerce.number().min(0).default(30),
  /** Documents analyzed at the same time by one process (each in its own worker thread). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(availableParallelism()),
  /** How often a failing document is tried before it is marked failed. */
  JOB_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /** Seconds one document may take before its analysis is stopped. */
  ANALYSIS_TIMEOUT_S: z.coerce.number().positive().default(300),
  /**
   * Memory limit of one analysis in MB: the resident size of its child process (native allocations
   * included) with ANALYSIS_ISOLATION=process, the JavaScript heap of its thread with `thread`.
   */
  ANALYSIS_MEMORY_MB: z.coerce.number().int().min(64).default(1024),
  /**
   * Where an analysis runs: `process` (a child process per slot, killed as a whole when it exceeds
   * its memory or time, so a hostile file takes only its own document down) or `thread` (a worker
   * thread in this process: cheaper, but native memory is unbounded; kept to measure the cost).
   */
  ANALYSIS_ISOLATION: z.enum(['process', 'thread']).default('process'),
  /**
   * Key (32 bytes, base64) that encrypts stored PDF passwords; without it one is generated into
   * DATA_DIR. Set it when workers on several machines share one database.
   */
  PASSWORD_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
  /**
   * Tesseract languages for scanned pages ('' turns OCR off); used when `tesseract` is installed.
   * By default the models of every analyzed language (rus+eng: Russian papers quote English).
   */
  OCR_LANGUAGES: z
    .string()
    .regex(/^([a-z_]+(\+[a-z_]+)*)?$/, 'language codes joined by +, e.g. rus+eng')
    .default(LANGUAGES.map((p) => p.tesseract).join('+')),
  /** Scanned pages read by OCR per document at most: a page takes ~5 s, within ANALYSIS_TIMEOUT_S. */
  OCR_MAX_PAGES: z.coerce.number().int().min(0).default(30),
  /**
   * Tesseract threads per document: a scan's pages are read this many at a time, each Tesseract
   * single-threaded (its own OpenMP threads gain less than whole pages side by side). One per core.
   */
  OCR_THREADS: z.coerce.number().int().min(1).max(64).default(availableParallelism()),
  MAX_UPLOAD_MB: z.coerce.number().positive().default(50),
  MAX_FILES_PER_REQUEST: z.coerce.number().int().min(1).default(100),
  /**
   * A JSON upload's body, counted after inflating (gzip/deflate/br): far below V8's longest string.
   * Larger files go through multipart, which streams.
   */
  MAX_JSON_BODY_MB: z.coerce.number().positive().max(256).default(64),
  /** /api/health answers 503 when the disk holding DATA_DIR has less free space than this. */
  MIN_FREE_DISK_MB: z.coerce.number().min(0).default(100),
  /** Requests per minute from one client address (all routes). */
  RATE_LIMIT_PER_MIN: z.coerce.number().int().min(1).default(1200),
  /** Writes (uploads, reanalysis) per minute per API key, or per address without a key. */
  RATE_LIMIT_WRITES_PER_MIN: z.coerce.number().int().min(1).default(300),
  /** Require an API key for writes even on loopback (always required beyond loopback). */
  REQUIRE_API_KEY: flag.default(false),
  /** Ingest the sample papers in corpus/ when the database is empty. */
  SEED_CORPUS: flag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof schema> & { dataDir: string };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** What the analysis is told about OCR: nothing when it is turned off. */
export function ocrOptions(config: Pick<Config, 'OCR_LANGUAGES' | 'OCR_MAX_PAGES' | 'OCR_THREADS'>): OcrOptions | undefined {
  return config.OCR_LANGUAGES && config.OCR_MAX_PAGES > 0 ? { languages: config.OCR_LANGUAGES, maxPages: config.OCR_MAX_PAGES, threads: config.OCR_THREADS } : undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`PolicyLens configuration is invalid:\n${problems}`);
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.DATA_DIR) };
}
