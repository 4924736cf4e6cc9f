// pdfjs.ts loads pdf.js's worker with patches that must not change what it reads: the text content
// of every page (strings, widths, transforms to the bit, signed zeros included) is the same as that
// of the unpatched worker module of pdfjs-dist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openPdf } from '../../src/analysis/extract/pdf/open.js';
import { InThreadPort, pdfjs } from '../../src/analysis/extract/pdf/pdfjs.js';
import { corpusDir } from '../../src/paths.js';
import { hasShared, sharedPath } from '../support/shared.js';

type Doc = Awaited<ReturnType<typeof openPdf>>;

/** Every page's text content; font names lose the document number pdf.js puts in them. */
async function textContents(doc: Doc): Promise<unknown[]> {
  const pages: unknown[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent({ disableNormalization: true });
    pages.push(content.items.map((item) => ('fontName' in item ? { ...item, fontName: item.fontName.replace(/^g_d\d+_/, 'g_') } : item)));
    page.cleanup();
  }
  return pages;
}

/** A document read by pdf.js's own worker module, unpatched, in this thread. */
async function openStock(bytes: Uint8Array): Promise<{ doc: Doc; close: () => Promise<void> }> {
  // The module has no type declarations; a specifier in a variable keeps tsc from looking for them.
  const specifier = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
  const stock = (await import(specifier)) as { WorkerMessageHandler: { initializeFromPort(port: unknown): void } };
  const port = new InThreadPort();
  stock.WorkerMessageHandler.initializeFromPort(port);
  const worker = pdfjs.PDFWorker.create({ port: port as never, verbosity: pdfjs.VerbosityLevel.ERRORS });
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), worker, verbosity: pdfjs.VerbosityLevel.ERRORS, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  const doc = await task.promise;
  return { doc, close: async () => (await task.destroy(), worker.destroy()) };
}

const files = [
  join(corpusDir, 'ru-1-sanctions-high-tech-exports.pdf'),
  ...(hasShared ? [sharedPath('pdfs', 'real', '09_pdfjs_tracemonkey_2col-acm.pdf'), sharedPath('pdfs', 'real', '06_dedoc_ranepa-thesis_investment-attractiveness-factors.pdf')] : []),
];

it.each(files)('reads the same text content as the unpatched pdf.js worker: %s', async (file) => {
  const bytes = new Uint8Array(readFileSync(file));
  const ours = await openPdf(bytes, undefined);
  const theirs = await openStock(bytes);
  try {
    const [a, b] = [await textContents(ours), await textContents(theirs.doc)];
    expect(a.length).toBeGreaterThan(0);
    // toEqual compares numbers with Object.is: -0 and 0 differ, as do any two different doubles.
    expect(a).toEqual(b);
  } finally {
    await ours.destroy();
    await theirs.close();
  }
}, 60_000);
