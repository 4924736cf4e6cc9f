// Every error leaves the API as JSON: { "error": { "code", "message", "details"? } } with a fitting
// status: `code` for programs, `message` in the request's language (src/messages), `details` the
// values the message names (the bad value, the valid ones).
import type { ErrorRequestHandler } from 'express';
import multer from 'multer';
import { AnalysisError } from '../analysis/errors.js';
import type { Logger } from '../logger.js';
import { plainDetails, render, type Message, type MessageDetail, type MessageKey } from '../messages/index.js';
import { RequestError, type RequestErrorCode } from '../services/errors.js';
import { isStorageFull, isTransient } from '../services/transient-errors.js';
import { messageLanguage } from './language.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** What the user is told, written in their language when the response is. */
    readonly said: Message,
    readonly headers: Record<string, string> = {},
  ) {
    super(render('en', said));
  }
}

/** A message of the catalogue with its details. */
export function says(key: MessageKey, details?: Record<string, MessageDetail>): Message {
  return { key, details };
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
  if (error instanceof RequestError) return new HttpError(requestStatus[error.code], error.code, error.said);
  if (error instanceof AnalysisError) // The analysis' own account (which header is missing, how many characters) goes along as a detail.
    return new HttpError(analysisStatus[error.code] ?? 422, error.code, says(`analysis.${error.code}`, { detail: error.message }));
  if (error instanceof multer.MulterError) {
    const status = error.code === 'LIMIT_FILE_SIZE' || error.code === 'LIMIT_FILE_COUNT' ? 413 : 400;
    return new HttpError(status, error.code.toLowerCase(), multerMessage(error));
  }
  const e = error as { status?: number; type?: string; message?: string; code?: string };
  if (isStorageFull(e)) {
    return new HttpError(503, 'storage_full', says('server.storageFull'), { 'Retry-After': '60' });
  }
  if (isTransient(e)) {
    return new HttpError(503, 'unavailable', says('server.unavailable'), { 'Retry-After': '5' });
  }
  // busboy (under multer) rejects broken multipart bodies with plain Errors.
  if (/^(Malformed part header|Unexpected end of form|Multipart: Boundary not found|Malformed urlencoded form)/.test(e?.message ?? '')) {
    return new HttpError(400, 'malformed_multipart', says('body.malformedMultipart', { reason: e.message }));
  }
  const bodyError = e?.type ? bodyParserErrors[e.type] : undefined;
  if (bodyError) return new HttpError(bodyError.status, bodyError.code, bodyError.message);
  if (/^(Z_|ERR_BROTLI|ERR__?ZSTD)/.test(e?.code ?? '')) return new HttpError(400, 'bad_compression', says('body.badCompression'));
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return new HttpError(e.status, 'bad_request', says('body.badRequest'));
  return new HttpError(500, 'internal', says('server.internal'));
}

/** body-parser's errors by type (its own message can name internals such as zlib). */
const bodyParserErrors: Record<string, { status: number; code: string; message: Message }> = {
  'entity.too.large': { status: 413, code: 'too_large', message: says('body.tooLarge') },
  'entity.parse.failed': { status: 400, code: 'invalid_json', message: says('body.invalidJson') },
  'encoding.unsupported': { status: 415, code: 'unsupported_encoding', message: says('body.unsupportedEncoding') },
  'charset.unsupported': { status: 415, code: 'unsupported_charset', message: says('body.unsupportedCharset') },
  'request.aborted': { status: 400, code: 'aborted', message: says('body.aborted') },
  'request.size.invalid': { status: 400, code: 'bad_length', message: says('body.badLength') },
  'stream.not.readable': { status: 400, code: 'bad_request', message: says('body.unreadable') },
};

function multerMessage(error: multer.MulterError): Message {
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return says('upload.fileTooLarge');
    case 'LIMIT_FILE_COUNT':
      return says('upload.tooManyFiles');
    case 'LIMIT_UNEXPECTED_FILE':
      return says('upload.unexpectedField', { field: error.field });
    default:
      return says('body.malformedMultipart', { reason: error.message });
  }
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const http = toHttpError(error);
    if (http.status === 500) log.error({ err: error, method: req.method, url: req.originalUrl }, 'request failed');
    // Name the cause (SQLITE_FULL, ENOSPC, 53100…): a wrapping error such as "cannot rollback" hides it.
    else if (http.code === 'storage_full') log.error({ code: (error as { code?: string }).code, err: (error as Error).message, url: req.originalUrl }, 'storage is full: upload refused');
    const language = messageLanguage(req);
    res.status(http.status).set(http.headers).set('Content-Language', language).vary('Accept-Language').vary('Cookie');
    res.json({ error: { code: http.code, message: render(language, http.said), details: plainDetails(http.said) } });
  };
}
