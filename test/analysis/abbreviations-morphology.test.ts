import { beforeAll, describe, expect, it } from 'vitest';
import { findAbbreviations, loadMorphology } from '../../src/analysis/abbreviations/index.js';
import { findDefinitions } from '../../src/analysis/abbreviations/definitions.js';
import { russianDictionaryForm } from '../../src/analysis/abbreviations/morphology.js';
import { nounPhraseStart } from '../../src/analysis/abbreviations/noun-phrase.js';
import { contextOf } from './abbreviations-support.js';

beforeAll(async () => {
  await loadMorphology();
});

describe('dictionary forms of Russian long forms', () => {
  it.each([
    ['национальной инновационной системе', 'национальная инновационная система'],
    ['транснациональных корпораций', 'транснациональная корпорация'],
    ['малого и среднего предпринимательства', 'малое и среднее предпринимательство'],
    ['государственно-частного партнерства', 'государственно-частное партнерство'],
    ['объектов интеллектуальной собственности', 'объект интеллектуальной собственности'],
    ['Российского экспортного центра', 'Российский экспортный центр'],
    ['органы местного самоуправления', 'орган местного самоуправления'],
  ])('%s → %s', (written, dictionary) => {
    expect(russianDictionaryForm(written)).toBe(dictionary);
  });

  it('gives up on phrases that are not adjectives and a noun', () => {
    expect(russianDictionaryForm('Готов к труду и обороне')).toBeNull();
  });

  it('keeps the written form next to the dictionary form', () => {
    const [nis] = findAbbreviations(contextOf('Это позволит национальной инновационной системе (далее НИС) России развиваться.'));
    expect(nis).toMatchObject({
      short: 'НИС',
      long: 'национальная инновационная система',
      longAsWritten: 'национальной инновационной системе',
      source: 'text',
      factor: 'national_innovation_system',
    });
  });

  it('the English long form of a plural short form is given in the singular', () => {
    const [tnc] = findAbbreviations(contextOf('Growth of multinational corporations (hereinafter referred to as TNCs) is slow.'));
    expect(tnc).toMatchObject({ short: 'TNC', long: 'multinational corporation', longAsWritten: 'multinational corporations' });
  });
});

describe('long forms by Russian syntax where the letters do not fit', () => {
  const pairs = (text: string) => findDefinitions(text).map((d) => [d.short, d.long]);

  it('a Latin abbreviation after its Russian translation', () => {
    expect(pairs('Россия вышла из Всемирной торговой организации (WTO) не сразу.')).toEqual([['WTO', 'Всемирной торговой организации']]);
    expect(pairs('Банки отключены от системы передачи финансовых сообщений (SPFS), а не наоборот.')).toEqual([
      ['SPFS', 'системы передачи финансовых сообщений'],
    ]);
  });

  it('a translation has about one word per letter, or is one compound term', () => {
    expect(pairs('Ширина линии на половине высоты, или полуширина (FWHM), равна 2 нм.')).toEqual([['FWHM', 'полуширина']]);
    expect(pairs('В разделе «Обрабатывающие производства (BCDE)» нет данных.')).toEqual([]);
    expect(pairs('Иммунизировали капсульным полисахаридом (SIII) мышей.')).toEqual([]);
  });

  it('a word with a capital inside is an abbreviation, not a word of the translation', () => {
    expect(pairs('Число клеток спНИГОК селезенки мышей (SMC) росло.')).toEqual([['SMC', 'селезенки мышей']]);
  });

  it('a translation starts no earlier than a quotation still open', () => {
    expect(pairs('В обзоре «Перспективы экономики (WEO)» МВФ снизил прогноз.')).toEqual([['WEO', 'Перспективы экономики']]);
  });

  it('a preposition is not a noun of the phrase, even though the dictionary lists «в» as an abbreviation', () => {
    expect(nounPhraseStart(['рост', 'производства', 'в', 'России'], 4)).toEqual({ start: 3, cut: false });
  });

  it('a digit is translated by its number word, which begins the phrase', () => {
    expect(pairs('Спад пришелся на первую половину переходного периода (TP-1) в экономике.')).toEqual([
      ['TP-1', 'первую половину переходного периода'],
    ]);
  });

  it('a noun with a participial phrase after it, abbreviated as the compound with the participle first', () => {
    expect(pairs('В регионе выросло число предприятий, выпускающих инновационную продукцию (ИПВП), и их выручка.')).toEqual([
      ['ИПВП', 'предприятий, выпускающих инновационную продукцию'],
    ]);
    expect(pairs('В регионе выросло число предприятий, выпускающих инновационную продукцию (ИПВК), и их выручка.')).toEqual([]);
  });

  it('the noun phrase before «далее»', () => {
    expect(pairs('Ставку определяет Банк России (далее – ЦБ), а не правительство.')).toEqual([['ЦБ', 'Банк России']]);
  });

  it('before «далее», a noun phrase longer than the letters, from its word with the first letter', () => {
    expect(pairs('Налоговая служба ведет новый единый реестр субъектов малого предпринимательства (далее – ЕГРМП) с 2016 года.')).toEqual([
      ['ЕГРМП', 'единый реестр субъектов малого предпринимательства'],
    ]);
  });
});

describe('long forms spelled out elsewhere in the paper', () => {
  it('takes a name written once away from its undefined abbreviation, in dictionary form', () => {
    const context = contextOf(
      'В 1956 году в Томском политехническом институте открылась лаборатория.',
      'Выпускники ТПИ работали на заводах. Позднее ТПИ получил статус университета.',
    );
    const tpi = findAbbreviations(context).find((a) => a.short === 'ТПИ');
    expect(tpi?.long).toBe('Томский политехнический институт');
    expect(tpi?.source).toBe('text');
  });

  it('takes a lower-case term only when the paper uses it twice', () => {
    const twice = contextOf('We estimate by seemingly unrelated regression.', 'As seemingly unrelated regression pools the equations, SUR is preferred.');
    expect(findAbbreviations(twice).find((a) => a.short === 'SUR')?.long).toBe('seemingly unrelated regression');
    const once = contextOf('Of all firms, sales usually rose.', 'The SUR column gives the estimates.');
    expect(findAbbreviations(once).find((a) => a.short === 'SUR')?.long ?? null).toBeNull();
  });

  it('keeps the glossary when a run of words spells the letters by chance', () => {
    const context = contextOf('Рост выглядит вполне позитивно.', 'ВВП вырос на 3 %.');
    expect(findAbbreviations(context).find((a) => a.short === 'ВВП')?.long).toMatch(/валов/u);
  });
});
