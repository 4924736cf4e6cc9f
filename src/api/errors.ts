// Every error leaves the API as JSON: { "error": { "code", "message" } } with a fitting status.
import type { ErrorRequestHandler } from 'express';
import multer from 'multer';
import { AnalysisError } from '../analysis/errors.js';
import type { Logger } from '../logger.js';
import { RequestError, type RequestErrorCode } from '../services/errors.js';
import { isStorageFull, isTransient } from '../services/transient-errors.js';

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
  if (isStorageFull(e)) {
    return new HttpError(503, 'storage_full', "The server's storage is full; nothing was stored. Try again later.", { 'Retry-After': '60' });
  }
  if (isTransient(e)) {
    return new HttpError(503, 'unavailable', 'The database is not reachable right now; nothing was stored. Try again shortly.', { 'Retry-After': '5' });
  }
  // busboy (under multer) rejects broken multipart bodies with plain Errors.
  if (/^(Malformed part header|Unexpected end of form|Multipart: Boundary not found|Malformed urlencoded form)/.test(e?.message ?? '')) {
    return new HttpError(400, 'malformed_multipart', `The upload is not a well-formed multipart form: ${e.message}.`);
  }
  const bodyError = e?.type ? bodyParserErrors[e.type] : undefined;
  if (bodyError) return new HttpError(bodyError.status, bodyError.code, bodyError.message);
  if (/^(Z_|ERR_BROTLI|ERR__?ZSTD)/.test(e?.code ?? '')) return new HttpError(400, 'bad_compression', 'The request body is not valid for its Content-Encoding.');
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return new HttpError(e.status, 'bad_request', e.message ?? 'Bad request.');
  return new HttpError(500, 'internal', 'Something went wrong on our side; the error was logged.');
}

/** body-parser's errors by type (its own message can name internals such as zlib). */
const bodyParserErrors: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': { status: 413, code: 'too_large', message: 'The request body is too large (counted after decompression); send large files as multipart/form-data.' },
  'entity.parse.failed': { status: 400, code: 'invalid_json', message: 'The request body is not valid JSON.' },
  'encoding.unsupported': { status: 415, code: 'unsupported_encoding', message: 'The Content-Encoding is not supported; use gzip, deflate, br or none.' },
  'charset.unsupported': { status: 415, code: 'unsupported_charset', message: 'The request charset is not supported; send UTF-8.' },
  'request.aborted': { status: 400, code: 'aborted', message: 'The request body ended before it was complete.' },
  'request.size.invalid': { status: 400, code: 'bad_length', message: 'The request body is not as long as its Content-Length says.' },
  'stream.not.readable': { status: 400, code: 'bad_request', message: 'The request body could not be read.' },
};

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
    // Name the cause (SQLITE_FULL, ENOSPC, 53100…): a wrapping error such as "cannot rollback" hides it.
    else if (http.code === 'storage_full') log.error({ code: (error as { code?: string }).code, err: (error as Error).message, url: req.originalUrl }, 'storage is full: upload refused');
    res.status(http.status).set(http.headers).json({ error: { code: http.code, message: http.message } });
  };
}
