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

  it('find the general wordings of a factor, not only its codebook terms', () => {
    expect(factorsOf('Проблемы инвестирования в экономику обострились.')).toContain('investment_finance');
    expect(factorsOf('Важно, чтобы территория развивалась за счёт собственных источников.')).toContain('regional_development');
    expect(factorsOf('Программа направлена на развитие северных территорий.')).toContain('regional_development');
    expect(factorsOf('Частые изменения в регулировании отпугивают инвесторов.')).toContain('institutional_environment');
    expect(factorsOf('Оценивалась доступность человеческих ресурсов и образовательный потенциал населения.')).toContain('human_capital');
    expect(factorsOf('Высокие процентные ставки сдерживают кредитование.')).toContain('monetary_policy');
    expect(factorsOf('Поддержка малого предпринимательства остаётся слабой.')).toContain('smes');
    expect(factorsOf('Выросла результативность научных исследований и разработок.')).toContain('rd_investment');
    expect(factorsOf('Специалистов готовят высшие учебные заведения.')).toContain('universities');
    expect(factorsOf('Учитывался уровень развития информационного общества.')).toContain('digitalization');
    expect(factorsOf('Регион богат природными ресурсами, растёт добыча полезных ископаемых.')).toContain('commodity_dependence');
    expect(factorsOf('Инвесторы указывают на нехватку необходимых производств.')).toContain('manufacturing_base');
    expect(factorsOf('Низкие зарплаты привлекают иностранные компании.')).toContain('costs_logistics');
    expect(factorsOf('Конфигурация межбюджетных отношений неоптимальна.')).toContain('tax_policy');
    expect(factorsOf('Once more, the firms are financially constrained and carry much debt.')).toContain('investment_finance');
    expect(factorsOf('Inventors often create spinoff companies.')).toContain('smes');
    expect(factorsOf('Firms benefit from a strong national system of innovation.')).toContain('national_innovation_system');
    expect(factorsOf('Industries protected by the state innovate less.')).toContain('protectionism');
    expect(factorsOf('The regulation of patents remains unclear.')).toContain('institutional_environment');
    expect(factorsOf('SMEs are encouraged to interact with universities and large firms.')).toContain('science_industry_links');
    expect(factorsOf('Latecomers absorb existing knowledge quickly.')).toContain('technology_absorption');
    expect(factorsOf('Firms entered the industry through technology acquisition.')).not.toContain('mergers_acquisitions');
    expect(factorsOf('Международные научные связи быстро развивались.')).toContain('international_cooperation');
    expect(factorsOf('Меры, связанные с иностранным инвестированием, приняты.')).not.toContain('international_cooperation');
    expect(factorsOf('В связи с международной обстановкой планы изменились.')).not.toContain('international_cooperation');
    expect(factorsOf('Под Новосибирском вырос научный городок.')).toContain('innovation_infrastructure');
    expect(factorsOf('Universities created technology transfer offices to manage inventions.')).toContain('innovation_infrastructure');
    expect(factorsOf('Foreign firms transfer technology to local suppliers.')).toContain('tncs');
    expect(factorsOf('Установленная мощность электростанций выросла.')).toContain('energy_sector');
    expect(factorsOf('Повышение процентных ставок ударило по заёмщикам.')).toContain('monetary_policy');
    expect(factorsOf('Иностранные инвесторы вывели средства, усилился отток капитала.')).toContain('investment_finance');
    expect(factorsOf('Межрегиональная миграция фирм невелика.')).toContain('regional_development');
    expect(factorsOf('Reforms differ across provinces and sub-national governments.')).toContain('regional_development');
    expect(factorsOf('Определены пять точек роста и десять инновационных площадок.')).toEqual(expect.arrayContaining(['regional_development', 'innovation_infrastructure']));
    expect(factorsOf('Ассигнования на науку выросли, лаборатории выигрывают конкурсы грантов.')).toContain('rd_investment');
    expect(factorsOf('Доля страны в мировой экономике сокращается.')).toContain('global_competition');
    expect(factorsOf('Universities compete to attract and retain leading researchers.')).toContain('human_capital');
    expect(factorsOf('New firms face a higher risk of failure.')).toContain('smes');
    expect(factorsOf('Заводы отрасли утратили горизонтальные связи с поставщиками.')).toContain('value_chains');
    expect(factorsOf('Отрасль выстояла в условиях внешних ограничений.')).toContain('sanctions');
    expect(factorsOf('Внешние ограничения роста связаны с платёжным балансом.')).not.toContain('sanctions');
    expect(factorsOf('In each period a new firm enters the model industry.')).not.toContain('smes');
    // a firm's financial constraints are finance even in a paper about research funding
    expect(documentFactors('Research funding grew.', 'Research grants were cut.', 'Scientific funding is scarce.', 'Young firms are financially constrained.')).toContain('investment_finance');
  });

  it('leave out the senses that are not the factor', () => {
    // «на территории» says where something is; human capital is not finance capital
    expect(factorsOf('Развитие туризма на территории республики ускорилось.')).not.toContain('regional_development');
    expect(factorsOf('Учитывается доступность человеческого капитала.')).not.toContain('investment_finance');
    // researchers' pay is an incentive for people, not a labour cost
    expect(factorsOf('Низкие зарплаты учёных вызывают отток кадров.')).not.toContain('costs_logistics');
    // automated handling of data, a place's intangible assets, forced emigration of a population
    expect(factorsOf('Сведения можно выгружать автоматизированно через программный интерфейс.')).not.toContain('automation');
    expect(factorsOf('Автоматизация производства снижает издержки.')).toContain('automation');
    expect(factorsOf('Культура составляет нематериальные активы региона.')).not.toContain('intellectual_property');
    expect(factorsOf('Конфликт вызвал масштабы вынужденной эмиграции населения.')).not.toContain('brain_drain');
    // a tax deducted in computing a measure; goods beside production factors; a regional innovation system
    expect(factorsOf('Value added is output net of materials and indirect taxes.')).not.toContain('tax_policy');
    expect(factorsOf('Reforms improved commodity and factor markets.')).not.toContain('commodity_dependence');
    expect(factorsOf('The paper studies a regional innovation system in Tuscany.')).not.toContain('national_innovation_system');
    expect(factorsOf('Прогнозируется развитие региональных инновационных систем.')).not.toContain('national_innovation_system');
    // financial support near research words is research funding
    expect(factorsOf('Universities with strong financial support for research publish more.')).not.toContain('investment_finance');
    // biochips are no semiconductors; research on industries is a study, not a link; financing researchers is research funding
    expect(factorsOf('Диагностика основана на методе биологических микрочипов.')).not.toContain('semiconductors');
    expect(factorsOf('Diagnosis relies on DNA chips.')).not.toContain('semiconductors');
    expect(factorsOf('Research in industries other than these should follow.')).not.toContain('science_industry_links');
    expect(factorsOf('The council is the main body financing researchers in physics.')).not.toContain('investment_finance');
    expect(factorsOf('Выделены трудовой, инновационный и инфраструктурный потенциалы.')).not.toContain('innovation_infrastructure');
    expect(factorsOf('Создаётся инновационная инфраструктура региона.')).toContain('innovation_infrastructure');
    // a country's geographical concentration of patents is not a place where firms cluster
    expect(factorsOf('We measure the geographical concentration of patents across countries.')).not.toContain('regional_development');
    // idioms and figures of speech: adopting an idea, devalued values, borrowed text, students' research work
    expect(factorsOf('Министерство взяло на вооружение идею реформы.')).not.toContain('defence_industry');
    expect(factorsOf('Производство вооружений выросло.')).toContain('defence_industry');
    expect(factorsOf('Это ведёт к девальвации научных ценностей.')).not.toContain('monetary_policy');
    expect(factorsOf('Девальвация рубля удорожила импорт.')).toContain('monetary_policy');
    expect(factorsOf('Доля некорректных заимствований в тексте превысила треть.')).not.toContain('technology_absorption');
    expect(factorsOf('Заимствование зарубежных технологий ускорило рост.')).toContain('technology_absorption');
    expect(factorsOf('Научно-исследовательская работа студентов входит в учебный план.')).not.toContain('applied_science');
    expect(factorsOf('Научно-исследовательские институты сократили штат.')).toContain('applied_science');
    // a country's defence capability is not its defence industry
    expect(factorsOf('Советы отвечали за укрепление обороноспособности страны.')).not.toContain('defence_industry');
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
