// The pure parts behind the research routes: CSV cells, comparison, sentence index.
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/export/csv.js';
import { compareProfiles, cosine } from '../../src/services/compare-service.js';
import type { FactorProfile } from '../../src/store/compare-repository.js';
import { buildTextContext } from '../../src/analysis/index.js';
import { indexSentences, queryStems } from '../../src/analysis/search-index.js';
import { languageOfLetters } from '../../src/analysis/languages/index.js';

describe('CSV cells', () => {
  it('neutralises formulas but keeps negative numbers as numbers', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+7 495')).toBe("'+7 495");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell(['a', 'b'])).toBe('a; b');
    expect(toCsv([{ a: 1, b: 'x' }], ['a', 'b'], { bom: true })).toBe('\uFEFFa,b\r\n1,x\r\n');
  });
});

describe('compareProfiles', () => {
  const counts = (mentions: number, rate: number, net: number) => ({ mentions, per_1000_words: rate, positive: net > 0 ? mentions : 0, negative: net < 0 ? mentions : 0, neutral: net === 0 ? mentions : 0, net });
  const profile = (id: string, factors: [string, ReturnType<typeof counts>][]): FactorProfile => ({ id, label: id, kind: 'document', words: 1000, documents: 1, factors: new Map(factors) });
  const codebook = ['a', 'b', 'c'].map((id) => ({ id, label: { en: id.toUpperCase() } }));

  it('builds the matrix, one-sided factors, disagreements and cosine similarity', () => {
    const c = compareProfiles([
      profile('x', [['a', counts(2, 2, 1)], ['b', counts(1, 1, 0)]]),
      profile('y', [['a', counts(4, 4, -1)], ['c', counts(1, 1, 0)]]),
      profile('z', []),
    ], codebook);
    expect(c.factors.map((f) => f.factor)).toEqual(['a', 'b', 'c']);
    expect(c.factors[0]!.cells[2]).toBeNull();
    expect(c.onlyOneSide).toEqual([{ factor: 'b', side: 'x' }, { factor: 'c', side: 'y' }]);
    expect(c.disagreements).toEqual([{ factor: 'a', positive: ['x'], negative: ['y'] }]);
    expect(c.similarity[0]![1]).toBeCloseTo(8 / Math.sqrt(5 * 17), 3);
    expect(c.similarity[2]).toEqual([null, null, null]);
  });

  it('computes cosine similarity', () => {
    expect(cosine([1, 0], [1, 0])).toBe(1);
    expect(cosine([1, 0], [0, 1])).toBe(0);
    expect(cosine([0, 0], [1, 1])).toBeNull();
  });
});

describe('sentence index', () => {
  it('stems queries as the index does, across inflections, in both languages', () => {
    expect(queryStems('санкций')).toEqual(queryStems('санкции'));
    expect(queryStems('Sanctions')).toEqual(queryStems('sanction'));
    expect(queryStems('  , ; ')).toEqual([]);
  });

  it('indexes every sentence of the analysis, with its language by alphabet and its paragraph\'s page', () => {
    const text = 'Санкции сократили экспорт. Второе предложение.\n\nExports fell under sanctions.\n\nDie Sanktionen wirken.';
    const sentences = indexSentences(buildTextContext({
      text,
      paragraphs: [
        { start: 0, end: 46, page: 3, kind: 'body', language: 'ru' },
        { start: 48, end: 77, page: null, kind: 'body', language: 'en' },
        { start: 79, end: 101, page: 4, kind: 'body', language: 'de' },
      ],
    }));
    expect(sentences.map((s) => [s.sentence, s.language, s.textSearch, s.page])).toEqual([
      ['Санкции сократили экспорт.', 'ru', 'russian', 3],
      ['Второе предложение.', 'ru', 'russian', 3],
      ['Exports fell under sanctions.', 'en', 'english', null],
      ['Die Sanktionen wirken.', 'en', 'english', 4],
    ]);
    // The analysis leaves German words unstemmed; the index stems them as a query would be.
    expect(sentences[3]!.stems.split(' ')).toEqual(expect.arrayContaining(queryStems('Sanktionen')));
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.sentence);
    expect(sentences[0]!.stems.split(' ')).toEqual(expect.arrayContaining(queryStems('санкциями')));
    expect(languageOfLetters('2024 – 15 %')).toBe('und');
  });
});
