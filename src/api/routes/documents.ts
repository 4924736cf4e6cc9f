// Taking papers in (multipart form or JSON) and reading them back.
import { Router, json } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { AnalysisError, DOCUMENT_STATUSES } from '../../analysis/errors.js';
import { GIVEN_YEARS, isGivenYear, plainText, type DocumentService, type Upload } from '../../services/document-service.js';
import { DOCUMENT_SORTS, type DocumentRow } from '../../store/documents-repository.js';
import { parseYearRange } from '../../store/corpus-filter.js';
import { isMessageKey, render, type MessageLanguage } from '../../messages/index.js';
import { HttpError, says, toHttpError } from '../errors.js';
import { messageLanguage } from '../language.js';
import { paging, parseBody, parseQuery } from '../params.js';
import { writerOf } from '../security.js';

/** Passwords of PDFs are short; a longer "password" is a mistake or an attack on the store. */
const MAX_PASSWORD_LENGTH = 1000;
const passwordSchema = z.string().max(MAX_PASSWORD_LENGTH).refine((p) => !p.includes('\0'));

export const jsonUpload = z.object({
  files: z
    .array(z.object({ filename: z.string().min(1).max(1000), contentBase64: z.string() }))
    .min(1),
  collection: z.union([z.string(), z.array(z.string())]).optional(),
  password: passwordSchema.optional(),
  year: z.number().int().optional(),
  /** Journal issues: store each article as a document of its own, linked to the issue. */
  splitIssues: z.boolean().optional(),
});

/** A character that standard or URL-safe base64 (padded or not, wrapped or not) never holds. */
const NOT_BASE64 = /[^A-Za-z0-9+/_\-=\s]/;

export const documentListQuery = paging.extend({
  status: z.enum(DOCUMENT_STATUSES).optional(),
  collection: z.string().max(100).optional(),
  language: z.string().regex(/^[a-z]{2,3}$/, 'query.languageCode').optional(),
  year: z.string().optional().transform((v, ctx) => {
    if (!v) return {};
    const range = parseYearRange(v);
    if (!range) ctx.addIssue({ code: 'custom', message: 'query.yearRange' });
    return range ?? {};
  }),
  /** Words in the title or filename. */
  q: z.string().max(200).optional(),
  sort: z.enum(DOCUMENT_SORTS).default('added'),
  order: z.enum(['asc', 'desc']).optional(),
});
export const reanalyzeBody = z.object({ password: passwordSchema.optional() });

/** A publication year as uploaders give it: absent, or a plausible four-digit year. */
function parseYear(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const year = Number(value);
  if (!isGivenYear(year)) throw new HttpError(400, 'invalid_year', says('upload.invalidYear', { ...GIVEN_YEARS, value: JSON.stringify(value) }));
  return year;
}

/** How much one upload request may carry. */
export interface UploadLimits {
  maxUploadBytes: number;
  maxFilesPerRequest: number;
  /** A JSON body, counted after decompression (MAX_JSON_BODY_MB). */
  maxJsonBodyBytes: number;
}

export function documentsRouter(documents: DocumentService, limits: UploadLimits): Router {
  const router = Router();
  const { maxUploadBytes: maxBytes, maxFilesPerRequest: maxFiles } = limits;
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: maxFiles, fields: 20, fieldSize: 64 * 1024 },
    // Browsers send UTF-8 filenames; without this busboy reads them as Latin-1 and Cyrillic breaks.
    defParamCharset: 'utf8',
  });

  router.post('/documents', (req, res, next) => {
    // body-parser counts the limit on the inflated bytes as they come, so a compressed bomb stops there.
    if (req.is('application/json')) return json({ limit: limits.maxJsonBodyBytes })(req, res, next);
    return upload.array('files', maxFiles)(req, res, next);
  }, async (req, res) => {
    const uploads = req.is('application/json') ? fromJson(req.body, maxBytes, maxFiles) : fromMultipart(req);
    if (uploads.length === 0) throw new HttpError(400, 'no_files', says('upload.noFiles'));
    const language = messageLanguage(req);
    const accepted: (ReturnType<typeof describe> & { created: boolean })[] = [];
    const rejected: { filename: string; error: HttpError }[] = [];
    for (const item of uploads) {
      try {
        const { document, created } = await documents.submit(item, { uploader: writerOf(req, res) });
        accepted.push({ ...describe(document, language), created });
      } catch (error) {
        if (!(error instanceof AnalysisError)) throw error;
        rejected.push({ filename: item.filename, error: toHttpError(error) });
      }
    }
    // Nothing could be taken: the request fails with the (first) file's error.
    const first = rejected[0]?.error;
    if (accepted.length === 0 && first) {
      if (uploads.length === 1) throw first;
      throw new HttpError(first.status, first.code, says('upload.rejectedAll', { files: rejected.map((r) => says('upload.fileRejected', { filename: r.filename, message: r.error.said })) }));
    }
    res.status(202).json({ documents: accepted, rejected: rejected.map((r) => ({ filename: r.filename, error: { code: r.error.code, message: render(language, r.error.said) } })) });
  });

  router.get('/documents', async (req, res) => {
    const { year, q, ...query } = parseQuery(documentListQuery, req);
    const { rows, total, collections, authors } = await documents.list({ ...query, ...year, text: q?.trim() || undefined });
    const language = messageLanguage(req);
    res.json({
      total,
      limit: query.limit,
      offset: query.offset,
      documents: rows.map((r) => ({ ...describe(r, language), authors: authors.get(r.id) ?? [], collections: collections.get(r.id) ?? [] })),
    });
  });

  router.get('/documents/:id', async (req, res) => {
    const row = await documents.find(req.params.id);
    const [collections, { corrections, summary }, links] = await Promise.all([documents.collectionsOf(row.id), documents.corrected(row.id), documents.issueLinks(row)]);
    res.json({ document: { ...describe(row, messageLanguage(req)), collections, corrections, ...describeIssueLinks(links) }, summary });
  });

  router.get('/documents/:id/text', async (req, res) => {
    const row = await documents.find(req.params.id);
    res.type('text/plain; charset=utf-8').send(await documents.text(row));
  });

  router.delete('/documents/:id', async (req, res) => {
    res.json({ deleted: describe(await documents.delete(req.params.id), messageLanguage(req)) });
  });

  router.post('/documents/:id/reanalyze', json({ limit: '16kb' }), async (req, res) => {
    const row = await documents.find(req.params.id);
    const body = reanalyzeBody.safeParse(req.body ?? {});
    if (!body.success) throw badPassword();
    await documents.reanalyze([row.id], body.data.password);
    res.status(202).json({ document: describe(await documents.find(row.id), messageLanguage(req)) });
  });

  router.patch('/documents/:id', json({ limit: '64kb' }), async (req, res) => {
    const row = await documents.find(req.params.id);
    const patch = parseBody(correctionSchema, req, (issue) => new HttpError(400, 'invalid_correction', says('document.invalidCorrection', issue)));
    const corrected = await documents.correct(row.id, patch);
    const [collections, { corrections }] = await Promise.all([documents.collectionsOf(row.id), documents.corrected(row.id)]);
    res.json({ document: { ...describe(corrected, messageLanguage(req)), collections, corrections } });
  });

  return router;
}

/** A correction of the bibliographic record: text as typed, without control characters; null drops the correction. */
const typedText = (max: number) => z.string().transform(plainText).pipe(z.string().min(1).max(max));
const correctionSchema = z
  .object({
    title: typedText(1000).nullable(),
    authors: z.array(typedText(300)).min(1).max(200).nullable(),
    year: z.number().int().refine(isGivenYear, { message: 'query.yearBetween', params: GIVEN_YEARS }).nullable(),
    venue: typedText(500).nullable(),
    collections: z.array(z.string().max(100)).max(100),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'query.nothingToCorrect');

/** A document as the API shows it, its error (if any) told in `language`. */
export function describe(row: DocumentRow, language: MessageLanguage) {
  return {
    id: row.id,
    filename: row.filename,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    status: row.status,
    title: row.title,
    pages: row.pages,
    words: row.words,
    language: row.language,
    year: row.year,
    error: row.error_code ? describeError(row.error_code, row.error_message, language) : null,
    lexicon: row.lexicon_version,
    createdAt: row.created_at,
    analyzedAt: row.analyzed_at,
    issueDocumentId: row.issue_document_id,
    url: `/api/documents/${row.id}`,
  };
}

/**
 * Why a document was not analyzed: the catalogue's text for its code, and the analysis' own account
 * (`detail`: English, with the particulars such as the pages without text) as it was stored.
 */
function describeError(code: string, detail: string | null, language: MessageLanguage) {
  const key = `analysis.${code}`;
  return { code, message: isMessageKey(key) ? render(language, { key }) : detail, detail };
}

/** An article's issue ("part of issue X") and an issue's articles, as the document's API shows them. */
function describeIssueLinks(links: { issue: DocumentRow | null; articles: DocumentRow[] }) {
  const brief = (row: DocumentRow) => ({ id: row.id, title: row.title, filename: row.filename, status: row.status, url: `/api/documents/${row.id}` });
  return {
    issue: links.issue && brief(links.issue),
    articles: links.articles.map((row) => ({ ...brief(row), position: row.issue_position, range: row.issue_range })),
  };
}

/** A form's checkbox ("on", "1", "true") or an absent field. */
function checked(value: unknown): boolean {
  return typeof value === 'string' && ['on', '1', 'true', 'yes'].includes(value.toLowerCase());
}

function fromMultipart(req: { files?: unknown; body?: Record<string, unknown> }): Upload[] {
  const files = (Array.isArray(req.files) ? req.files : []) as Express.Multer.File[];
  const body = req.body ?? {};
  const collections = ([] as unknown[]).concat(body.collection ?? []).filter((c): c is string => typeof c === 'string');
  const password = typeof body.password === 'string' && body.password !== '' ? body.password : undefined;
  if (password !== undefined && !passwordSchema.safeParse(password).success) throw badPassword();
  const year = parseYear(body.year);
  const splitIssue = checked(body.splitIssues);
  return files.map((f) => ({ bytes: new Uint8Array(f.buffer.buffer, f.buffer.byteOffset, f.buffer.byteLength), filename: f.originalname, collections, password, year, splitIssue }));
}

function fromJson(body: unknown, maxBytes: number, maxFiles: number): Upload[] {
  const parsed = jsonUpload.safeParse(body);
  if (!parsed.success) {
    if (parsed.error.issues.some((i) => i.path[0] === 'password')) throw badPassword();
    throw new HttpError(400, 'invalid_body', says('upload.invalidBody'));
  }
  if (parsed.data.files.length > maxFiles) {
    throw new HttpError(413, 'limit_file_count', says('upload.tooManyFilesCounted', { count: parsed.data.files.length, max: maxFiles }));
  }
  const collections = ([] as string[]).concat(parsed.data.collection ?? []);
  const year = parseYear(parsed.data.year);
  return parsed.data.files.map((f) => {
    // Checked before decoding: base64 holds 3 bytes in 4 characters.
    if (Math.floor((f.contentBase64.length * 3) / 4) > maxBytes + 2) throw new HttpError(413, 'limit_file_size', says('upload.namedFileTooLarge', { filename: f.filename }));
    if (NOT_BASE64.test(f.contentBase64)) throw new HttpError(400, 'invalid_base64', says('upload.notBase64', { filename: f.filename }));
    const bytes = Buffer.from(f.contentBase64, 'base64');
    if (bytes.length > maxBytes) throw new HttpError(413, 'limit_file_size', says('upload.namedFileTooLarge', { filename: f.filename }));
    return { bytes: new Uint8Array(bytes), filename: f.filename, collections, password: parsed.data.password, year, splitIssue: parsed.data.splitIssues };
  });
}

function badPassword(): HttpError {
  return new HttpError(400, 'invalid_password', says('upload.invalidPassword', { max: MAX_PASSWORD_LENGTH }));
}
