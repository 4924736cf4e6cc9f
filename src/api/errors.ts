// Every error leaves the API as JSON: { "error": { "code", "message" } } with a fitting status.
import type { ErrorRequestHandler } from 'express';
import multer from 'multer';
import { AnalysisError } from '../analysis/errors.js';
import type { Logger } from '../logger.js';
import { RequestError, type RequestErrorCode } from '../services/errors.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const analysisStatus: Partial<Record<AnalysisError['code'], number>> = {
  unsupported_media_type: 415,
  empty_file: 422,
};

const requestStatus: Record<RequestErrorCode, number> = {
  not_found: 404,
  ambiguous_id: 409,
  not_analyzed: 409,
  invalid_query: 400,
};

export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof RequestError) return new HttpError(requestStatus[error.code], error.code, error.message);
  if (error instanceof AnalysisError) return new HttpError(analysisStatus[error.code] ?? 422, error.code, error.message);
  if (error instanceof multer.MulterError) {
    const status = error.code === 'LIMIT_FILE_SIZE' || error.code === 'LIMIT_FILE_COUNT' ? 413 : 400;
    return new HttpError(status, error.code.toLowerCase(), multerMessage(error));
  }
  const e = error as { status?: number; type?: string; message?: string; code?: string };
  if (isDatabaseUnavailable(e)) {
    return new HttpError(503, 'unavailable', 'The database is not reachable right now; nothing was stored. Try again shortly.', { 'Retry-After': '5' });
  }
  // busboy (under multer) rejects broken multipart bodies with plain Errors.
  if (/^(Malformed part header|Unexpected end of form|Multipart: Boundary not found|Malformed urlencoded form)/.test(e?.message ?? '')) {
    return new HttpError(400, 'malformed_multipart', `The upload is not a well-formed multipart form: ${e.message}.`);
  }
  if (e?.type === 'entity.too.large') return new HttpError(413, 'too_large', 'The request body is too large.');
  if (e?.type === 'entity.parse.failed') return new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return new HttpError(e.status, 'bad_request', e.message ?? 'Bad request.');
  return new HttpError(500, 'internal', 'Something went wrong on our side; the error was logged.');
}

// Connection failures and PostgreSQL's shutdown/connection error classes (57P0x, 08xxx).
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

function isDatabaseUnavailable(e: { code?: string; message?: string }): boolean {
  return (e.code !== undefined && UNAVAILABLE_CODES.has(e.code)) || /Connection terminated|connection timeout|SQLITE_BUSY/i.test(e.message ?? '');
}

function multerMessage(error: multer.MulterError): string {
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return 'A file is larger than the upload limit.';
    case 'LIMIT_FILE_COUNT':
      return 'Too many files in one request.';
    case 'LIMIT_UNEXPECTED_FILE':
      return `Unexpected file field "${error.field}"; send files in the field "files".`;
    default:
      return error.message;
  }
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const http = toHttpError(error);
    if (http.status === 500) log.error({ err: error, method: req.method, url: req.originalUrl }, 'request failed');
    res.status(http.status).set(http.headers).json({ error: { code: http.code, message: http.message } });
  };
}
