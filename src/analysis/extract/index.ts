// extract(bytes, meta): the document's text as paragraphs in reading order, with their pages and
// roles. Runs inside the worker, never in the API process (pdf.js is CPU-heavy).
import { articleLayout } from '../articles/cut.js';
import { splitIssue } from '../articles/index.js';
import type { DocumentMeta, ExtractedDocument } from '../types.js';
import { sniffMediaType } from './media-type.js';
import { buildDocument } from './paragraphs.js';
import { readPdf } from './pdf/index.js';
import { readTextFile } from './text-input.js';

export async function extract(bytes: Uint8Array, meta: DocumentMeta): Promise<ExtractedDocument> {
  const mediaType = sniffMediaType(bytes, meta.filename);
  const layout = mediaType === 'application/pdf' ? await readPdf(bytes, meta) : readTextFile(bytes);
  // An article of a journal issue reads its own pages of the issue's file (src/analysis/articles/).
  const document = buildDocument(meta.articleRange && mediaType === 'application/pdf' ? articleLayout(layout, meta.articleRange) : layout);
  if (meta.splitIssue && mediaType === 'application/pdf') document.articles = splitIssue(layout.paragraphs, layout.printedPages).articles;
  return document;
}
