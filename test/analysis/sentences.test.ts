import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../src/analysis/sentences.js';
import { documentOf } from './nlp-documents.js';

function sentencesOf(...paragraphs: string[]): string[] {
  const doc = documentOf(...paragraphs);
  return splitSentences(doc).map((s) => doc.text.slice(s.start, s.end));
}

/** Each case is one paragraph written as its sentences joined by one space. */
function expectSentences(...sentences: string[]): void {
  expect(sentencesOf(sentences.join(' '))).toEqual(sentences);
}

describe('splitSentences', () => {
  it('splits at . ! ? before a capital letter', () => {
    expectSentences('Экспорт вырос.', 'Импорт упал!', 'Почему?', 'Exports grew.', 'Why?');
  });

  it.each([
    ['т. е. and т.е.', ['Рост замедлился, т. е. Россия потеряла долю, т.е. Китай выиграл.']],
    ['т.д. and и др. before a capital end the sentence', ['Санкции, пошлины и т.д.', 'Затем рынки переориентировались, и др.', 'Итог ясен.']],
    ['т. д. before a lower-case word does not', ['Санкции, пошлины и т. д. влияют на экспорт.']],
    ['г. and гг. after a year', ['Это произошло в 2014 г.', 'В 2022–2023 гг.', 'Рост возобновился.']],
    ['г. before a city name', ['Завод открыт в г. Казани в 2021 году.']],
    ['см., рис., табл., ст., с.', ['См. рис. 1 и табл. 2, а также ст. 5 Закона и с. 25 доклада.']],
    ['млн, млрд, руб.', ['Экспорт составил 5,3 млрд долл., а импорт — 300 млн. руб. в месяц.', 'Это много.']],
    ['a unit after a number ends a sentence before a capital', ['Кредит составил 40 млрд руб.', 'Банк выдал его в 2022 году.']],
    ['e.g., i.e., Fig., Dr.', ['Some measures, e.g. tax credits, worked, i.e. firms invested.', 'Fig. 2 shows it, as Dr. Weller argued.']],
    ['an acronym that looks like a listed abbreviation', ['It was seen in patients with MS.', 'No. 5 was not.']],
    ['U.S. before a name and before a new sentence', ['The U.S. Department of Commerce acted in the U.S.', 'The rules changed.']],
    ['initials', ['Как писал А. С. Пушкин, и как показал И.И. Иванов, Л. В. Щерба прав.']],
    ['hyphenated initials', ['Понятие ввели Б.-О. Лундвалль и Р. Нельсон.']],
    ['initials at the end of a sentence before a stop word', ['Работа выполнена Ивановым И. И.', 'В ней показано главное.']],
    ['bracket citations', ['Это показано в работах [7, 8].', 'Другие авторы [3] спорят.']],
    ['decimals', ['Доля выросла с 3,5 до 4.7 % за год.', 'Это рекорд.']],
    ['«» quotes', ['Он назвал это «новой нормой».', '«Рынки изменились», — сказал министр.']],
    ['a sentence ending inside quotes', ['Министр сказал: «Рынки изменились.»', 'Затем он ушёл.']],
    ['ellipses', ['Рост замедлился… но не остановился.', 'Кризис прошёл...', 'Наступил подъём.']],
    ['numbered list items at the start of a sentence', ['1. Санкции снизили экспорт.', '2. Рынки переориентировались.']],
    ['numbered captions and headings', ['Рис. 1. Динамика экспорта в 2014–2024 гг.', 'Table 2. Results of the estimation.']],
    ['multi-level numbers and Roman numerals', ['8.1. Зачем нужны кластеры?', 'IV. Выводы.']],
    ['a list after a colon', ['Выделены факторы: 1. санкции;', '2. кадры.']],
    ['list items after ;', ['Задачи: 1) оценить потери;', '2) найти рынки.']],
    ['a dash opening the next remark', ['— Вы уверены?', '— Да.']],
    ['an exclamation before a lower-case word', ['Рост составил 8272! - то есть рекорд.']],
    ['academic degrees before a name in brackets', ['Методика оценки разработана (д.г.-м.н. Петров А.Н.) и применена (д.м.н. Сидорова).', 'Итог ясен.']],
    ['a period inside brackets that close soon', ['Доля выросла (см. табл. 2. Данные Росстата) и стабилизировалась.', 'Затем она упала.']],
    ['a second sentence inside brackets starts with a stop word', ['(Он лучше, чем другие.', 'Но враг)']],
  ])('%s', (_name, sentences) => {
    expectSentences(...sentences);
  });

  it('keeps line breaks of PDF text inside a sentence', () => {
    expect(sentencesOf('Экспорт высокотехнологичной\nпродукции вырос.\nИмпорт упал.')).toEqual([
      'Экспорт высокотехнологичной\nпродукции вырос.',
      'Импорт упал.',
    ]);
  });

  it('ends a sentence at a line break before a list item', () => {
    expect(sentencesOf('Задачи исследования:\n– оценить потери;\n– найти рынки.')).toEqual([
      'Задачи исследования:',
      '– оценить потери;',
      '– найти рынки.',
    ]);
  });

  it('reads each entry of a references list as one sentence', () => {
    const entries = '1. Белов Г. Р. Высокотехнологичный экспорт России. М.: Экономика, 2018. 256 с.\n2. Brandt, L. K. (2021). Chips and Nations. Cambridge: Crossway Press.';
    const doc = documentOf('Список литературы', entries);
    doc.paragraphs[1]!.kind = 'references';
    expect(splitSentences(doc).map((s) => doc.text.slice(s.start, s.end))).toEqual(['Список литературы', ...entries.split('\n')]);
  });

  it('never lets a sentence cross a paragraph', () => {
    const doc = documentOf('Введение', 'Санкции усилились, т. е.', 'рынки закрылись');
    expect(splitSentences(doc).map((s) => [s.paragraph, doc.text.slice(s.start, s.end)])).toEqual([
      [0, 'Введение'],
      [1, 'Санкции усилились, т. е.'],
      [2, 'рынки закрылись'],
    ]);
  });

  it('does not split a dot inside a word', () => {
    expectSentences('Привет.Тест и сайт example.com работают.');
  });

  it('cuts long paragraphs without sentence ends into pieces of at most MAX_SENTENCE_CHARS, at spaces where there are any', () => {
    const text = 'а.'.repeat(50_000) + ' ' + 'слово '.repeat(50_000);
    const pieces = sentencesOf(text);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    // Nothing lost or reordered; the words after the spaceless run are never cut inside.
    expect(pieces.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    expect(pieces.filter((p) => !p.includes('.')).every((p) => /^(слово )*слово$/.test(p))).toBe(true);
    const dots = sentencesOf('.'.repeat(100_000) + 'а');
    expect(dots.join('')).toBe('.'.repeat(100_000) + 'а');
    expect(dots).toHaveLength(Math.ceil(100_001 / MAX_SENTENCE_CHARS));
  });

  it('ends a sentence where the writer ended a short line without punctuation (web pages, forums, a heading run in)', () => {
    // The paragraph's longest line is the measure: a line as long as it may have been wrapped.
    expect(sentencesOf('Has anyone here applied for the new R&D tax credit for small firms?\nWe applied last year and got nothing back\nThanks in advance')).toEqual([
      'Has anyone here applied for the new R&D tax credit for small firms?',
      'We applied last year and got nothing back',
      'Thanks in advance',
    ]);
    expect(sentencesOf('Введение\nГосударственная поддержка малого бизнеса выросла за последние годы.')).toEqual(['Введение', 'Государственная поддержка малого бизнеса выросла за последние годы.']);
  });

  it('keeps a sentence wrapped over lines whole: long lines, a function word, a comma or a name at the line end', () => {
    const wrapped = [
      'The government introduced a new subsidy for small firms in\n2015, which increased the number of firms that perform\nresearch and development in the region.',
      'Новые меры поддержки малого бизнеса были приняты\nПравительством в 2020 году и дали результат.',
      'Funding came from the programme of the\nEuropean Commission.',
      'Data were provided by the Russian\nFederal State Statistics Service.',
    ];
    for (const text of wrapped) expect(sentencesOf(text)).toEqual([text]);
  });
});
