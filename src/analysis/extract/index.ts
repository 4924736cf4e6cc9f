// STUB (replaced by the extraction work of issue 3): PDF via pdf-parse, text as UTF-8.
import { PDFParse } from 'pdf-parse';
import { AnalysisError } from '../errors.js';
import type { DocumentMeta, ExtractedDocument } from '../types.js';

export async function extract(bytes: Uint8Array, meta: DocumentMeta): Promise<ExtractedDocument> {
  if (bytes.length === 0) throw new AnalysisError('empty_file', 'The file is empty (0 bytes).');
  const isPdf = Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
  if (!isPdf) {
    const text = new TextDecoder('utf-8').decode(bytes);
    return {
      mediaType: 'text/plain',
      pages: null,
      title: null,
      blocks: text.split(/\n\s*\n/).map((t) => ({ text: t.trim(), page: null, kind: 'body' as const })).filter((b) => b.text),
      warnings: [],
    };
  }
  const parser = new PDFParse({ data: Buffer.from(bytes), password: meta.password });
  try {
    const result = await parser.getText();
    return {
      mediaType: 'application/pdf',
      pages: result.total,
      title: null,
      blocks: result.pages.flatMap((p) =>
        p.text.split(/\n\s*\n/).map((t) => ({ text: t.trim(), page: p.num, kind: 'body' as const })).filter((b) => b.text),
      ),
      warnings: [],
    };
  } finally {
    await parser.destroy();
  }
}
