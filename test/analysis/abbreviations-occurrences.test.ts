import { describe, expect, it } from 'vitest';
import { findAbbreviations } from '../../src/analysis/abbreviations/index.js';
import { contextOf } from './abbreviations-support.js';

function found(...paragraphs: Parameters<typeof contextOf>) {
  return findAbbreviations(contextOf(...paragraphs));
}

function shorts(...paragraphs: Parameters<typeof contextOf>): string[] {
  return found(...paragraphs).map((a) => a.short);
}

describe('occurrences', () => {
  it('counts inflected and plural forms under the bare abbreviation, with the first offset', () => {
    const text = 'Кредиты ВЭБ-а и РЭЦ выросли. Роль НИСа растет, а НИС слабеет; ВЭБ помогает.';
    const [veb, rec, nis] = found(text);
    expect(veb).toMatchObject({ short: 'ВЭБ', count: 2, firstOffset: text.indexOf('ВЭБ-а') });
    expect(rec).toMatchObject({ short: 'РЭЦ', count: 1 });
    expect(nis).toMatchObject({ short: 'НИС', count: 2, firstOffset: text.indexOf('НИСа') });
  });

  it('counts TNCs and NIS’s', () => {
    const [tnc, nis] = found("TNCs shape the NIS. A TNC invests; the NIS's core is R&D.");
    expect(tnc).toMatchObject({ short: 'TNC', count: 2 });
    expect(nis).toMatchObject({ short: 'NIS', count: 2 });
  });

  it('counts a two-word glossary abbreviation once', () => {
    const abbr = found('Ставка ЦБ РФ выросла, и ЦБ РФ сообщил об этом.');
    expect(abbr.map((a) => [a.short, a.count])).toEqual([['ЦБ РФ', 2]]);
  });

  it('a definition in the text wins over the glossary; the glossary expands the rest; unknown ones are counted', () => {
    const abbr = found('Доля нематериальных активов предприятия (НМА) растет, НМА и ОИС учитываются, а КЛМН нет. КЛМН важен.');
    expect(abbr.find((a) => a.short === 'НМА')).toMatchObject({ source: 'text', longAsWritten: 'нематериальных активов предприятия' });
    expect(abbr.find((a) => a.short === 'ОИС')).toMatchObject({
      source: 'glossary',
      long: 'объект интеллектуальной собственности',
      factor: 'intellectual_property',
    });
    expect(abbr.find((a) => a.short === 'КЛМН')).toMatchObject({ source: 'unknown', long: null, count: 2, factor: null });
  });

  it('links a Russian and an English abbreviation of the same paper both ways', () => {
    const abbr = found('Роль НИС растет.', 'The role of the NIS grows.');
    expect(abbr.find((a) => a.short === 'НИС')!.equivalents).toContain('NIS');
    expect(abbr.find((a) => a.short === 'NIS')!.equivalents).toContain('НИС');
  });

  it('ignores the references', () => {
    expect(shorts({ text: 'Иванов И.И. Экономика ОПК // ЭКО. 2019.', kind: 'references' })).toEqual([]);
  });
});

describe('noise', () => {
  it('Roman numerals, list markers, years and numbers are not abbreviations', () => {
    expect(shorts('В XX веке и в главе IV (см. (a), (iv)) за 1990-е и 2019 г. рост составил 5%.')).toEqual([]);
    expect(shorts('Part II and section XIV, items (a) and (iv), in 2019.')).toEqual([]);
  });

  it('units and currency codes are not abbreviations', () => {
    expect(shorts('Мощность 5 МВт, 10 ГВт·ч и 3 млн кг, выручка 2 млрд USD, 15 %.')).toEqual([]);
  });

  it('formula symbols are not abbreviations', () => {
    expect(shorts('Оценим Y = AK + BL, где TX_t и MR² заданы.')).toEqual([]);
  });

  it('author initials are not abbreviations', () => {
    expect(shorts('Smith JA, Jones BC, Brown DE. Trade and growth.')).toEqual([]);
  });

  it('all-caps headings are not abbreviations, abbreviations in them are', () => {
    expect(shorts('ВВЕДЕНИЕ')).toEqual([]);
    expect(shorts('ФАКТОРЫ РАЗВИТИЯ ЭКСПОРТА РОССИИ')).toEqual([]);
    expect(shorts('RESULTS: exports grew.')).toEqual([]);
    expect(shorts('РОЛЬ ТНК В ЭКОНОМИКЕ')).toEqual(['ТНК']);
  });
});

describe('provenance lines', () => {
  it('does not count abbreviations of the title page, affiliations or an all-caps title, only what the text uses', () => {
    const context = contextOf(
      { text: 'УДК 332.01', kind: 'front' },
      { text: 'РАЗВИТИЕ ПО В РЕГИОНАХ', kind: 'title' },
      { text: 'Институт экономики РАН, Москва', kind: 'affiliation' },
      'Регионы ЦФО растут быстрее. Доля ЦФО в ВРП страны велика.',
    );
    expect(findAbbreviations(context).map((a) => a.short)).toEqual(['ЦФО', 'ВРП']);
  });
});

describe('numbered items of one kind', () => {
  it('counts БЭСМ-1, CIS4 and 209-ФЗ under the abbreviation of their kind, and makes no CO of CO2 (a formula, noise)', () => {
    const ru = contextOf('Машины БЭСМ-1 и БЭСМ-2 работали в МГУ. Закон 209-ФЗ вступил в силу.');
    expect(findAbbreviations(ru).map((a) => [a.short, a.count])).toEqual([['БЭСМ', 2], ['МГУ', 1], ['ФЗ', 1]]);
    const en = contextOf('We pool the CIS4 and CIS5 waves; CO2 emissions and B2B sales are controls.');
    expect(findAbbreviations(en).map((a) => a.short)).toEqual(['CIS', 'B2B']);
  });
});
