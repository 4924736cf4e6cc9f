// Opens the database: PostgreSQL when DATABASE_URL is set, otherwise SQLite under DATA_DIR.
// Both go through Kysely, so the repositories hold one set of queries for both.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Driver } from 'kysely';
import pg from 'pg';
import type { Dialect } from './dialect.js';
import { migrateToLatest } from './migrations/index.js';
import type { Database } from './schema.js';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoreOptions {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  /** Told when an idle PostgreSQL connection breaks (server restart); the pool reconnects by itself. */
  onPoolError?: (error: Error) => void;
}

// PostgreSQL returns BIGINT and NUMERIC as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export async function openStore(options: StoreOptions): Promise<Store> {
  const dialect: Dialect = options.databaseUrl ? 'postgres' : 'sqlite';
  const db = new Kysely<Database>({
    dialect: options.databaseUrl
      ? new PostgresDialect({ pool: openPgPool(options.databaseUrl, options.poolSize ?? 10, options.onPoolError) })
      : new SqliteDialectKeepingCause({ database: openSqlite(options.dataDir) }),
  });
  try {
    await migrateToLatest(db, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    dialect,
    ping: () => sql`select 1`.execute(db).then(() => true, () => false),
    close: () => db.destroy(),
  };
}

/**
 * SQLite rolls a transaction back by itself on SQLITE_FULL and some I/O errors; Kysely's ROLLBACK
 * then fails with "cannot rollback - no transaction is active", and that error would replace the
 * one that says what happened (a full disk).
 */
class SqliteDialectKeepingCause extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (...args: Parameters<Driver['rollbackTransaction']>) => {
      try {
        await rollback(...args);
      } catch (error) {
        if (!/no transaction is active/.test((error as Error).message)) throw error;
      }
    };
    return driver;
  }
}

function openPgPool(url: string, max: number, onError: (error: Error) => void = () => {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  // Without listeners, a connection's error (the server restarted) would crash the process: the
  // pool reports idle clients' errors, each client its own while checked out.
  pool.on('error', onError);
  pool.on('connect', (client) => {
    client.on('error', onError);
    // Queued ahead of the first query of whoever checks the connection out. jit: PolicyLens's
    // queries run in milliseconds, compiling a plan takes tens. synchronize_seqscans: a scan that
    // joins a concurrent one midway returns the rows in another order, and a query whose LIMIT has
    // no ORDER BY (search's candidates for ranking, SearchRepository.rankedPage) other rows.
    client.query('set jit = off; set synchronize_seqscans = off').catch(onError);
  });
  return pool;
}

/** The SQLite database's file name in the data folder. */
export const SQLITE_FILE = 'policylens.sqlite';

function openSqlite(dataDir: string): SQLite.Database {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new SQLite(join(dataDir, SQLITE_FILE));
  // WAL lets the API read while a worker writes; the busy timeout makes concurrent writers wait
  // instead of failing with SQLITE_BUSY.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('foreign_keys = ON');
  // Keeps the query planner's statistics current for the factor-table and search queries.
  sqlite.pragma('optimize = 0x10002');
  // SQLite's own lower() folds ASCII only; PostgreSQL's folds every script. The same query must
  // find «Санкции» for «санкции» on both, so SQLite gets JavaScript's.
  sqlite.function('lower', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value));
  return sqlite;
}
