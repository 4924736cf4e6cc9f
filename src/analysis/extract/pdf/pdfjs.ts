// pdf.js, loaded so that it leaves the thread's built-ins as it found them. Its legacy build (the
// one that runs on Node 20) bundles core-js, which replaces two built-ins of the whole thread with
// JavaScript versions for corner cases nothing here meets — Array.prototype.push (array-likes
// longer than 2^32) and JSON.parse (source text for revivers). Every push of the analysis then
// ran through core-js: about 8% of a paper's analysis time. Both are put back once pdf.js and its
// worker module are loaded; what core-js only adds (Promise.withResolvers, Uint8Array.toHex, …)
// stays, since pdf.js needs it on Node 20.
const nativePush = Array.prototype.push;
const nativeJsonParse = JSON.parse;

export const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
// pdf.js runs its "worker" in this thread. Handing it the worker module now, rather than letting it
// import the module on the first document, keeps every patch inside this module's load.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');

Array.prototype.push = nativePush;
JSON.parse = nativeJsonParse;
