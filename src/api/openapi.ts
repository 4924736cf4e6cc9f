// The OpenAPI 3.1 description of the JSON API, generated from the zod schemas the routes validate
// with (zod's toJSONSchema, input side: what a client sends), so it cannot drift from what the
// routes accept. Responses are described in words; their shapes are in the README.
import { z } from 'zod';
import { compareQuery } from './routes/compare.js';
import { pagedCorpusQuery } from './routes/corpus-query.js';
import { documentListQuery, jsonUpload, reanalyzeBody } from './routes/documents.js';
import { exportQuery } from './routes/export.js';
import { tableQuery } from './routes/factors.js';
import { kwicQuery } from './routes/kwic.js';
import { searchQuery, termsQuery } from './routes/search.js';

interface Operation {
  method: 'get' | 'post' | 'delete';
  path: string;
  summary: string;
  query?: z.ZodObject;
  /** Path parameters, each a string. */
  pathParameters?: string[];
  body?: { schema: z.ZodType; multipart?: boolean };
  /** Status → what it means. */
  responses: Record<string, string>;
  contentType?: string;
}

const ERRORS = { '400': 'A parameter is malformed or names nothing (the message names the valid values)', '404': 'Nothing by that id or name' };

const OPERATIONS: Operation[] = [
  { method: 'post', path: '/api/documents', summary: 'Upload papers (multipart field "files", or JSON with base64 contents)', body: { schema: jsonUpload, multipart: true }, responses: { '202': 'Accepted: the documents and the rejected files', '413': 'Too large', '415': 'Not a PDF or text file', '422': 'Empty file' } },
  { method: 'get', path: '/api/documents', summary: 'Documents with statuses and authors: sorted, filtered and paged', query: documentListQuery, responses: { '200': 'A page of documents' } },
  { method: 'get', path: '/api/documents/{id}', summary: 'A document (id or unique prefix of 8+ hex digits) and its Summary v1', pathParameters: ['id'], responses: { '200': 'The document and its summary (null until analyzed)', ...ERRORS } },
  { method: 'delete', path: '/api/documents/{id}', summary: 'Delete a document with its file and results (one being analyzed too: its job stores nothing)', pathParameters: ['id'], responses: { '200': 'The deleted document', ...ERRORS } },
  { method: 'get', path: '/api/documents/{id}/text', summary: 'The normalized text the Summary offsets refer to', pathParameters: ['id'], contentType: 'text/plain', responses: { '200': 'The text', ...ERRORS } },
  { method: 'post', path: '/api/documents/{id}/reanalyze', summary: 'Queue a document again, optionally with the password of an encrypted PDF', pathParameters: ['id'], body: { schema: reanalyzeBody }, responses: { '202': 'Queued', ...ERRORS } },
  { method: 'get', path: '/api/factors', summary: 'The factor table: document × factor rows (complete=1: zeros included) or totals per factor', query: tableQuery, responses: { '200': 'A page of rows', ...ERRORS } },
  { method: 'get', path: '/api/factors/{id}', summary: 'Every mention of one factor across the (filtered) corpus', pathParameters: ['id'], query: pagedCorpusQuery, responses: { '200': 'A page of mentions', ...ERRORS } },
  { method: 'get', path: '/api/compare', summary: 'Compare 2–20 documents or collections by their factor profiles', query: compareQuery, responses: { '200': 'The comparison', ...ERRORS } },
  { method: 'get', path: '/api/search', summary: 'Sentences with every word of the query, by stem', query: searchQuery, responses: { '200': 'A page of hits', ...ERRORS } },
  { method: 'get', path: '/api/kwic', summary: 'Keyword in context: each match of the query with its left and right context, sortable like a concordance', query: kwicQuery, responses: { '200': 'A page of lines (JSON, or CSV with format=csv)', ...ERRORS } },
  { method: 'get', path: '/api/export/{name}', summary: 'Streamed export: factors.csv, factors-wide.csv, mentions.csv, summaries.jsonl, codebook.yml, codebook.csv', pathParameters: ['name'], query: exportQuery, contentType: 'text/csv', responses: { '200': 'The file', ...ERRORS } },
  { method: 'get', path: '/api/terms', summary: 'The most frequent words (n=1) or n-grams of the selection, by stem, stop words left out', query: termsQuery, responses: { '200': 'Terms with counts and document counts', ...ERRORS } },
  { method: 'get', path: '/api/corpus', summary: 'Analyzed documents by collection, language and year', responses: { '200': 'The overview' } },
  { method: 'get', path: '/api/lexicon', summary: 'The user lexicon: extra factors (user:…) imported from quanteda dictionaries, and the lexicon version results record', responses: { '200': 'The user factors' } },
  { method: 'post', path: '/api/lexicon', summary: 'Import a quanteda YAML dictionary (the request body) as user factors; a key imported before is replaced. `reanalyze --stale` applies it to stored documents', responses: { '201': 'The user factors, with the imported ids', ...ERRORS } },
  { method: 'delete', path: '/api/lexicon/{id}', summary: 'Remove one user factor', pathParameters: ['id'], responses: { '200': 'The user factors left', ...ERRORS } },
  { method: 'get', path: '/api/codebook', summary: 'The factors with their labels', responses: { '200': 'The codebook' } },
  { method: 'get', path: '/api/health', summary: 'Database and queue reachability', responses: { '200': 'Healthy', '503': 'The database or the queue is down' } },
];

/** The schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without its own $schema line. */
function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
}

function operation(op: Operation) {
  const parameters = [
    ...(op.pathParameters ?? []).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...Object.entries(op.query?.shape ?? {}).map(([name, schema]) => ({
      name,
      in: 'query',
      required: !(schema as z.ZodType).isOptional(),
      // Lists may be repeated (factor=a&factor=b) or comma-separated (factor=a,b).
      ...(name === 'document' || name === 'factor' || name === 'collection' || name === 'documents' || name === 'collections' ? { style: 'form', explode: true } : {}),
      schema: jsonSchema(schema as z.ZodType),
    })),
  ];
  const body = op.body && {
    required: true,
    content: {
      'application/json': { schema: jsonSchema(op.body.schema) },
      ...(op.body.multipart ? { 'multipart/form-data': { schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } }, collection: { type: 'array', items: { type: 'string' } }, password: { type: 'string' }, year: { type: 'integer' } }, required: ['files'] } } } : {}),
    },
  };
  const error = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  const responses = Object.fromEntries(
    Object.entries(op.responses).map(([status, description]) => [
      status,
      status.startsWith('2') ? { description, content: { [op.contentType ?? 'application/json']: {} } } : { description, ...error },
    ]),
  );
  return { summary: op.summary, ...(parameters.length ? { parameters } : {}), ...(body ? { requestBody: body } : {}), responses };
}

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);
  return {
    openapi: '3.1.0',
    info: { title: 'PolicyLens API', version: '1', description: 'Factors, stance and abbreviations in Russian and English policy papers. Writes need an API key (Authorization: Bearer <key>) when the server listens beyond loopback.' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', description: 'Stable, for programs.' },
                message: { type: 'string', description: 'For people, in the language asked for (lang query or cookie, Accept-Language; English by default).' },
                details: { type: 'object', description: 'The values the message names: the bad value, the valid ones, limits.' },
              },
            },
          },
        },
      },
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } },
    },
  };
}
