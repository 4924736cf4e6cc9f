import { describe, expect, it } from 'vitest';
import { classifyStance } from '../../src/analysis/stance/stance.js';
import { findFactorMentions } from '../../src/analysis/factors/index.js';
import { contextOf, mentionsOf, stances } from './factors-support.js';

describe('stance attaches to the factor it governs', () => {
  it('«отсутствие ТНК» is negative for tncs, «ТНК становятся основой» positive', () => {
    expect(stances('Отмечается отсутствие ТНК в высокотехнологичных отраслях.').tncs).toBe('negative');
    expect(stances('ТНК становятся основой для развития высокотехнологичного экспорта.').tncs).toBe('positive');
  });

  it('«санкционное давление» is negative for sanctions, and so is brain drain by itself', () => {
    expect(stances('Экспорт развивается в условиях санкционного давления.').sanctions).toBe('negative');
    expect(stances('Brain drain accelerated after 2022.').brain_drain).toBe('negative');
    expect(stances('Sanctions pressure cut deliveries to Europe.').sanctions).toBe('negative');
  });

  it('reads trends by what grows: more investment is good, more sanctions or costs bad', () => {
    expect(stances('Наблюдается рост инвестиций в промышленность.').investment_finance).toBe('positive');
    expect(stances('Рост санкций продолжается.').sanctions).toBe('negative');
    expect(stances('Сокращение технологических цепочек снизило спрос.').value_chains).toBe('negative');
    expect(stances('Логистические издержки существенно выросли.').costs_logistics).toBe('negative');
    expect(stances('Слияния позволили добиться снижения издержек.').costs_logistics).toBe('positive');
  });

  it('reads problem words and recommendations', () => {
    expect(stances('Главной проблемой остается недостаток квалифицированных кадров.').human_capital).toBe('negative');
    expect(stances('Необходимо развивать государственно-частное партнерство.').public_private_partnership).toBe('positive');
    expect(stances('Governments should invest in universities.').universities).toBe('positive');
    expect(stances('The lack of venture capital is a barrier for start-ups.').investment_finance).toBe('negative');
  });

  it('a personal modal recommends what its subject does, not the subject, unless it is passive', () => {
    expect(stances('Policy-makers should be cautious about expecting immediate effects.').state_policy).toBe('neutral');
    expect(stances('Universities should be supported by the state.').universities).toBe('positive');
    expect(stances('Государственная политика должна учитывать интересы бизнеса.').state_policy).toBe('neutral');
    expect(stances('Государственная политика должна быть усилена.').state_policy).toBe('positive');
    expect(stances('Университеты должны быть поддержаны государством.').universities).toBe('positive');
  });

  it('reads a need by role: its subject lacks something, what it needs is necessary', () => {
    expect(stances('Промышленные предприятия нуждаются в заказах.').manufacturing_base).toBe('negative');
    expect(stances('Регион нуждается в поддержке государства.').state_policy).toBe('positive');
    expect(stances('Growth of the sector increases the need for skilled workers.').human_capital).toBe('positive');
  });

  it('keeps a counterfactual inside a relative clause to that clause', () => {
    expect(stances('Промышленные предприятия нуждаются в заказах, которые решали бы их задачи.').manufacturing_base).toBe('negative');
  });

  it('reads cue words in their sense: age is no growth, a plant no trend, an intensifier no evaluation', () => {
    expect(stances('Средний возраст научных сотрудников составлял 38 лет.').human_capital).toBe('neutral');
    expect(stances('Число научных сотрудников возрастает.').human_capital).toBe('positive');
    expect(stances('Показатели по регионам различаются сильно.').regional_development).toBe('neutral');
    expect(stances('Regional figures strongly differ across regions.').regional_development).toBe('neutral');
    expect(stances('It should be noted that universities were founded in 1990.').universities).toBe('neutral');
    expect(stances('Следует отметить, что университеты были основаны в 1990 году.').universities).toBe('neutral');
  });

  it('reads a counter-move by role: what it counters is a threat, what counters it the remedy', () => {
    const ru = stances('Развитие НИС позволит парировать негативные последствия от санкционных ограничений.');
    expect(ru.sanctions).toBe('negative');
    expect(ru.national_innovation_system).toBe('positive');
    expect(stances('Import substitution helped to mitigate the effects of sanctions.').sanctions).toBe('negative');
    expect(stances('Необходимо преодоление зависимости от импорта технологий.').import_dependence).toBe('negative');
  });

  it('reads a compared propensity ("more likely to", "more often") as a trend of what the subject does or is', () => {
    expect(stances('Foreign-owned firms were more likely to adopt cloud services than local ones.').tncs).toBe('positive');
    expect(stances('Young firms are more often financially constrained than incumbents.').investment_finance).toBe('negative');
    expect(stances('Firms in remote regions are less likely to export.').regional_development).toBe('negative');
  });

  it('reads creation and launch told as done as a trend up, and an adjective such as "established" as nothing', () => {
    expect(stances('В регионе созданы технопарки.').innovation_infrastructure).toBe('positive');
    expect(stances('В 2015 году организовано опытное производство стеклопластика.').manufacturing_base).toBe('positive');
    expect(stances('Реализуются программы сотрудничества с зарубежными вузами.').international_cooperation).toBe('positive');
    expect(stances('Санкции были введены в действие в 2014 году.').sanctions).toBe('negative');
    expect(stances('Three technoparks were built in 2019.').innovation_infrastructure).toBe('positive');
    expect(stances('The ministry launched a technopark near the capital.').innovation_infrastructure).toBe('positive');
    expect(stances('Established firms dominate global value chains.').value_chains).toBe('neutral');
    // a short passive participle takes no object: the noun after it is its agent
    expect(stances('Первые отечественные технопарки были созданы группой энтузиастов.').innovation_infrastructure).toBe('positive');
  });

  it('lets a trend reach across a long subject or object within one comma-free clause', () => {
    expect(stances('Patent applications by universities in the northern provinces rose sharply.').intellectual_property).toBe('positive');
    expect(stances('Сокращены поставки за рубеж продукции отечественного станкостроения.').manufacturing_base).toBe('negative');
    expect(stances('Экспорт вырос, но патентные заявки университетов северных провинций резко сократились.').intellectual_property).toBe('negative');
    // a comma parts them: the trend is said of what stands beside it
    expect(stances('Patent applications by universities in the northern provinces, unlike exports, rose sharply.').intellectual_property).toBe('neutral');
  });

  it('reads a trend by what it governs: a crisis that cut investment is bad for investment', () => {
    expect(stances('Кризис значительно снизил долю инвестиций в ВВП.').investment_finance).toBe('negative');
  });

  it('takes a counterfactual for what did not happen, not for an evaluation', () => {
    expect(stances('Государство должно было поддержать инвестиции в промышленность.').investment_finance).toBe('neutral');
    expect(stances('The government should have supported investment in manufacturing.').investment_finance).toBe('neutral');
  });

  it('gives the Russian and English versions of an abstract sentence the same stance', () => {
    const context = contextOf(
      { text: 'Санкции подорвали высокотехнологичный экспорт.', kind: 'abstract' },
      { text: 'Sanctions affected high-tech exports.', kind: 'abstract' },
    );
    const sanctions = findFactorMentions(context, []).filter((m) => m.factor === 'sanctions').map((m) => m.stance);
    expect(sanctions).toEqual(['negative', 'negative']);
    const ppp = findFactorMentions(contextOf(
      { text: 'Государственно-частное партнерство оказалось эффективным.', kind: 'abstract' },
      { text: 'Public-private partnership was studied.', kind: 'abstract' },
    ), []).filter((m) => m.factor === 'public_private_partnership').map((m) => m.stance);
    expect(ppp).toEqual(['positive', 'positive']);
  });

  it('does not take methodology for evaluation', () => {
    expect(stances('We use R&D spending as the dependent variable with robust standard errors.').rd_investment).toBe('neutral');
    expect(stances('Доля инвестиций меняется в зависимости от региона.').investment_finance).toBe('neutral');
  });

  it('takes what a research aim or an open question introduces for a topic, not an evaluation', () => {
    expect(stances('This study examines whether sanctions hamper investment in the region.').investment_finance).toBe('neutral');
    expect(stances('We ask whether tax incentives stimulate innovation in small firms.').tax_policy).toBe('neutral');
    expect(stances('В данной работе исследуется вклад университетов в успешное развитие региона.').universities).toBe('neutral');
    expect(stances('Неясно, способствуют ли налоговые льготы росту инвестиций.').tax_policy).toBe('neutral');
    // a finding is still one
    expect(stances('The results show that tax incentives stimulate innovation in small firms.').tax_policy).toBe('positive');
  });

  it('takes a definition or the description of a variable for no evaluation', () => {
    expect(stances('Human capital is defined as the skills that allow workers to succeed in the labour market.').human_capital).toBe('neutral');
    expect(stances('We control for the importance of foreign direct investment in each region.').investment_finance).toBe('neutral');
    expect(stances('Под человеческим капиталом понимается совокупность навыков, позволяющих работникам добиваться успеха.').human_capital).toBe('neutral');
  });

  it('reads a recommended counter-move by the counter-move: what it counters is a threat', () => {
    expect(stances('Необходимо устранить зависимость от импорта комплектующих.').import_dependence).toBe('negative');
    expect(stances('Policy must eliminate the dependence on imported components.').import_dependence).toBe('negative');
    expect(stances('Governments need to mitigate the risks created by sanctions.').sanctions).toBe('negative');
  });

  it('reads what a counter-move comes by way of as the remedy', () => {
    expect(stances('Преодоление отставания возможно посредством развития малого бизнеса.').smes).toBe('positive');
    expect(stances('The technology gap can be overcome through investment in universities.').universities).toBe('positive');
    expect(stances('Intellectual property rules insure inventors against losses.').intellectual_property).toBe('positive');
  });

  it('reads «не только … но и» and "not only … but also" as adding, not contrasting', () => {
    expect(stances('Кризис затронул не только экспорт, но и малый бизнес.').smes).toBe('negative');
  });

  it('reads abilities, flexibility, cheapness and complaints as evaluations', () => {
    expect(stances('Small and medium-sized enterprises are more flexible than large firms.').smes).toBe('positive');
    expect(stances('Малые предприятия способны быстро осваивать новые технологии.').smes).toBe('positive');
    expect(stances('Отечественные станки в три раза дешевле импортных, что важно для машиностроения.').manufacturing_base).toBe('positive');
    expect(stances('Предприниматели пожаловались на налоговую политику региона.').tax_policy).toBe('negative');
    expect(stances('Exporters complain about the customs regime.').trade_regime).toBe('negative');
    expect(stances('Увеличение налогового бремени снижает инвестиции.').tax_policy).toBe('negative');
  });

  it('lets a trend govern its object across an article: "reduce the costs"', () => {
    expect(stances('Tariffs raised the costs of imported components.').costs_logistics).toBe('negative');
  });

  it('lets an evaluative word that is also a factor word evaluate the other factors and its own', () => {
    expect(stances('Patent protection makes access to foreign technology costly.').intellectual_property).toBe('negative');
    expect(stances('Shipping by air is costly for small exporters.').costs_logistics).toBe('negative');
    expect(stances('Firms from the province hold a leading position in world markets.').global_competition).toBe('positive');
    expect(stances('Этот вид топлива самый дешёвый в регионе.').costs_logistics).toBe('positive');
    expect(stances('Отечественные производители заняли лидирующее положение на мировом рынке.').global_competition).toBe('positive');
  });

  it('reads a trend of a name that holds a negative word as a burden\'s: barriers that rise are bad', () => {
    expect(stances('Trade barriers rose after the crisis.').trade_regime).toBe('negative');
    expect(stances('The cost of capital in poor countries is much higher than elsewhere.').investment_finance).toBe('negative');
    expect(stances('Торговые барьеры растут, а спрос падает.').trade_regime).toBe('negative');
    expect(stances('Снижение торговых барьеров помогло экспортёрам.').trade_regime).toBe('positive');
  });

  it('reads words in their sense: engineering is no engine, depending on no dependence', () => {
    expect(stances('The grant council funds research in engineering at universities.').universities).toBe('neutral');
    expect(stances('The outcome depends on the investment climate of the region.').investment_finance).toBe('neutral');
    expect(stances('Firms show a high dependence on imported components.').import_dependence).toBe('negative');
  });

  it('reads a channel of something good and delays', () => {
    expect(stances('Foreign universities became a channel for new ideas.').universities).toBe('positive');
    expect(stances('Universities use several learning channels.').universities).toBe('neutral');
    expect(stances('Payment delays lengthen the production cycle of manufacturers.').manufacturing_base).toBe('negative');
    expect(stances('Задержки платежей нарушили работу малых предприятий.').smes).toBe('negative');
  });

  it('reads solving problems and answering challenges as counter-moves: what solves is the remedy', () => {
    expect(stances('Кластеры создаются для решения проблем региона.').innovation_infrastructure).toBe('positive');
    expect(stances('Цифровые технологии способны ответить на вызовы энергетики.').digitalization).toBe('positive');
    expect(stances('Universities respond to the challenges of the new economy.').universities).toBe('positive');
    // what the countered problem belongs to, right after it, is in trouble; what stands further on is not countered
    expect(stances('Необходимо решение проблем малого бизнеса.').smes).toBe('negative');
  });

  it('reads failing to meet («не соответствует») as negative', () => {
    expect(stances('Инновационные центры не могут соответствовать масштабам экономики.').innovation_infrastructure).toBe('negative');
  });

  it('skips a relative clause between a subject and its predicate', () => {
    expect(stances('Technology transfer through joint ventures, which was once common in the sector, has largely dried up.').technology_absorption).toBe('negative');
  });

  it('reads what «несмотря на» / "despite" governs against the main clause', () => {
    expect(stances('Несмотря на санкции, оборонно-промышленный комплекс сохранил стабильный спрос на мировом рынке.').sanctions).toBe('negative');
    expect(stances('Despite generous tax incentives, investment in R&D declined.').tax_policy).toBe('positive');
    expect(stances('Despite sanctions, exports to Asia grew strongly.').sanctions).toBe('negative');
  });

  it('lets a comparative adverb grade a trend, not stand for its object', () => {
    expect(stances('Investment grew faster after 2022.').investment_finance).toBe('positive');
  });

  it('reads across a citation in parentheses as if it were not there', () => {
    expect(stances('Strict licensing of patents (Smith and Jones, 2015; Brown et al., 2016; Lee, 2018) is detrimental to spinoff creation.').intellectual_property).toBe('negative');
  });

  it('lets a lack govern the coordinated good words of its phrase, not those after a preposition', () => {
    expect(stances('Эксперты отмечают отсутствие равных и конкурентоспособных условий для малого бизнеса.').smes).toBe('negative');
    expect(stances('Firms report a lack of stable and effective export support.').export_support).toBe('negative');
  });

  it('reads «противостояние» as a confrontation and «противостоять» as resisting', () => {
    expect(stances('Геополитическая напряженность переросла в открытое противостояние.').geopolitical_tension).toBe('negative');
    expect(stances('Малые предприятия противостоят санкциям.').sanctions).toBe('negative');
  });

  it('reads an infinitive of developing or creating, as in a list of measures, as a recommendation', () => {
    expect(stances('2) развивать государственно-частное партнерство в регионах;').public_private_partnership).toBe('positive');
    expect(stances('Правительство намерено создать новые производства в обрабатывающей промышленности.').manufacturing_base).toBe('positive');
  });

  it('reads a role noun for what plays the role, not for the outcome it governs', () => {
    expect(stances('Малые предприятия стали двигателем регионального экспорта.').smes).toBe('positive');
    expect(stances('Инвестиционная привлекательность складывается из основных факторов регионального развития.').regional_development).toBe('neutral');
    expect(stances('Several studies analyse the drivers of ICT adoption in firms.').digitalization).toBe('neutral');
    // «играть роль» takes its subject on either side
    expect(stances('Заметную роль играют венчурные фонды.').investment_finance).toBe('positive');
  });

  it('reads a contribution to something («вклад в») as positive', () => {
    expect(stances('Университеты внесли существенный вклад в подготовку инженерных кадров.').universities).toBe('positive');
  });

  it('reads the creation of something as its development', () => {
    expect(stances('Институт ведет работы по созданию импортозамещающей техники.').localization).toBe('positive');
    expect(stances('Growth followed the creation of state-owned companies in the oil sector.').state_corporations).toBe('positive');
  });

  it('reads the direction of a trend written as a noun', () => {
    expect(stances('Solar energy shows a sustained upward trend in emerging economies.').green_transition).toBe('positive');
  });

  it('composes a trend with the evaluation of its own phrase only', () => {
    expect(stances('Снижение этих издержек помогло экспортерам.').costs_logistics).toBe('positive');
    // a relative word starts another phrase: the downturn is not a reduction of the threat
    expect(stances('A downturn that threatens exporters hit the automotive industry.').manufacturing_base).toBe('negative');
  });

  it('reads a trend that governs another factor by that factor: a rise of a threat is bad news for the rest', () => {
    expect(stances('Рост санкций затронул малые предприятия.').smes).toBe('negative');
    expect(stances('Rising sanctions affected small and medium-sized enterprises.').smes).toBe('negative');
    expect(stances('Снижение издержек помогло малым предприятиям.').smes).toBe('positive');
    expect(stances('Наблюдается рост инвестиций в промышленность.').manufacturing_base).toBe('positive');
  });

  it('lists the cues that decided it', () => {
    const [m] = mentionsOf('Отмечается отсутствие ТНК.');
    expect(m!.cues).toContain('отсутствие');
  });
});

describe('negation', () => {
  it('flips the cue in its scope: «не способствует», "not effective"', () => {
    expect(stances('Налоговая политика способствует развитию экспорта.').tax_policy).toBe('positive');
    expect(stances('Налоговая политика не способствует развитию экспорта.').tax_policy).toBe('negative');
    expect(stances('Tax incentives were not effective.').tax_policy).toBe('negative');
    const [m] = mentionsOf('Налоговая политика не способствует развитию экспорта.');
    expect(m!.cues).toContain('не способствует');
  });

  it('lets function words not use up the scope, up to the first cue after the negation', () => {
    expect(stances('Small firms do not appear to be at a disadvantage in exporting.').smes).toBe('positive');
    expect(stances('Small firms are at a disadvantage in exporting.').smes).toBe('negative');
    // the second cue is outside: not developing, and growing poor
    expect(stances('Иначе регион не будет развиваться и может сильно обеднеть.').regional_development).toBe('negative');
  });

  it('reads «необходимо», «необходима» as a recommendation, and the attribute «необходимые» as none', () => {
    expect(stances('Необходимо развивать технопарки.').innovation_infrastructure).toBe('positive');
    expect(stances('Таблица содержит только необходимые сведения о МСП.').smes).toBe('neutral');
  });

  it('reads what cannot be ignored or forgotten as what matters, not as a denial', () => {
    expect(stances('Nor should it be forgotten that multinational firms have larger budgets.').tncs).toBe('positive');
    expect(stances('The contribution of universities cannot be ignored.').universities).toBe('positive');
  });

  it('«не только» is no negation', () => {
    expect(stances('Кластеры не только эффективны, но и устойчивы.').innovation_infrastructure).toBe('positive');
  });

  it('«без X … не» and "impossible without X" present X as necessary', () => {
    expect(stances('Без кредитования через ВЭБ многие сделки не состоялись бы.').export_support).toBe('positive');
    expect(stances('Growth is impossible without export support.').export_support).toBe('positive');
    // the negated outcome counts in full however far it stands
    expect(stances('Без этих инструментов, особенно без кредитования через ВЭБ, многие экспортные сделки в странах Азии и Африки вообще не состоялись бы.').export_support).toBe('positive');
  });
});

describe('contrast', () => {
  it('lets the clause after «но» / "but" dominate', () => {
    expect(stances('Российская НИС обладает значительным потенциалом, но функционирует фрагментарно.').national_innovation_system).toBe('negative');
    expect(stances('Export support exists on paper, but it is ineffective.').export_support).toBe('negative');
    expect(stances('Проблем у кластеров много, однако они показали высокую эффективность.').innovation_infrastructure).toBe('positive');
  });
});

describe('classifyStance on any span', () => {
  it('judges the target span, or the whole sentence without one', () => {
    const text = 'Компания «Альфа» добилась большого успеха на рынке; «Бета» потерпела провал.';
    expect(classifyStance(text, 'ru', [text.indexOf('Альфа'), text.indexOf('Альфа') + 5]).stance).toBe('positive');
    expect(classifyStance(text, 'ru', [text.indexOf('Бета'), text.indexOf('Бета') + 4]).stance).toBe('negative');
    expect(classifyStance('The reform was a clear success.', 'en').stance).toBe('positive');
    expect(classifyStance('The report was published in May.', 'en').stance).toBe('neutral');
  });
});

describe('common constructions of policy papers', () => {
  it.each([
    ['Высокая налоговая нагрузка сдерживает развитие малого бизнеса.', 'tax_policy', 'negative'],
    ['Кластеры стали драйвером роста региональной экономики.', 'innovation_infrastructure', 'positive'],
    ['Переход к расчетам в национальных валютах снизил транзакционные издержки.', 'financial_system', 'positive'],
    ['Импортозамещение пока не дало ожидаемых результатов.', 'localization', 'negative'],
    ['В работе используются данные Росстата о прямых иностранных инвестициях.', 'investment_finance', 'neutral'],
    ['Automation has boosted productivity in manufacturing.', 'automation', 'positive'],
    ['Tariffs imposed in 2018 raised input costs for manufacturers.', 'trade_regime', 'negative'],
    ['The study uses R&D expenditure as a control variable.', 'rd_investment', 'neutral'],
    ['Our findings have important implications for tax policy.', 'tax_policy', 'neutral'],
    ['SMEs face limited access to finance.', 'smes', 'negative'],
    ['Санкции против российских банков затруднили расчеты с зарубежными контрагентами.', 'financial_system', 'negative'],
    ['Отток квалифицированных кадров усилился после 2022 года.', 'brain_drain', 'negative'],
    ['Инвестиции в человеческий капитал окупаются в долгосрочной перспективе.', 'human_capital', 'positive'],
    ['Corruption undermines the effectiveness of innovation policy.', 'state_policy', 'negative'],
    ['Global competition for talent intensified.', 'global_competition', 'negative'],
    ['Export credit agencies reduced the risks faced by exporters.', 'export_support', 'positive'],
  ])('%s → %s %s', (text, factor, stance) => {
    expect(stances(text)[factor]).toBe(stance);
  });
});

describe('a threat factor named by what it is about', () => {
  it('reads resources and raw materials by the sentence; the dependence, and imported parts, stay a threat', () => {
    expect(stances('Регион богат лесом и природными ресурсами.').commodity_dependence).toBe('neutral');
    expect(stances('The province exports timber and other raw materials by rail.').commodity_dependence).toBe('neutral');
    expect(stances('Рост добычи полезных ископаемых пополнил бюджет области.').commodity_dependence).toBe('positive');
    expect(stances('Экономика области страдает от сырьевой зависимости.').commodity_dependence).toBe('negative');
    expect(stances('The country remains dependent on oil revenues.').commodity_dependence).toBe('negative');
    expect(stances('Экономика региона сохраняет сырьевую модель роста.').commodity_dependence).toBe('negative');
    expect(stances('Рост закупок импортных комплектующих продолжился.').import_dependence).toBe('negative');
  });
});

describe('a purpose names an intended effect, not one the sentence claims', () => {
  it.each([
    ['The ministry drafted programmes aimed at supporting small firms in rural areas.', 'smes', 'neutral'],
    ['Regional policies aim not only to stimulate universities but also to attract investors.', 'universities', 'neutral'],
    ['The regulation was designed to improve access of small firms to public tenders.', 'smes', 'neutral'],
    ['Правительство обсуждает меры по повышению конкурентоспособности малого бизнеса.', 'smes', 'neutral'],
    ['Программа направлена на укрепление малого бизнеса в моногородах.', 'smes', 'neutral'],
    // what an aim claims outside its clause still counts
    ['Grants for small firms proved effective.', 'smes', 'positive'],
    // the clause's predicate after the purpose's own words is claimed
    ['Policies aimed at SMEs proved ineffective.', 'smes', 'negative'],
    ['Меры по поддержке малого бизнеса оказались неэффективными.', 'smes', 'negative'],
  ])('%s → %s %s', (text, factor, stance) => {
    expect(stances(text)[factor]).toBe(stance);
  });
});

describe('methodology: a measure is named or graded as a measure, not as what it measures', () => {
  it.each([
    ['The survey reports an index of competitiveness for small firms in each district.', 'smes', 'neutral'],
    ['Patent counts are a useful proxy for the output of universities.', 'universities', 'neutral'],
    ['Рейтинг составлен по показателям эффективности малого бизнеса в каждом районе.', 'smes', 'neutral'],
    ['Число совместных проектов — важный индикатор развития вузов.', 'universities', 'neutral'],
    // a level graded by a trend still reads by the trend
    ['Small firms reached a high level of efficiency.', 'smes', 'positive'],
  ])('%s → %s %s', (text, factor, stance) => {
    expect(stances(text)[factor]).toBe(stance);
  });
});

describe('a research gap names a topic, not an evaluation', () => {
  it.each([
    ['Little is known about how universities benefit from regional clusters.', 'universities', 'neutral'],
    ['It remains unclear whether tax credits improve the survival of small firms.', 'smes', 'neutral'],
    ['More research is needed on the effective support of small firms.', 'smes', 'neutral'],
    ['Влияние вузов на успешное развитие регионов мало изучено.', 'universities', 'neutral'],
    ['Вопрос об эффективной поддержке малого бизнеса требует дальнейшего изучения.', 'smes', 'neutral'],
    // a claim about the subject itself is no gap
    ['The rules for small firms are unclear and harmful.', 'smes', 'negative'],
  ])('%s → %s %s', (text, factor, stance) => {
    expect(stances(text)[factor]).toBe(stance);
  });
});

describe('a level compared across groups describes the groups', () => {
  it.each([
    ['Broadband use is higher in universities than in schools.', 'universities', 'neutral'],
    ['Such grants are more likely to be managed at the regional level.', 'regional_development', 'neutral'],
    ['Доля экспорта выше в малых предприятиях северных районов.', 'smes', 'neutral'],
    // what is higher for a group is often what it gains, and a level of the group itself evaluates it
    ['The returns to training are highest for small firms.', 'smes', 'positive'],
    ['Small firms show higher productivity.', 'smes', 'positive'],
  ])('%s → %s %s', (text, factor, stance) => {
    expect(stances(text)[factor]).toBe(stance);
  });
});

describe('the items of a list in parentheses are named, not evaluated', () => {
  it.each([
    ['Индекс развития (эффективность поддержки малого бизнеса; активность вузов; доля экспорта).', 'smes', 'neutral'],
    ['The score has three parts (efficiency of support to small firms; quality of universities; export share).', 'smes', 'neutral'],
    // examples parted by commas may evaluate, and so does the sentence around the list
    ['Small firms suffered (closures, losses, lower sales).', 'smes', 'negative'],
  ])('%s → %s %s', (text, factor, stance) => {
    expect(stances(text)[factor]).toBe(stance);
  });
});
