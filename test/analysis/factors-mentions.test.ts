import { describe, expect, it } from 'vitest';
import { findCandidates } from '../../src/analysis/factors/candidates.js';
import { findFactorMentions } from '../../src/analysis/factors/index.js';
import type { SummaryAbbreviation } from '../../src/analysis/types.js';
import { contextOf, mentionsOf } from './factors-support.js';

const factorsOf = (text: string) => mentionsOf(text).map((m) => m.factor);

describe('factor mentions', () => {
  it('are found whatever the inflection, in Russian and English', () => {
    expect(factorsOf('Экспорт сократился под действием санкций.')).toContain('sanctions');
    expect(factorsOf('В условиях санкционного давления экспорт сократился.')).toContain('sanctions');
    expect(factorsOf('Отсутствуют транснациональные корпорации.')).toContain('tncs');
    expect(factorsOf('Sanctioned firms lost market share because of the embargo.')).toContain('sanctions');
  });

  it('follow multi-word wordings with words in between', () => {
    expect(factorsOf('Слабое взаимодействие науки, вузов и бизнеса тормозит инновации.')).toContain('science_industry_links');
    expect(factorsOf('Links between universities and industry remain weak.')).toContain('science_industry_links');
  });

  it('read abbreviations with case endings, and those the abbreviation step tied to a factor', () => {
    expect(factorsOf('Сделки кредитуются при участии ВЭБ-а.')).toContain('export_support');
    expect(factorsOf('Domestic TNCs lead the exports.')).toContain('tncs');
    const frp: SummaryAbbreviation = { short: 'ФРП', long: 'Фонд развития промышленности', source: 'text', language: 'ru', count: 2, firstOffset: 0, equivalents: [], factor: 'investment_finance' };
    expect(mentionsOf('Льготные займы ФРП помогли предприятиям.', [frp]).map((m) => m.factor)).toContain('investment_finance');
  });

  it('follow the paper\'s own definition of an abbreviation over the glossary and the lexicon', () => {
    const ppp: SummaryAbbreviation = { short: 'PPP', long: 'purchasing power parity', source: 'text', language: 'en', count: 3, firstOffset: 0, equivalents: [], factor: null };
    expect(mentionsOf('Incomes at PPP converged slowly across regions.', [ppp]).map((m) => m.factor)).not.toContain('public_private_partnership');
    expect(mentionsOf('PPP projects built the new toll roads.', []).map((m) => m.factor)).toContain('public_private_partnership');
  });

  it('read a paper\'s own abbreviation as the factor its long form names, when that covers the long form', () => {
    const own = (short: string, long: string, language = 'en'): SummaryAbbreviation => ({ short, long, longAsWritten: long, source: 'text', language, count: 4, firstOffset: 0, equivalents: [], factor: null });
    expect(mentionsOf('UTT grew fastest where reforms went furthest.', [own('UTT', 'university technology transfer')]).map((m) => m.factor)).toContain('technology_absorption');
    expect(mentionsOf('TTO staff screened every invention disclosure.', [own('TTO', 'Technology Transfer Office')]).map((m) => m.factor)).toContain('innovation_infrastructure');
    expect(mentionsOf('Доля МСП в выручке отрасли растёт.', [own('МСП', 'малые и средние предприятия', 'ru')]).map((m) => m.factor)).toContain('smes');
    // a name of which the factor's words are a small part names no factor
    expect(mentionsOf('MSHE approved the new rules.', [own('MSHE', 'Ministry of Science and Higher Education of the Republic')]).map((m) => m.factor)).toEqual([]);
  });

  it('read R&D named with its spending as R&D investment, not also as investment in general', () => {
    expect(factorsOf('Firms raised their R&D investment after the subsidy.')).toContain('rd_investment');
    expect(factorsOf('Firms raised their R&D investment after the subsidy.')).not.toContain('investment_finance');
    expect(factorsOf('Investment in R&D grew.')).not.toContain('investment_finance');
    expect(factorsOf('Investment in new plants grew.')).toContain('investment_finance');
  });

  it('skip false friends listed as exclusions', () => {
    expect(factorsOf('The board disclosed a conflict of interest.')).not.toContain('geopolitical_tension');
    expect(factorsOf('GDP per capita at PPP rose.')).not.toContain('public_private_partnership');
    expect(factorsOf('Exports to the Asia-Pacific region grew.')).not.toContain('regional_development');
  });

  it('read a word in the sense its context conditions state, in both languages', () => {
    // partners and cooperation are international cooperation only with foreign partners
    expect(factorsOf('Компания ищет партнеров среди местных поставщиков.')).not.toContain('international_cooperation');
    expect(factorsOf('Компания ищет партнеров среди зарубежных поставщиков.')).toContain('international_cooperation');
    expect(factorsOf('Firms learn from the partners they collaborate with.')).not.toContain('international_cooperation');
    expect(factorsOf('International R&D collaboration gives access to foreign knowledge.')).toContain('international_cooperation');
    // an institute as an organisation is not an institution; market institutions are
    expect(factorsOf('В институтах и других научных учреждениях трудились тысячи человек.')).not.toContain('institutional_environment');
    expect(factorsOf('Слабость рыночных институтов сдерживает инвестиции.')).toContain('institutional_environment');
    // a company's relocation is not the emigration of people; that of specialists is
    expect(factorsOf('Релокация юридических компаний в другие регионы — редкое явление.')).not.toContain('brain_drain');
    expect(factorsOf('Релокация специалистов за рубеж ускорилась.')).toContain('brain_drain');
    // conflict and tension in their everyday and academic senses are not geopolitics
    expect(factorsOf('There is a tension between assumptions and empirical data.')).not.toContain('geopolitical_tension');
    expect(factorsOf('Military tension between the two countries disrupted trade.')).toContain('geopolitical_tension');
    // funding of research is research funding, other funding is finance
    expect(factorsOf('Public funds allocated to universities raised academic output.')).toEqual(expect.arrayContaining(['rd_investment']));
    expect(factorsOf('Public funds allocated to universities raised academic output.')).not.toContain('investment_finance');
    expect(factorsOf('Access to funding remains the main barrier for small firms.')).toContain('investment_finance');
    // spillovers are technology absorption when they come from abroad
    expect(factorsOf('Knowledge spillovers from partner firms contribute to success.')).not.toContain('technology_absorption');
    expect(factorsOf('Knowledge spillovers from foreign direct investment raised productivity.')).toContain('technology_absorption');
  });

  it('catch paraphrases: a noun phrase with its verbs, not one paper\'s phrase', () => {
    expect(factorsOf('Policy aims to reduce reliance on imports of machinery.')).toContain('import_dependence');
    expect(factorsOf('Необходимо снизить зависимость от зарубежных поставщиков.')).toContain('import_dependence');
    expect(factorsOf('Firms fight for market share in world markets.')).toContain('global_competition');
    expect(factorsOf('Компании борются за рынки сбыта.')).toContain('global_competition');
    expect(factorsOf('Universities with fewer staff members face pressure.')).toContain('human_capital');
    expect(factorsOf('SMEs find it difficult to interact with universities and public research organisations.')).toContain('science_industry_links');
    expect(factorsOf('Institutional barriers increase the fixed costs of innovation.')).toContain('costs_logistics');
    expect(factorsOf('The cost of capital rose.')).not.toContain('costs_logistics');
  });

  it('take names of organisations, journals and programmes for names, unless the factor is a kind of organisation', () => {
    expect(factorsOf('The paper appeared in Research Policy last year.')).not.toContain('state_policy');
    expect(factorsOf('Data come from the Regional Innovation System Programme of Flanders.')).not.toContain('national_innovation_system');
    expect(factorsOf('Сотрудники работали в Институте экономики.')).not.toContain('institutional_environment');
    expect(factorsOf('The author thanks Peking University for support.')).toContain('universities');
    expect(factorsOf('Решение принял Центральный банк.')).toContain('monetary_policy');
    expect(factorsOf('Research policy shapes what universities do.')).toContain('state_policy');
    expect(factorsOf('Регионы России участвовали в этом процессе фрагментарно.')).toContain('regional_development');
    expect(factorsOf('Регионы не имеют необходимых институтов.')).toContain('institutional_environment');
    expect(factorsOf('Решение принимало Министерство промышленности.')).toContain('state_policy');
  });

  it('let the longer wording win where two factors overlap', () => {
    const factors = factorsOf('Инфляция издержек снижает рентабельность.');
    expect(factors).toContain('costs_logistics');
    expect(factors).not.toContain('monetary_policy');
  });

  it('count a factor once per sentence, and several factors in one sentence', () => {
    const mentions = mentionsOf('Санкции и санкционное давление ударили по ТНК и госкорпорациям.');
    expect(mentions.filter((m) => m.factor === 'sanctions')).toHaveLength(1);
    expect(mentions.map((m) => m.factor)).toEqual(expect.arrayContaining(['sanctions', 'tncs', 'state_corporations']));
  });

  it('point at the matched words', () => {
    const context = contextOf('Экспорт упал из-за санкций.');
    const [m] = findFactorMentions(context, []);
    expect(context.doc.text.slice(m!.matchStart, m!.matchEnd)).toBe('санкций');
    expect(m!.match).toBe('санкций');
  });

  it('skip references, captions and languages that are not analyzed, but read the abstract', () => {
    const context = contextOf(
      { text: 'Мельников С. А. Санкции и география внешней торговли.', kind: 'references' },
      { text: 'Die Sanktionen treffen die Exporte.', language: 'de' },
      { text: 'Санкционное давление сократило экспорт.', kind: 'abstract' },
      { text: 'Рис. 1. Санкционное давление на экспорт.', kind: 'caption' },
    );
    const mentions = findFactorMentions(context, []);
    expect(mentions).toHaveLength(1);
    expect(context.sentences[mentions[0]!.sentence]!.paragraph).toBe(2);
  });
});

describe('candidates', () => {
  it('are the phrases a paper presents as factors and the codebook does not cover', () => {
    const context = contextOf('Key factors such as trust networks, venture philanthropy and sanctions shape the outcome.');
    const candidates = findCandidates(context, findFactorMentions(context, []));
    const phrases = candidates.map((c) => c.phrase);
    expect(phrases).toEqual(expect.arrayContaining(['trust networks', 'venture philanthropy']));
    expect(phrases).not.toContain('sanctions');
    const trust = candidates.find((c) => c.phrase === 'trust networks')!;
    expect(context.doc.text.slice(...trust.offsets[0]!)).toBe('trust networks');
  });

  it('read enumerated lists opened by «проблемы …:»', () => {
    const context = contextOf('Выделим основные проблемы развития:', '1. Слабость кредитных кооперативов.', '2. Низкое доверие населения.');
    const phrases = findCandidates(context, findFactorMentions(context, [])).map((c) => c.phrase);
    expect(phrases).toEqual(expect.arrayContaining(['слабость кредитных кооперативов', 'низкое доверие населения']));
  });

  it('are no single words, names or methodology terms', () => {
    const phrases = (text: string) => findCandidates(contextOf(text), []).map((c) => c.phrase);
    expect(phrases('Key factors include the propensity score, the outcome variables and diaspora networks.')).toEqual(['diaspora networks']);
    expect(phrases('Важнейшими факторами являются лидерство, дефицит инженеров и работы Попова.')).toEqual(['дефицит инженеров']);
  });

  it('suggest the nearest codebook factor by shared words', () => {
    const context = contextOf('Важнейшим фактором является цифровая грамотность кадров.');
    const candidate = findCandidates(context, []).find((c) => c.phrase.includes('грамотность'));
    expect(candidate?.suggestedFactor).toBeTruthy();
  });
});
