// PDFs typeset on the fly from a corpus paper (one column, two columns drawn row by row) come out
// with their words in order, hyphenations undone, compounds kept and page furniture gone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/analysis/extract/index.js';
import { corpusDir } from '../../src/paths.js';
import { f1, pageTexts, scoreHyphens, scoreWords, words } from '../../scripts/eval/extract-metrics.js';
import { parsePaper, typeset } from '../../scripts/corpus-pdfs/typeset.js';
import { VARIANTS } from '../../scripts/make-corpus-pdfs.js';

const PAPER = 'ru-1-sanctions-high-tech-exports';

describe('extract: corpus paper typeset as PDF', () => {
  it.each(['1col', '2col-rows'])('%s: word F1 ≥ 0.99, every line-end hyphenation resolved', async (variant) => {
    const paper = parsePaper(PAPER, readFileSync(join(corpusDir, `${PAPER}.txt`), 'utf8'));
    const { pdf, truth } = await typeset(paper, VARIANTS[variant]!);
    const doc = await extract(new Uint8Array(pdf), { filename: `${PAPER}.pdf` });
    expect(doc.pages).toBe(truth.pages.length);
    expect(doc.title).toBe(paper.title);
    for (const { page, paragraphs } of truth.pages) {
      const expected = paragraphs.flatMap((p) => words(p.text));
      const extracted = pageTexts(doc.blocks, page).flatMap(words);
      expect(f1(scoreWords(expected, extracted))).toBeGreaterThanOrEqual(0.99);
      const hyphens = scoreHyphens(truth.breaks.filter((b) => b.page === page), expected, extracted);
      expect(hyphens.rejoined).toBe(hyphens.splits);
      expect(hyphens.kept).toBe(hyphens.compounds);
    }
    expect(doc.blocks.some((b) => b.text.includes('PolicyLens Sample Papers'))).toBe(false);
    expect(doc.blocks.filter((b) => b.kind === 'references').length).toBeGreaterThanOrEqual(5);
    expect(doc.blocks.find((b) => b.kind === 'keywords')?.text).toMatch(/^Ключевые слова:/);
    expect(doc.bibliography.title).toBe(paper.title);
  });
});
