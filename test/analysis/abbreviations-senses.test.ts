// What counts as an abbreviation of the paper, and what its long form is read as: variable names,
// words in capitals, Roman ranges, addresses and record labels are not abbreviations; a foreign
// abbreviation gets the paper's name for it beside its own long form; "long form, or SF" defines.
import { beforeAll, describe, expect, it } from 'vitest';
import { findDefinitions } from '../../src/analysis/abbreviations/definitions.js';
import { findAbbreviations, loadMorphology } from '../../src/analysis/abbreviations/index.js';
import { contextOf } from './abbreviations-support.js';

function byShort(...paragraphs: Parameters<typeof contextOf>) {
  return new Map(findAbbreviations(contextOf(...paragraphs)).map((a) => [a.short, a]));
}

beforeAll(async () => {
  await loadMorphology();
});

describe('variable names are not abbreviations', () => {
  it('a list of variables clipped from one word each goes, with their uses; initials of several words stay', () => {
    const survey = byShort(
      'We use the number of employees (EMPL) and whether the firm is export active (EXPORT) as controls, and the Community Innovation Survey (CIS) data.',
      'EMPL and EXPORT are measured a year before; CIS waves are pooled.',
    );
    expect([...survey.keys()]).toEqual(['CIS']);
    const university = byShort(
      'The dependent variables are patenting (PATT, binary) and the option to commercialize (OPTN), by the Science Citation Index Expanded (SCIE).',
    );
    expect([...university.keys()]).toEqual(['SCIE']);
  });

  it('one clipped definition is not a list: a paper may clip one term', () => {
    expect([...byShort('We measure the degree of cumulativeness (CUMU) of the knowledge base.').keys()]).toEqual(['CUMU']);
  });

  it('a capitalised word cited or named in brackets is not a short form', () => {
    const a = byShort('R&D by firms is the main driver of innovation (Freeman, 1974), and research projects funded by NSFC (Project) are counted.');
    expect(a.has('Freeman')).toBe(false);
    expect(a.has('Project')).toBe(false);
  });

  it('an ordinary word in capitals that the text also writes in lower case is a variable, not an abbreviation', () => {
    const a = byShort('Firm age matters; AGE and DEMAND enter the model, as does global demand.', 'The ICAROS database gives subsidies.');
    expect(a.has('AGE')).toBe(false);
    expect(a.has('DEMAND')).toBe(false);
    expect(a.has('ICAROS')).toBe(true);
  });
});

describe('strings that are not abbreviations where they stand', () => {
  it('ranges of Roman numerals, also run together', () => {
    const a = byShort('В XVII-XVIII вв. и в ХIVХVI веках наука росла в РФ.');
    expect([...a.keys()]).toEqual(['РФ']);
  });

  it('words inside a web address and labels of a bibliographic record', () => {
    const a = byShort(
      'Источник: http://expert.ru/files/Нефтяники%20-%20инвесторы%20в%20РФ.png и сайт ЦБ.',
      'Агентство стратегических инициатив. – URL: https://asi.ru/report. Издательство, 2018. – ISBN 978-5-7883-1209-5.',
    );
    expect([...a.keys()]).toEqual(['ЦБ']);
  });

  it('a chain of Russian abbreviations naming one body is not an all-caps heading; a heading still is', () => {
    const a = byShort('Совместно с ИНМ ЯНЦ СО РАН выигран конкурс.', 'РОЛЬ ТНК В ЭКОНОМИКЕ РОССИИ');
    expect(a.has('ИНМ')).toBe(true);
    expect(a.has('ЯНЦ')).toBe(true);
    expect(a.has('ЭКОНОМИКЕ')).toBe(false);
    expect(a.has('РОЛЬ')).toBe(false);
    expect(a.has('ТНК')).toBe(true);
  });

  it('initials after surnames are not glossary abbreviations either', () => {
    const a = byShort('См. работы: Иванов АН, Петров ГУ, Сидоров ВВ. Академия наук (АН) и ГУ «Центр» работали вместе.');
    expect(a.get('АН')?.count).toBe(1);
    expect(a.get('ГУ')?.count).toBe(1);
  });
});

describe('long forms', () => {
  it('a foreign abbreviation gets the paper’s name beside its own long form: the long form of its equivalent, or a term', () => {
    const ru = byShort('Кыргызстан вступил в WTO в 1998 г., а в EAEU в 2015 г.');
    expect(ru.get('WTO')?.long).toBe('World Trade Organization (Всемирная торговая организация)');
    expect(ru.get('EAEU')?.long).toBe('Eurasian Economic Union (Евразийский экономический союз)');
    expect(byShort('Данные по ИНН и CLI-доступ к ним.').get('CLI')?.long).toBe('command-line interface (консольный интерфейс)');
  });

  it('a foreign abbreviation defined in the paper’s language keeps that name beside the glossary’s', () => {
    const a = byShort('По данным Всемирного экономического форума (WEF) Россия поднялась в рейтинге.');
    expect(a.get('WEF')?.long).toBe('World Economic Forum (Всемирный экономический форум)');
    expect(a.get('WEF')?.source).toBe('text');
  });

  it('an abbreviation in the paper’s own language is not translated, nor one used in the other half of a parallel paper', () => {
    expect(byShort('Россия вступила в ВТО в 2012 г.').get('ВТО')?.long).toBe('Всемирная торговая организация');
    expect(byShort('Russia joined the WTO in 2012.', 'Россия вступила в ВТО в 2012 г.').get('WTO')?.long).toBe('World Trade Organization');
  });

  it('an abbreviation the glossary writes in lower case is found in capitals too, not inside a derived word', () => {
    const a = byShort('Роль вузов и ВУЗа в науке; вузовская наука и вуз.');
    expect(a.get('вуз')).toMatchObject({ count: 3, long: 'высшее учебное заведение' });
    expect(a.has('ВУЗ')).toBe(false);
  });

  it('clipped compounds of the glossary are found as written (Минфин, Минэнерго)', () => {
    const a = byShort('Минфин и Минэнерго разошлись во мнениях, а Минфина позиция устояла.');
    expect(a.get('Минфин')).toMatchObject({ count: 2, long: 'Министерство финансов' });
    expect(a.get('Минэнерго')?.long).toBe('Министерство энергетики');
  });
});

describe('"long form, or SF"', () => {
  it('defines in English and Russian, when the short form ends the clause', () => {
    const pairs = (t: string) => findDefinitions(t).map((d) => [d.short, d.long]);
    expect(pairs('We study the national innovation system, or NIS, of Russia.')).toEqual([['NIS', 'national innovation system']]);
    expect(pairs('Роль национальной инновационной системы, или НИС, велика.')).toEqual([['НИС', 'национальной инновационной системы']]);
    expect(pairs('Firms rely on foreign direct investment, or FDI as it is known.')).toEqual([['FDI', 'foreign direct investment']]);
    expect(pairs('We grow apples, or NATO.')).toEqual([]);
  });
});
