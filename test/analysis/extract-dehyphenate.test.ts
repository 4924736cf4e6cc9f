// Line-end hyphens: word breaks are joined, compounds keep their hyphen, decided by the document
// and by lexicons/hyphen-compounds.txt.
import { describe, expect, it } from 'vitest';
import { DocumentVocabulary, decideHyphen, joinLines } from '../../src/analysis/extract/dehyphenate.js';

const empty = new DocumentVocabulary([]);

describe('de-hyphenation', () => {
  it.each([
    ['проведе', 'нием'],
    ['develop', 'ment'],
    ['эконо', 'мической'],
    ['Regu', 'latory'],
    ['по', 'ставки'],
    ['научно', 'го'],
    ['неско', 'лько'],
  ])('joins «%s-» + «%s»', (left, right) => {
    expect(decideHyphen(left, right, empty)).toBe('join');
  });

  it.each([
    ['научно', 'технического'],
    ['risk', 'based'],
    ['ВЭБ', 'а'],
    ['Азиатско', 'Тихоокеанского'],
    ['социально', 'экономического'],
    ['российско', 'китайских'],
    ['что', 'то'],
    ['high', 'tech'],
    ['2014', '2024'],
  ])('keeps «%s-» + «%s»', (left, right) => {
    expect(decideHyphen(left, right, empty)).toBe('keep');
  });

  it('follows the document: a form written elsewhere wins', () => {
    const doc = new DocumentVocabulary([['ноу-хау компании'], ['формирование кластера']]);
    expect(decideHyphen('ноу', 'хау', doc)).toBe('keep');
    expect(decideHyphen('формиро', 'вание', doc)).toBe('join');
    const joinedElsewhere = new DocumentVocabulary([['the well-known and the wellbeing']]);
    expect(decideHyphen('well', 'being', joinedElsewhere)).toBe('join');
  });

  it('keeps a first part the document uses in other compounds', () => {
    const doc = new DocumentVocabulary([['опытно-конструкторские работы']]);
    expect(decideHyphen('опытно', 'промышленной', doc)).toBe('keep');
  });

  it('leaves a hanging hyphen before a conjunction', () => {
    expect(joinLines(['научно-', 'и опытно-конструкторские'], empty)).toBe('научно- и опытно-конструкторские');
  });

  it('removes a soft hyphen at a line end and leaves spaced dashes alone', () => {
    expect(joinLines(['проведе\u00ad', 'нием'], empty)).toBe('проведением');
    expect(joinLines(['экспорт –', 'это'], empty)).toBe('экспорт – это');
  });

  it('does not count fragments at line ends as evidence', () => {
    const doc = new DocumentVocabulary([['проведе-', 'нием реформы']]);
    expect(doc.count('нием')).toBe(0);
    expect(doc.count('проведе')).toBe(0);
    expect(doc.count('реформы')).toBe(1);
  });
});
