// pdf.js's legacy build bundles core-js, which swaps some built-ins of the whole thread for
// JavaScript versions. Loading and running the PDF extractor must leave the thread's hot built-ins
// native: every push of the analysis would otherwise run through core-js.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { extract } from '../../src/analysis/extract/index.js';
import { corpusDir } from '../../src/paths.js';

const isNative = (f: (...args: never[]) => unknown) => Function.prototype.toString.call(f).includes('[native code]');

it('leaves Array.prototype.push and JSON.parse native after reading a PDF', async () => {
  const bytes = new Uint8Array(readFileSync(join(corpusDir, 'ru-1-sanctions-high-tech-exports.pdf')));
  const extracted = await extract(bytes, { filename: 'ru-1.pdf' });
  expect(extracted.pages).toBeGreaterThan(1);
  expect(isNative(Array.prototype.push)).toBe(true);
  expect(isNative(JSON.parse)).toBe(true);
  // What core-js adds and pdf.js needs on Node 20 stays (Node 22 has it; the ES2023 types do not).
  expect(typeof (Promise as { withResolvers?: unknown }).withResolvers).toBe('function');
});
