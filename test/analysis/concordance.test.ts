import { describe, expect, it } from 'vitest';
import { kwicLines, kwicSortKey } from '../../src/analysis/concordance.js';
import { TermCounter } from '../../src/analysis/term-counts.js';

const at = (sentence: string, word: string): [number, number] => {
  const start = sentence.indexOf(word);
  return [start, start + word.length];
};

describe('keyword in context', () => {
  it('cuts a line around each match with up to `window` words on either side', () => {
    const s = 'Первые санкции затронули экспорт, а новые санкции — импорт технологий и оборудования.';
    const second = s.lastIndexOf('санкции');
    const lines = kwicLines(s, [at(s, 'санкции'), [second, second + 'санкции'.length]], 2);
    expect(lines).toEqual([
      { left: 'Первые', keyword: 'санкции', right: 'затронули экспорт' },
      { left: 'а новые', keyword: 'санкции', right: '— импорт технологий' },
    ]);
  });

  it('joins adjacent matched words into one keyword (a phrase)', () => {
    const s = 'The brain drain weakened universities.';
    expect(kwicLines(s, [at(s, 'brain'), at(s, 'drain')], 3)).toEqual([{ left: 'The', keyword: 'brain drain', right: 'weakened universities' }]);
  });

  it('sorts by the left context from the keyword outwards, or by the right context', () => {
    const line = { left: 'против новых', keyword: 'санкций', right: 'в отношении банков' };
    expect(kwicSortKey(line, 'left')).toBe('новых против');
    expect(kwicSortKey(line, 'right')).toBe('в отношении банков');
  });
});

describe('term frequencies', () => {
  it('counts words by stem, without stop words, numbers or punctuation, shown in their most frequent form', () => {
    const counter = new TermCounter(1);
    counter.add('a', 'Санкции против экспорта: санкции и новые санкции в 2024 году.', 'ru');
    counter.add('b', 'Санкциями нельзя объяснить всё.', 'ru');
    const [top] = counter.top(10);
    expect(top).toEqual({ term: 'санкции', stem: expect.any(String), count: 4, documents: 2 });
    const terms = counter.top(100).map((t) => t.term);
    expect(terms).not.toContain('и');
    expect(terms).not.toContain('2024');
  });

  it('counts n-grams of adjacent content words only', () => {
    const counter = new TermCounter(2);
    counter.add('a', 'Brain drain weakens universities; brain drain, again.', 'en');
    counter.add('b', 'The brain drain of engineers.', 'en');
    expect(counter.top(1)[0]).toMatchObject({ term: 'brain drain', count: 3, documents: 2 });
    // Punctuation breaks a run: "universities; brain" is no bigram.
    expect(counter.top(100).map((t) => t.term)).not.toContain('universities brain');
  });
});
