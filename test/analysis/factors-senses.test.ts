import { describe, expect, it } from 'vitest';
import { findFactorMentions } from '../../src/analysis/factors/index.js';
import { contextOf, mentionsOf } from './factors-support.js';

const factorsOf = (text: string) => mentionsOf(text).map((m) => m.factor);
const documentFactors = (...paragraphs: string[]) => new Set(findFactorMentions(contextOf(...paragraphs), []).map((m) => m.factor));

describe('factor senses', () => {
  it('read a word in the sense the paper mostly uses it in (one sense per discourse)', () => {
    const researchFunding = [
      'Public research funding raises academic output.',
      'Research funding is concentrated in top universities.',
      'Scientific funding grew in eastern provinces.',
    ];
    expect(documentFactors(...researchFunding, 'Policymakers should re-examine current funding principles.')).not.toContain('investment_finance');
    // in a paper that uses the word in the factor's sense, the same sentence is finance
    expect(documentFactors('Access to funding is the main barrier for small firms.', 'Policymakers should re-examine current funding principles.')).toContain('investment_finance');
    const researchInstitutes = ['Научные институты Академии открылись в Новосибирске.', 'Сотрудники академических институтов получили жильё.', 'Институты РАН и научные институты отраслей росли.'];
    expect(documentFactors(...researchInstitutes, 'Москва; В – институты океанологии и Дальнего Востока.')).not.toContain('institutional_environment');
  });

  it('take a short quoted title for the name of a project or programme', () => {
    expect(factorsOf('Исследования поддержал проект «Инвестиционно-привлекательные модели месторождений».')).not.toContain('investment_finance');
    expect(factorsOf('The report "Investment in green industries" was published in 2020.')).not.toContain('investment_finance');
    // a longer quotation is a statement, whose words count
    expect(factorsOf('Министр заявил: «Инвестиции в промышленность в этом году упали, и без новых мер поддержки предприятия не смогут обновить оборудование и выйти на новые рынки сбыта».')).toContain('investment_finance');
  });

  it('tell international from internal, whose stems collide', () => {
    expect(factorsOf('Firms adapted their internal routines to collaboration with partners.')).not.toContain('international_cooperation');
    expect(factorsOf('Firms gain from collaboration with international partners.')).toContain('international_cooperation');
  });

  it('read the lexicon\'s senses in both languages', () => {
    // experts who judge are not the workforce; a shortage of specialists is
    expect(factorsOf('Этот подход рассматривается специалистами в области энергетики как новая идеология.')).not.toContain('human_capital');
    expect(factorsOf('Отрасли не хватает специалистов и инженеров.')).toContain('human_capital');
    expect(factorsOf('Здесь нужны строгие инженерные решения.')).not.toContain('human_capital');
    expect(factorsOf('«За кадром» остаются варианты реорганизации фирм.')).not.toContain('human_capital');
    // climate as a natural condition is not the green transition; climate change is
    expect(factorsOf('Расстояние, топография и климат имеют свою стоимость.')).not.toContain('green_transition');
    expect(factorsOf('Изменение климата требует новой энергетической политики.')).toContain('green_transition');
    // a regional organisation is a group of countries, not a region
    expect(factorsOf('Кыргызстан вступил в региональную организацию.')).not.toContain('regional_development');
    expect(factorsOf('The country joined a regional trade agreement.')).not.toContain('regional_development');
    expect(factorsOf('Регионы России развиваются неравномерно.')).toContain('regional_development');
    // a merger of universities is a reorganisation of public bodies, not corporate M&A
    expect(factorsOf('China experienced a wave of university mergers.')).not.toContain('mergers_acquisitions');
    expect(factorsOf('Слияние вузов прошло в 2010 году.')).not.toContain('mergers_acquisitions');
    expect(factorsOf('The merger of the two carmakers created a global leader.')).toContain('mergers_acquisitions');
    // sanctions as a penalty for breaking a rule
    expect(factorsOf('Закон устанавливает санкции за таможенные правонарушения.')).not.toContain('sanctions');
    expect(factorsOf('Firms face sanctions for non-compliance with the reporting rules.')).not.toContain('sanctions');
    expect(factorsOf('Санкции против России сократили экспорт.')).toContain('sanctions');
    // institutions as organisations, institutions as rules
    expect(factorsOf('Funding is distributed among academic institutions.')).not.toContain('institutional_environment');
    expect(factorsOf('Weak institutions deter foreign investors.')).toContain('institutional_environment');
    // a way of life is not a technological paradigm
    expect(factorsOf('Регион сохранил традиционный уклад жизни.')).not.toContain('technological_paradigm');
    expect(factorsOf('Переход к шестому технологическому укладу требует инвестиций.')).toContain('technological_paradigm');
    // investing effort or time is not finance; investing in research is research funding
    expect(factorsOf('Researchers might be unwilling to invest effort in commercialization.')).not.toContain('investment_finance');
    expect(factorsOf('The total investment in basic research is still large.')).not.toContain('investment_finance');
    expect(factorsOf('Foreign investment is a strong driver of adoption.')).toContain('investment_finance');
    // new markets are a reorientation when they are abroad; a new market leader is a firm
    expect(factorsOf('Nokia became the new market leader.')).not.toContain('market_reorientation');
    expect(factorsOf('The firm explored new markets and products.')).not.toContain('market_reorientation');
    expect(factorsOf('Exporters turned to new markets in Asia.')).toContain('market_reorientation');
    // a start-up phase is not a start-up firm; university-educated staff are human capital, not universities
    expect(factorsOf('The transition from an initial start-up to the forging ahead stage is slow.')).not.toContain('smes');
    expect(factorsOf('A university-educated workforce leads to higher adoption.')).not.toContain('universities');
    // a contributor-role statement lists roles, not subjects
    expect(factorsOf('Y. Dong: Data curation, Writing - original draft, Software, Formal analysis.')).not.toContain('digitalization');
    expect(factorsOf('N. Yu: Conceptualization, Methodology, Funding acquisition, Project administration.')).not.toContain('mergers_acquisitions');
  });

  it('catch wider wordings: a noun phrase with its verb, in both languages', () => {
    expect(factorsOf('В России предпринимаются меры по стабилизации инвестиционного климата.')).toContain('state_policy');
    expect(factorsOf('Отрасль поддерживает федеральная целевая программа.')).toContain('state_policy');
    expect(factorsOf('Статья 73 Конституции ограничивает компетенции регионов.')).toContain('institutional_environment');
    expect(factorsOf('Since the constitutional reform, regions set their own innovation policy.')).toContain('institutional_environment');
    expect(factorsOf('These differences constitute the main finding.')).not.toContain('institutional_environment');
    expect(factorsOf('Разработки института внедрены в производство на трёх заводах.')).toContain('science_industry_links');
    expect(factorsOf('Ряд исследований выполняется по заказам предприятий.')).toContain('science_industry_links');
    expect(factorsOf('Half of the faculty provided consulting services to private firms.')).toContain('science_industry_links');
  });
});
