import { describe, expect, it } from 'vitest';
import { kwicLines, kwicSortKey } from '../../src/analysis/concordance.js';

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
