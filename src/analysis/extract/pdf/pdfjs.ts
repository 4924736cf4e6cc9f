// pdf.js, loaded so that it leaves the thread's built-ins as it found them and so that no stream it
// decodes grows without bound.
//
// Built-ins: its legacy build (the one that runs on Node 20) bundles core-js, which replaces two
// built-ins of the whole thread with JavaScript versions for corner cases nothing here meets —
// Array.prototype.push (array-likes longer than 2^32) and JSON.parse (source text for revivers).
// Every push of the analysis then ran through core-js: about 8% of a paper's analysis time. Both are
// put back once pdf.js and its worker module are loaded; what core-js only adds
// (Promise.withResolvers, Uint8Array.toHex, …) stays, since pdf.js needs it on Node 20.
//
// Decoded streams: pdf.js inflates a stream into one typed array that doubles as it fills
// (DecodeStream.ensureBuffer), with no limit — a few KB of `[/FlateDecode /FlateDecode]` become
// gigabytes of native memory, which a worker thread's heap limit does not see. pdf.js has no option
// for it, and its stream classes are not exported, so the worker module is loaded from its source
// with one line added to ensureBuffer: past MAX_DECODED_STREAM_BYTES it counts the overflow and
// throws. pdf.js catches errors inside a page's content (it skips what it cannot read), so readPdf
// asks `decodedStreamOverflows()` whether any happened and fails the document as `too_large`.
//
// Text transforms: getTextContent works out the current text transform two or three times per glyph
// through two generic matrix products; the worker module is loaded with that one function's body
// written out as the same arithmetic on scalars (TEXT_TRANSFORM): the same numbers, and pdf.js reads
// the 100-page benchmark's text in ~0.7× the CPU (test/analysis/extract-pdfjs-patch.test.ts compares
// its text content with the unpatched module's).
//
// Messages: in Node pdf.js runs its worker in this thread and passes every message between the two
// halves through structuredClone (its LoopbackPort), text items included — about a tenth of the
// CPU of reading a text PDF. `inThreadWorker()` is a PDFWorker on a port of our own that clones
// like LoopbackPort except for text-content chunks (see InThreadPort).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { TransferListItem } from 'node:worker_threads';

/**
 * The largest stream pdf.js may decode: 256 MiB holds the largest image pdf.js is let decode
 * (open.ts: 40 megapixels, 4 bytes a pixel = 160 MB) and content streams hundreds of times those of
 * any paper; the buffer that reaches it is 256 MiB at most, since it grows by doubling.
 */
export const MAX_DECODED_STREAM_BYTES = 256 * 1024 * 1024;

const nativePush = Array.prototype.push;
const nativeJsonParse = JSON.parse;

export const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');

interface PatchedWorker {
  WorkerMessageHandler: unknown;
  /** How many times, since this thread loaded pdf.js, a stream would have grown past the limit. */
  decodedStreamOverflows(): number;
}

/**
 * The worker module, evaluated from its source with the size check in ensureBuffer and the text
 * transform written out. The source is
 * one self-contained file; as a function body it needs its `export` turned into a `return` and its
 * one `import.meta.url` (the base of openjpeg's files) written out. Each edit must match exactly
 * once: another pdfjs-dist version fails here, at load, rather than running unbounded.
 */
function loadBoundedWorker(): PatchedWorker {
  const path = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const edits: [string, string][] = [
    [
      '  ensureBuffer(requested) {\n    const buffer = this.buffer;\n    if (requested <= buffer.byteLength) {\n      return buffer;\n    }\n',
      '  ensureBuffer(requested) {\n    const buffer = this.buffer;\n    if (requested <= buffer.byteLength) {\n      return buffer;\n    }\n' +
        `    if (requested > ${MAX_DECODED_STREAM_BYTES}) {\n      decodedStreamOverflowCount++;\n      throw new Error("decoded stream larger than ${MAX_DECODED_STREAM_BYTES} bytes");\n    }\n`,
    ],
    [
      '    function getCurrentTextTransform() {\n' +
        '      const font = textState.font;\n' +
        '      const tsm = [textState.fontSize * textState.textHScale, 0, 0, textState.fontSize, 0, textState.textRise];\n' +
        '      if (font.isType3Font && (textState.fontSize <= 1 || font.isCharBBox) && !isArrayEqual(textState.fontMatrix, FONT_IDENTITY_MATRIX)) {\n' +
        '        const glyphHeight = font.bbox[3] - font.bbox[1];\n' +
        '        if (glyphHeight > 0) {\n' +
        '          tsm[3] *= glyphHeight * textState.fontMatrix[3];\n' +
        '        }\n' +
        '      }\n' +
        '      return Util.transform(textState.ctm, Util.transform(textState.textMatrix, tsm));\n',
      TEXT_TRANSFORM,
    ],
    // The one caller that only reads the transform, once per glyph, has it written into one array.
    ['      const currentTransform = getCurrentTextTransform();\n', '      const currentTransform = getCurrentTextTransform(scratchTextTransform);\n'],
    ['import.meta.url', JSON.stringify(pathToFileURL(path).href)],
    ['export { WorkerMessageHandler };', 'return { WorkerMessageHandler, decodedStreamOverflows: () => decodedStreamOverflowCount };'],
  ];
  let source = readFileSync(path, 'utf8');
  for (const [from, to] of edits) {
    const parts = source.split(from);
    if (parts.length !== 2) throw new Error(`pdf.js patch: expected one "${from.trim().split('\n')[0]}" in ${path}, found ${parts.length - 1}`);
    source = parts.join(to);
  }
  return new Function(`"use strict";\nlet decodedStreamOverflowCount = 0;\n${source}`)() as PatchedWorker;
}

/**
 * The body of getTextContent's getCurrentTextTransform, which pdf.js calls two or three times for
 * every glyph: ctm × textMatrix × tsm, where tsm = [fontSize × hScale, 0, 0, fontSize, 0, rise]
 * (its height scaled for small Type3 glyphs). The original builds tsm and an intermediate matrix as
 * arrays and multiplies through Util.transform, which also sees the ctm as a Float32Array and the
 * text matrix as an Array and so runs polymorphic; here the same products are summed in the same
 * order (the terms with tsm's zeros included, so NaN, infinities and signed zeros come out as
 * before) into one new array, or into `out` (compareWithLastPosition's, which only reads it): the
 * same numbers, bit for bit.
 */
const TEXT_TRANSFORM = `    const scratchTextTransform = [0, 0, 0, 0, 0, 0];
    function getCurrentTextTransform(out) {
      const font = textState.font;
      const t0 = textState.fontSize * textState.textHScale;
      let t3 = textState.fontSize;
      const t5 = textState.textRise;
      if (font.isType3Font && (textState.fontSize <= 1 || font.isCharBBox) && !isArrayEqual(textState.fontMatrix, FONT_IDENTITY_MATRIX)) {
        const glyphHeight = font.bbox[3] - font.bbox[1];
        if (glyphHeight > 0) {
          t3 *= glyphHeight * textState.fontMatrix[3];
        }
      }
      const m = textState.textMatrix;
      const a = m[0] * t0 + m[2] * 0, b = m[1] * t0 + m[3] * 0, c = m[0] * 0 + m[2] * t3, d = m[1] * 0 + m[3] * t3;
      const e = m[0] * 0 + m[2] * t5 + m[4], f = m[1] * 0 + m[3] * t5 + m[5];
      const n = textState.ctm;
      const r0 = n[0] * a + n[2] * b, r1 = n[1] * a + n[3] * b, r2 = n[0] * c + n[2] * d, r3 = n[1] * c + n[3] * d;
      const r4 = n[0] * e + n[2] * f + n[4], r5 = n[1] * e + n[3] * f + n[5];
      if (out === undefined) {
        return [r0, r1, r2, r3, r4, r5];
      }
      out[0] = r0; out[1] = r1; out[2] = r2; out[3] = r3; out[4] = r4; out[5] = r5;
      return out;
`;

/** StreamKind.ENQUEUE of pdf.js's message protocol: a chunk of a stream (text content, operator list). */
const STREAM_ENQUEUE = 4;

interface PortMessage {
  stream?: number;
  chunk?: { items?: unknown; styles?: unknown };
}

type PortListener = (event: { data: unknown }) => void;

/**
 * Both ends of the in-thread link between pdf.js's main and worker halves (each MessageHandler
 * keeps only the messages addressed to it), delivering asynchronously as LoopbackPort does.
 * Text-content chunks are passed by reference: the worker builds every item and transform afresh
 * and, after sending a chunk, replaces its `items` and `styles` rather than changing them, so a
 * shallow copy of the chunk is all the receiver needs. Every other message is cloned, since the
 * worker does reuse what it sent (an operator list's arrays are emptied after each chunk). A
 * message of primitives only (the streams' pull and close signals, thousands a document) has
 * nothing to share, so a shallow copy is its clone.
 */
export class InThreadPort {
  readonly #listeners = new Map<PortListener, (() => void) | null>();

  postMessage(message: PortMessage, transfer?: TransferListItem[]): void {
    const data = isTextContentChunk(message)
      ? { ...message, chunk: { ...message.chunk } }
      : holdsOnlyPrimitives(message)
        ? { ...message }
        : structuredClone(message, transfer ? { transfer } : undefined);
    const event = { data };
    void Promise.resolve().then(() => {
      for (const listener of this.#listeners.keys()) listener.call(this, event);
    });
  }

  addEventListener(_type: string, listener: PortListener, options?: { signal?: AbortSignal }): void {
    const signal = options?.signal;
    if (signal?.aborted) return;
    const onAbort = (): void => this.removeEventListener(_type, listener);
    signal?.addEventListener('abort', onAbort);
    this.#listeners.set(listener, signal ? () => signal.removeEventListener('abort', onAbort) : null);
  }

  removeEventListener(_type: string, listener: PortListener): void {
    this.#listeners.get(listener)?.();
    this.#listeners.delete(listener);
  }

  terminate(): void {
    for (const remove of this.#listeners.values()) remove?.();
    this.#listeners.clear();
  }
}

function holdsOnlyPrimitives(message: object): boolean {
  for (const value of Object.values(message)) if (typeof value === 'object' && value !== null) return false;
  return true;
}

function isTextContentChunk(message: PortMessage): message is PortMessage & { chunk: object } {
  const chunk = message.stream === STREAM_ENQUEUE ? message.chunk : undefined;
  return chunk !== undefined && Array.isArray(chunk.items) && typeof chunk.styles === 'object' && chunk.styles !== null;
}

const worker = loadBoundedWorker();
// pdf.js runs its "worker" in this thread and takes the module from here rather than importing it.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
export const decodedStreamOverflows = worker.decodedStreamOverflows;

/** The type pdf.js declares for `port` (the DOM's Worker, which this Node build has no lib for). */
type WorkerPort = NonNullable<Parameters<typeof pdfjs.PDFWorker.create>[0]['port']>;

let sharedWorker: InstanceType<typeof pdfjs.PDFWorker> | null = null;

/**
 * The one PDFWorker of this thread, on an InThreadPort; documents share it (pdf.js keeps them
 * apart by document id) and destroying a document leaves it running.
 */
export function inThreadWorker(): InstanceType<typeof pdfjs.PDFWorker> {
  if (sharedWorker === null) {
    const port = new InThreadPort();
    (worker.WorkerMessageHandler as { initializeFromPort(port: InThreadPort): void }).initializeFromPort(port);
    sharedWorker = pdfjs.PDFWorker.create({ port: port as unknown as WorkerPort, verbosity: pdfjs.VerbosityLevel.ERRORS });
  }
  return sharedWorker;
}

Array.prototype.push = nativePush;
JSON.parse = nativeJsonParse;
