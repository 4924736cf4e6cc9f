// Failures of the infrastructure (database, Redis, disk) rather than of a document or of our code:
// they pass, so whatever they interrupted is tried again when the service recovers, never failed.

/** Connection failures, PostgreSQL's shutdown/connection/resource classes, SQLite busy, full or I/O errors. */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOSPC', 'EDQUOT', 'EIO',
  '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', '53100', '53200', '53300',
  'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_CANTOPEN',
]);

/** ioredis and pg say it in words: a closed connection, Redis at maxmemory, a retry limit reached. */
const TRANSIENT_MESSAGE = /Connection is closed|Connection terminated|connection timeout|OOM command not allowed|Stream isn't writeable|max retries per request|Redis is (connecting|reconnecting|end|close)|database or disk is full|no space left on device/i;

export function isTransient(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  return TRANSIENT_CODES.has(code) || code.startsWith('SQLITE_IOERR') || TRANSIENT_MESSAGE.test(typeof e?.message === 'string' ? e.message : '');
}

/** The storage is full (SQLite, PostgreSQL or the file system): the operator must act. */
export function isStorageFull(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return ['SQLITE_FULL', 'ENOSPC', 'EDQUOT', '53100'].includes(String(e?.code)) || /database or disk is full|no space left on device/i.test(String(e?.message ?? ''));
}
