import { describe, expect, it } from 'vitest';
import { isStopWord, stem, tokenize } from '../../src/analysis/tokens.js';
import type { Token } from '../../src/analysis/types.js';

function tokensOf(text: string, language = 'ru'): Token[] {
  return tokenize(text, 0, text.length, language);
}

function token(text: string, surface: string, language = 'ru'): Token {
  const found = tokensOf(text, language).find((t) => t.text === surface);
  if (!found) throw new Error(`no token "${surface}" in "${text}"`);
  return found;
}

describe('tokenize', () => {
  it('gives words, numbers and punctuation with offsets into the text', () => {
    const text = 'Экспорт вырос на 3,5 %.';
    const tokens = tokenize(`xx ${text} yy`, 3, 3 + text.length, 'ru');
    expect(tokens.map((t) => t.text)).toEqual(['Экспорт', 'вырос', 'на', '3,5', '%', '.']);
    for (const t of tokens) expect(`xx ${text} yy`.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps ё in the lower-cased form', () => {
    expect(token('Учёные уехали', 'Учёные').lower).toBe('учёные');
  });

  it('keeps hyphenated compounds whole and stems their last part', () => {
    const t = token('научно-технических программ', 'научно-технических');
    expect(t.stem).toBe(`научно-${stem('технических', 'ru')}`);
    expect(token('risk-based controls', 'risk-based', 'en').stem).toBe('risk-base');
  });

  it.each([
    ['ВЭБ-а', 'ВЭБ'],
    ['НИСа', 'НИС'],
    ['ТНК', 'ТНК'],
    ['TNCs', 'TNC'],
    ["OECD's", 'OECD'],
    ['R&D', 'R&D'],
  ])('marks the abbreviation %s as upper with its bare form %s as stem', (surface, base) => {
    const t = token(`кредиты ${surface} выросли`, surface);
    expect(t.upper).toBe(true);
    expect(t.stem).toBe(base);
  });

  it('does not take ordinary capitalised words or compounds for abbreviations', () => {
    expect(token('Россия и ИТ-компании', 'Россия').upper).toBe(false);
    expect(token('Россия и ИТ-компании', 'ИТ-компании').upper).toBe(false);
  });

  it('reads a heading written in capitals as words, not abbreviations', () => {
    const tokens = tokensOf('САНКЦИИ И ЭКСПОРТ ВЫСОКОТЕХНОЛОГИЧНОЙ ПРОДУКЦИИ');
    expect(tokens.some((t) => t.upper)).toBe(false);
    expect(tokens[0]!.stem).toBe(stem('санкции', 'ru'));
  });

  it('stems with the Russian and English Porter stemmers by script', () => {
    expect(token('против санкций', 'санкций').stem).toBe('санкц');
    expect(token('the sanctions', 'sanctions', 'en').stem).toBe('sanction');
    // An English term in a Russian paragraph is stemmed as English.
    expect(token('эффект spillovers велик', 'spillovers').stem).toBe('spillov');
  });

  it('uses the word itself as the stem of numbers, punctuation and unanalyzed languages', () => {
    expect(token('в 1990-е годы', '1990-е').stem).toBe('1990-е');
    expect(token('рост, спад', ',').stem).toBe(',');
    expect(token('Санкції проти Росії', 'Санкції', 'uk').stem).toBe('санкції');
  });
});

describe('stem', () => {
  it('is deterministic and agrees with the token stems', () => {
    expect(stem('экспорта', 'ru')).toBe(stem('экспорта', 'ru'));
    expect(token('рост экспорта', 'экспорта').stem).toBe(stem('экспорта', 'ru'));
  });

  it('treats ё and е alike, since texts mix them', () => {
    expect(stem('учёных', 'ru')).toBe(stem('ученых', 'ru'));
  });
});

describe('isStopWord', () => {
  it('knows Russian and English function words', () => {
    for (const word of ['и', 'в', 'что', 'который', 'её', 'ее', 'не']) expect(isStopWord(word, 'ru')).toBe(true);
    for (const word of ['the', 'of', 'which', 'not']) expect(isStopWord(word, 'en')).toBe(true);
  });

  it('does not list content words or the other language', () => {
    expect(isStopWord('санкции', 'ru')).toBe(false);
    expect(isStopWord('the', 'ru')).toBe(false);
    expect(isStopWord('exports', 'en')).toBe(false);
    expect(isStopWord('и', 'uk')).toBe(false);
  });
});
