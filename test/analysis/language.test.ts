import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assignLanguages } from '../../src/analysis/language.js';
import { hasShared, sharedPath } from '../support/shared.js';
import { documentOf, type ParagraphSpec } from './nlp-documents.js';

function languagesOf(...paragraphs: (string | ParagraphSpec)[]): string[] {
  return assignLanguages(documentOf(...paragraphs)).paragraphs.map((p) => p.language);
}

const RUSSIAN = 'Санкции против России привели к снижению экспорта высокотехнологичной продукции и оттоку квалифицированных кадров.';
const ENGLISH = 'Sanctions against Russia led to a decline in high-tech exports and an outflow of skilled personnel from the country.';

describe('assignLanguages', () => {
  it('tells Russian and English paragraphs apart', () => {
    expect(languagesOf(RUSSIAN, ENGLISH)).toEqual(['ru', 'en']);
  });

  it.each([
    ['uk', 'Санкції проти Росії призвели до зниження експорту високотехнологічної продукції та відтоку кваліфікованих кадрів.'],
    ['bg', 'Санкциите срещу Русия доведоха до намаляване на износа на високотехнологични продукти и изтичане на кадри в чужбина.'],
    ['be', 'Санкцыі супраць Расіі прывялі да зніжэння экспарту высокатэхналагічнай прадукцыі і адтоку кадраў.'],
    ['sr', 'Санкције против Русије довеле су до смањења извоза високотехнолошких производа и одлива кадрова.'],
    ['kk', 'Ресейге қарсы санкциялар жоғары технологиялық өнім экспортының төмендеуіне және білікті кадрлардың кетуіне әкелді.'],
    ['ky', 'Жаңы технологиялар өнүгүп жатат, бирок санкциялар экспортту төмөндөтүп, көптөгөн адистер чет өлкөгө кетишти.'],
    ['de', 'Die Sanktionen gegen Russland führten zu einem Rückgang der Hightech-Exporte und zur Abwanderung von Fachkräften.'],
  ])('recognises %s and does not read it as Russian', (code, text) => {
    expect(languagesOf(text)).toEqual([code]);
  });

  it("prefers the paper's language where eld hesitates, but keeps a clearly different language", () => {
    const german = 'Die Sanktionen gegen Russland führten zu einem Rückgang der Hightech-Exporte und zur Abwanderung von Fachkräften.';
    const labels = 'Tree Anchor Trunk Trace Trace Anchor Branch Trace';
    expect(languagesOf(ENGLISH, labels, ENGLISH, german)).toEqual(['en', 'en', 'en', 'de']);
  });

  it('decides short headings from the paragraph they introduce', () => {
    expect(languagesOf({ text: 'Введение', kind: 'heading' }, RUSSIAN, { text: 'Abstract', kind: 'heading' }, ENGLISH)).toEqual(['ru', 'ru', 'en', 'en']);
  });

  it('decides other short paragraphs from the paragraph before them in the same script', () => {
    expect(languagesOf(ENGLISH, 'Keywords: sanctions, exports.', RUSSIAN, 'Ключевые слова: санкции.')).toEqual(['en', 'en', 'ru', 'ru']);
  });

  it('does not give a short Latin paragraph the language of a Cyrillic neighbour', () => {
    expect(languagesOf(RUSSIAN, 'The end of the paper.')[1]).toBe('en');
  });

  it('gives a short paragraph the language of its neighbour when its letters allow it', () => {
    const ukrainian = 'Санкції проти Росії призвели до зниження експорту високотехнологічної продукції та відтоку кадрів.';
    expect(languagesOf(ukrainian, { text: 'Висновки', kind: 'heading' }, ukrainian)).toEqual(['uk', 'uk', 'uk']);
    // «Выводы» has ы, which Ukrainian lacks.
    expect(languagesOf(ukrainian, 'Выводы')[1]).toBe('ru');
  });

  it('gives paragraphs without letters the language of their neighbour', () => {
    expect(languagesOf(RUSSIAN, '12', RUSSIAN)).toEqual(['ru', 'ru', 'ru']);
  });

  it("leaves a document's only paragraph without letters undecided", () => {
    expect(languagesOf('2020–2024')).toEqual(['und']);
  });
});

describe.skipIf(!hasShared)('assignLanguages on the seed paper (../shared)', () => {
  it('finds both the Russian text and the English abstract', () => {
    const text = readFileSync(sharedPath('seeds', 'high-tech-exports-russia.ru-en.txt'), 'utf8');
    // Paragraphs of the seed start with an indented line (the English abstract follows the Russian
    // one without a blank line), as the extract step reads them.
    const blocks = text.split(/\n\s*\n|\n(?= )/).map((b) => b.trim()).filter(Boolean);
    const languages = new Set(languagesOf(...blocks));
    expect(languages).toContain('ru');
    expect(languages).toContain('en');
    expect([...languages].filter((l) => !['ru', 'en', 'und'].includes(l))).toEqual([]);
  });
});
