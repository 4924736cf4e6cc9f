import { describe, expect, it } from 'vitest';
import { findDefinitions } from '../../src/analysis/abbreviations/definitions.js';

function pairs(text: string): [string, string][] {
  return findDefinitions(text).map((d) => [d.short, d.long]);
}

describe('definitions in the text', () => {
  it('long form (SF), matching letters of inflected Russian words', () => {
    expect(pairs('Рост валового регионального продукта (ВРП) замедлился.')).toEqual([['ВРП', 'валового регионального продукта']]);
    expect(pairs('The national innovation system (NIS) of Russia.')).toEqual([['NIS', 'national innovation system']]);
  });

  it('prefers the start whose initials spell the short form over the nearest one', () => {
    expect(pairs('Patients took proton pump inhibitors (PPIs) daily.')).toEqual([['PPIs', 'proton pump inhibitors']]);
  });

  it('a slash between alternatives for the same letter keeps both in the long form', () => {
    expect(pairs('Forecasts used the Gross/General Domestic Product (GDP) of each region.')).toEqual([
      ['GDP', 'Gross/General Domestic Product'],
    ]);
    expect(pairs('the mutant ngn3/paired box factor 6 (PBF6) line')).toEqual([['PBF6', 'paired box factor 6']]);
  });

  it('a short form cited with its noun in another case stands for the words before the noun', () => {
    expect(pairs('Доля малых инновационных предприятий (МИ предприятия) растет.')).toEqual([['МИ', 'малых инновационных']]);
    expect(pairs('Growth of mouse embryo fibroblast cells (MEF cells) was slow.')).toEqual([
      ['MEF cells', 'mouse embryo fibroblast cells'],
    ]);
  });

  it('a bracketed part of a name echoed by a bracketed letter of the short form', () => {
    expect(pairs('Население Ханты-Мансийского автономного округа (Югра) (ХМАО (Ю)) росло.')).toEqual([
      ['ХМАО (Ю)', 'Ханты-Мансийского автономного округа (Югра)'],
    ]);
  });

  it('SF (long form)', () => {
    expect(pairs('Growth of the NIS (national innovation system) slowed.')).toEqual([['NIS', 'national innovation system']]);
  });

  it('(далее – SF), (далее по тексту – SF), (далее SF)', () => {
    expect(pairs('позволит национальной инновационной системе (далее НИС) России')).toEqual([
      ['НИС', 'национальной инновационной системе'],
    ]);
    expect(pairs('к росту отечественных транснациональных корпораций (далее  – ТНК). В статье')).toEqual([
      ['ТНК', 'транснациональных корпораций'],
    ]);
    expect(pairs('субъектов малого и среднего предпринимательства (далее по тексту – МСП) в регионе')).toEqual([
      ['МСП', 'малого и среднего предпринимательства'],
    ]);
  });

  it('(hereinafter SF), (hereinafter referred to as SF), with letters that do not begin words', () => {
    expect(pairs('the national innovation system (hereinafter NIS) of Russia')).toEqual([['NIS', 'national innovation system']]);
    expect(pairs('growth of domestic multinational corporations (hereinafter referred to as TNCs). The')).toEqual([
      ['TNCs', 'multinational corporations'],
    ]);
  });

  it('a capitalized name before "hereinafter" when the letters do not fit', () => {
    expect(pairs('Rates were raised by the Bank of Russia (hereinafter the CBR) in 2022.')).toEqual([['CBR', 'Bank of Russia']]);
  });

  it('a renaming that repeats the short form is not a definition', () => {
    expect(pairs('Госкорпорация «ВЭБ.РФ» (ВЭБ) расширила программы.')).toEqual([]);
  });

  it('a «далее» that names no abbreviation is not a definition', () => {
    expect(pairs('Муниципальная программа «Развитие спорта» (далее – Программа) утверждена.')).toEqual([]);
  });

  it('a qualifier repeated after the short form ends the long form', () => {
    expect(pairs('аппаратно-программного комплекса «Безопасный город» (далее – АПК «Безопасный город»)')).toEqual([
      ['АПК', 'аппаратно-программного комплекса'],
    ]);
  });

  it('SF – это long form; SF, or long form', () => {
    expect(pairs('НИС – это национальная инновационная система, включающая вузы.')).toEqual([
      ['НИС', 'национальная инновационная система'],
    ]);
    expect(pairs('TNCs, or transnational corporations, dominate trade.')).toEqual([['TNCs', 'transnational corporations']]);
  });

  it('(long form, SF) inside the parenthesis and [SF] in brackets', () => {
    expect(pairs('in the endothelium (blood-brain barrier, BBB) and in')).toEqual([['BBB', 'blood-brain barrier']]);
    expect(pairs('a 24-hour electroencephalogram [EEG], spectral analysis')).toEqual([['EEG', 'electroencephalogram']]);
  });

  it('no definition from numbers, units, Roman numerals or letters that do not match', () => {
    expect(pairs('Кубанский (I), Эльбрусский (II) и Терский (III) типы')).toEqual([]);
    expect(pairs('doses of 10 mg/kg (2 mg) and controls (p < 0.05)')).toEqual([]);
    expect(pairs('1907 Органическая школа (США);')).toEqual([]);
  });
});
