// Reading order from positions: b-two-column-hyphen.pdf draws page 1 column by column and page 2
// row by row; both must read left column, then right column, hyphenation undone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/analysis/extract/index.js';
import { hasShared, sharedPath } from '../support/shared.js';

interface GroundTruth {
  left: string;
  right: string;
}

describe.skipIf(!hasShared)('extract: reading order of b-two-column-hyphen.pdf', () => {
  const truth = (): GroundTruth => JSON.parse(readFileSync(sharedPath('pdfs', 'generated', 'b-two-column-groundtruth.json'), 'utf8')) as GroundTruth;

  it.each([1, 2])('page %i reads the left column, then the right one', async (page) => {
    const bytes = new Uint8Array(readFileSync(sharedPath('pdfs', 'generated', 'b-two-column-hyphen.pdf')));
    const doc = await extract(bytes, { filename: 'b-two-column-hyphen.pdf' });
    const body = doc.blocks.filter((b) => b.page === page && b.kind === 'body').map((b) => b.text);
    const { left, right } = truth();
    expect(body).toEqual([left, right]);
    const pageBlocks = doc.blocks.filter((b) => b.page === page);
    expect(pageBlocks[0]?.kind).toMatch(/title|heading/);
    expect(pageBlocks[pageBlocks.length - 1]).toMatchObject({ kind: 'footnote' });
  });

  it('page 3 (one flowing column pair) keeps the words in order', async () => {
    const bytes = new Uint8Array(readFileSync(sharedPath('pdfs', 'generated', 'b-two-column-hyphen.pdf')));
    const doc = await extract(bytes, { filename: 'b-two-column-hyphen.pdf' });
    const text = doc.blocks.filter((b) => b.page === 3).map((b) => b.text).join(' ');
    const { left, right } = truth();
    expect(text).toContain(`${left} ${right}`);
  });
});
