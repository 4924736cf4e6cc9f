// Query-string parsing shared by the routes: anything malformed is a 400 with a readable message.
import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import { HttpError } from './errors.js';

export const paging = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

/** Values one list parameter may hold: each becomes an SQL parameter, and databases cap those. */
export const MAX_LIST_VALUES = 500;

/** A comma-separated or repeated parameter as a list of non-empty strings. */
export const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
  .refine((values) => values.length <= MAX_LIST_VALUES, `at most ${MAX_LIST_VALUES} values`)
  .optional();

/**
 * NUL can be in a URL (%00) but not in a PostgreSQL text value: refused up front for every route,
 * in the path and the query string alike.
 */
export function rejectNulBytes(): RequestHandler {
  return (req, _res, next) => {
    if (/%00/.test(req.originalUrl)) throw new HttpError(400, 'invalid_query', 'The URL contains a NUL character (%00).');
    next();
  };
}

/** A yes/no parameter: 1/true or 0/false (absent is no). */
export const flag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

export function parseQuery<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  const parsed = schema.safeParse(req.query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? '');
    const given = name in req.query ? `=${JSON.stringify(req.query[name])}` : '';
    throw new HttpError(400, 'invalid_query', `Query parameter ${issue?.path.join('.') || ''}${given}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
