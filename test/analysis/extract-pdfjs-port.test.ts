// pdf.js's two halves talk through InThreadPort (pdfjs.ts), which skips the structured clone of
// text-content chunks: what reaches the reader must be what pdf.js's own loopback worker delivers,
// and every other message (operator lists, whose arrays the worker empties after sending) must
// still be a copy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../src/analysis/extract/pdf/open.js';
import { InThreadPort, pdfjs } from '../../src/analysis/extract/pdf/pdfjs.js';
import { corpusDir } from '../../src/paths.js';
import { hasShared, sharedPath } from '../support/shared.js';

const ENQUEUE = 4;

/** Every page's text content, as plain data; font names lose the document number pdf.js puts in them. */
async function textContents(doc: Awaited<ReturnType<typeof openPdf>>): Promise<unknown[]> {
  const pages: unknown[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    pages.push(await page.getTextContent({ disableNormalization: true }));
    page.cleanup();
  }
  return JSON.parse(JSON.stringify(pages).replace(/"g_d\d+_/g, '"g_'));
}

/** The next message the port delivers. */
function nextDelivery(port: InThreadPort): Promise<{ data: unknown }> {
  return new Promise((resolve) => {
    const listener = (event: { data: unknown }): void => {
      port.removeEventListener('message', listener);
      resolve(event);
    };
    port.addEventListener('message', listener);
  });
}

describe('InThreadPort', () => {
  it('passes a text-content chunk without cloning its items, and copies the chunk itself', async () => {
    const port = new InThreadPort();
    const items = [{ str: 'a', transform: [1, 0, 0, 1, 0, 0] }];
    const chunk = { items, styles: {} };
    const delivered = nextDelivery(port);
    port.postMessage({ stream: ENQUEUE, chunk });
    // The worker's next step: a fresh array for the next chunk.
    chunk.items = [];
    const { data } = (await delivered) as { data: { chunk: typeof chunk } };
    expect(data.chunk.items).toBe(items);
    expect(data.chunk).not.toBe(chunk);
  });

  it('clones other stream chunks, whose arrays the worker empties after sending', async () => {
    const port = new InThreadPort();
    const fnArray = [1, 2, 3];
    const delivered = nextDelivery(port);
    port.postMessage({ stream: ENQUEUE, chunk: { fnArray, argsArray: [null, null, null] } } as never);
    fnArray.length = 0;
    const { data } = (await delivered) as { data: { chunk: { fnArray: number[] } } };
    expect(data.chunk.fnArray).toEqual([1, 2, 3]);
  });

  it('copies a message of primitives', async () => {
    const port = new InThreadPort();
    const message = { stream: 6, streamId: 3, desiredSize: 1 };
    const delivered = nextDelivery(port);
    port.postMessage(message);
    const { data } = await delivered;
    expect(data).toEqual(message);
    expect(data).not.toBe(message);
  });
});

describe('pdf.js through InThreadPort', () => {
  it('reads the same text content as pdf.js with its own loopback worker', async () => {
    const bytes = readFileSync(join(corpusDir, 'ru-1-sanctions-high-tech-exports.pdf'));
    const ours = await openPdf(new Uint8Array(bytes), undefined);
    const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: pdfjs.VerbosityLevel.ERRORS, isEvalSupported: false, disableFontFace: true });
    const theirs = await task.promise;
    try {
      const [a, b] = [await textContents(ours), await textContents(theirs)];
      expect(a.length).toBeGreaterThan(1);
      expect(a).toEqual(b);
    } finally {
      await ours.destroy();
      await task.destroy();
    }
  });

  it('keeps working after a document is destroyed (the worker is shared)', async () => {
    const bytes = new Uint8Array(readFileSync(join(corpusDir, 'ru-1-sanctions-high-tech-exports.pdf')));
    for (let i = 0; i < 2; i++) {
      const doc = await openPdf(bytes, undefined);
      expect((await textContents(doc)).length).toBe(doc.numPages);
      await doc.destroy();
    }
  });

  it.skipIf(!hasShared)('still sees images in operator lists', async () => {
    const doc = await openPdf(new Uint8Array(readFileSync(sharedPath('pdfs', 'generated', 'c2-image-only.pdf'))), undefined);
    try {
      const ops = await (await doc.getPage(1)).getOperatorList();
      expect(ops.fnArray).toContain(pdfjs.OPS.paintImageXObject);
    } finally {
      await doc.destroy();
    }
  });
});
