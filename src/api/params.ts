// Query-string parsing shared by the routes: anything malformed is a 400 with a readable message,
// in the request's language (zod's own texts in its locale, ours from the catalogue).
import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import { isMessageKey, render, type MessageLanguage } from '../messages/index.js';
import { HttpError, says } from './errors.js';
import { messageLanguage } from './language.js';

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
  .refine((values) => values.length <= MAX_LIST_VALUES, { message: 'query.tooManyValues', params: { max: MAX_LIST_VALUES } })
  .optional();

/**
 * NUL can be in a URL (%00) but not in a PostgreSQL text value: refused up front for every route,
 * in the path and the query string alike.
 */
export function rejectNulBytes(): RequestHandler {
  return (req, _res, next) => {
    if (/%00/.test(req.originalUrl)) throw new HttpError(400, 'invalid_query', says('query.nul'));
    next();
  };
}

/** A yes/no parameter: 1/true or 0/false (absent is no). */
export const flag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

/** `lang` chooses the language of the answer's messages on every route (./language.ts), so no route reads it. */
export function parseQuery<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  const { lang: _language, ...query } = req.query;
  const language = messageLanguage(req);
  const parsed = schema.safeParse(query, { error: zodLocales[language] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? '');
    const given = name in query ? `=${JSON.stringify(query[name])}` : '';
    // The value and, for a choice, the valid ones as data; the reason is text in the request's language.
    const value = typeof query[name] === 'string' ? query[name] : undefined;
    const valid = issue?.code === 'invalid_value' ? issue.values.map(String) : undefined;
    throw new HttpError(400, 'invalid_query', says('query.invalid', { parameter: issue?.path.join('.') ?? '', given, reason: issueText(language, issue), value, valid }));
  }
  return parsed.data;
}

/**
 * A JSON body checked by `schema`; when it fails, `invalid` makes the error from the first issue's
 * place and its reason in the request's language.
 */
export function parseBody<T extends z.ZodType>(schema: T, req: Request, invalid: (issue: { field: string; reason: string }) => HttpError): z.infer<T> {
  const language = messageLanguage(req);
  const parsed = schema.safeParse(req.body ?? {}, { error: zodLocales[language] });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw invalid({ field: issue?.path.join('.') || 'body', reason: issueText(language, issue) });
}

/** zod's texts for its own checks (type, range, enum…) in each language of the catalogue. */
const zodLocales: Record<MessageLanguage, z.core.$ZodErrorMap> = { en: z.locales.en().localeError, ru: z.locales.ru().localeError };

/**
 * An issue as text in `language`: a schema's own message is a catalogue key (the schemas are built
 * before any request, so they name the message instead of writing it), anything else is zod's, in
 * the locale the parse was given.
 */
function issueText(language: MessageLanguage, issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return render(language, says('query.invalidValue'));
  const params = 'params' in issue ? (issue.params as Record<string, number> | undefined) : undefined;
  return isMessageKey(issue.message) ? render(language, says(issue.message, params)) : issue.message;
}
