// normalize(): unified characters, one paragraph per line, offsets and pages kept.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/analysis/normalize.js';
import type { ExtractedDocument } from '../../src/analysis/types.js';

function doc(blocks: ExtractedDocument['blocks']): Pick<ExtractedDocument, 'blocks'> {
  return { blocks };
}

describe('normalize', () => {
  it('unifies characters for matching', () => {
    const { text } = normalize(doc([{ text: 'e\u0301  «Цифровая» “economy” Russia’s ﬁnance \u00adпро\u00adведение 5\u2212\u20113 — a\u2013b\u00a0c', page: 1, kind: 'body' }]));
    expect(text).toBe('é "Цифровая" "economy" Russia\'s finance проведение 5--3 – a–b c');
  });

  it('puts accents that TeX PDFs give as separate characters back on their vowels', () => {
    const { text } = normalize(doc([{ text: 'na\u00a8\u0131ve caf\u00b4e don\u00b4t', page: 1, kind: 'body' }]));
    expect(text).toBe('naïve café don\u00b4t');
  });

  it('joins paragraphs with a blank line and keeps offsets, pages and kinds', () => {
    const result = normalize(
      doc([
        { text: 'Title', page: 1, kind: 'title' },
        { text: '  ', page: 1, kind: 'body' },
        { text: 'First\nline', page: 1, kind: 'body' },
        { text: 'Second', page: 2, kind: 'references' },
      ]),
    );
    expect(result.text).toBe('Title\n\nFirst line\n\nSecond');
    expect(result.paragraphs).toEqual([
      { start: 0, end: 5, page: 1, kind: 'title', language: 'und' },
      { start: 7, end: 17, page: 1, kind: 'body', language: 'und' },
      { start: 19, end: 25, page: 2, kind: 'references', language: 'und' },
    ]);
    for (const p of result.paragraphs) expect(result.text.slice(p.start, p.end)).not.toContain('\n');
  });
});
