import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../src/analysis/summary.js';
import { emptyBibliography } from '../../src/analysis/structure/bibliography.js';
import { findFactorMentions } from '../../src/analysis/factors/index.js';
import type { FactorMention } from '../../src/analysis/types.js';
import { contextOf, mentionsOf } from './factors-support.js';

const mentionOf = (text: string, factor: string): FactorMention => {
  const m = mentionsOf(text).find((x) => x.factor === factor);
  if (!m) throw new Error(`no ${factor} mention in: ${text}`);
  return m;
};

describe('what kind of statement an evidence sentence makes', () => {
  it('tells claims, recommendations, hypotheses and denials apart, in Russian and English', () => {
    expect(mentionOf('Санкции сократили экспорт высокотехнологичной продукции.', 'sanctions').modality).toBe('claim');
    expect(mentionOf('Необходимо развивать государственно-частное партнерство.', 'public_private_partnership').modality).toBe('recommendation');
    expect(mentionOf('Governments should invest in universities.', 'universities').modality).toBe('recommendation');
    expect(mentionOf('Если бы инвестиции выросли, экспорт увеличился бы.', 'investment_finance').modality).toBe('hypothetical');
    expect(mentionOf('Subsidies would have raised R&D spending.', 'rd_investment').modality).toBe('hypothetical');
    expect(mentionOf('В регионе нет транснациональных корпораций.', 'tncs').modality).toBe('negated');
    expect(mentionOf('Firms without patents exit sooner.', 'intellectual_property').modality).toBe('negated');
  });

  it('tells the author\'s statements from cited views', () => {
    expect(mentionOf('Санкции сократили экспорт.', 'sanctions').attribution).toBe('author');
    expect(mentionOf('По мнению экспертов, санкции сократили экспорт.', 'sanctions').attribution).toBe('cited');
    expect(mentionOf('Subsidies crowd out private R&D spending (Wallsten, 2000).', 'rd_investment').attribution).toBe('cited');
    expect(mentionOf('Subsidies crowd out private R&D spending [12].', 'rd_investment').attribution).toBe('cited');
    expect(mentionOf('We argue that subsidies crowd out private R&D spending.', 'rd_investment').attribution).toBe('author');
  });

  it('names the actors under one name whatever the language', () => {
    expect(mentionOf('США и ЕС ввели санкции против России.', 'sanctions').actors).toEqual(['US', 'EU', 'Russia']);
    expect(mentionOf('The US and the EU imposed sanctions on Russia.', 'sanctions').actors).toEqual(['US', 'EU', 'Russia']);
    expect(mentionOf('Санкции сократили экспорт.', 'sanctions').actors).toEqual([]);
  });

  it('gives a confidence in [0, 1] that grows as the paper returns to the factor', () => {
    const once = findFactorMentions(contextOf('Санкции сократили экспорт.'), []);
    const often = findFactorMentions(contextOf('Санкции сократили экспорт.', 'Санкции ударили по банкам.', 'Санкции продлены.', 'Санкционное давление растет.'), []);
    expect(once[0]!.confidence).toBeGreaterThanOrEqual(0);
    expect(often[0]!.confidence).toBeGreaterThan(once[0]!.confidence);
    expect(often[0]!.confidence).toBeLessThanOrEqual(1);
  });
});

describe('the factor assessment', () => {
  it('weighs the conclusions above passing mentions, and keeps net as the plain count', () => {
    const context = contextOf(
      { text: 'Введение', kind: 'heading' },
      'Государственно-частное партнерство упоминается в литературе.',
      'Государственно-частное партнерство описано в законе.',
      'Государственно-частное партнерство регулируется кодексом.',
      { text: 'Заключение', kind: 'heading' },
      'Государственно-частное партнерство оказалось эффективным инструментом развития.',
    );
    const mentions = findFactorMentions(context, []);
    const summary = buildSummary({ id: '0'.repeat(64), filename: 'x.txt', extracted: { mediaType: 'text/plain', encoding: 'utf-8', title: null, pages: null, warnings: [], blocks: [], bibliography: emptyBibliography(), printedPages: [], furniture: [] }, context, abbreviations: [], mentions, candidates: [], lexicon: 'factors@1:test' });
    const ppp = summary.factors.find((f) => f.id === 'public_private_partnership')!;
    expect(ppp.stance).toMatchObject({ positive: 1, neutral: 3, net: 0.25 });
    expect(ppp.assessment!.stance).toBe('positive');
  });

  it('lets one side decide when it outweighs the other by half again, and calls it mixed below that', () => {
    const summaryOf = (...texts: string[]) => {
      const context = contextOf(...texts);
      const mentions = findFactorMentions(context, []);
      return buildSummary({ id: '0'.repeat(64), filename: 'x.txt', extracted: { mediaType: 'text/plain', encoding: 'utf-8', title: null, pages: null, warnings: [], blocks: [], bibliography: emptyBibliography(), printedPages: [], furniture: [] }, context, abbreviations: [], mentions, candidates: [], lexicon: 'factors@1:test' }).factors.find((f) => f.id === 'smes')!.assessment!.stance;
    };
    const good = 'Small firms are more flexible than large firms.';
    const bad = 'Small firms face limited access to finance.';
    expect(summaryOf(good, 'Small firms adapt quickly and successfully.', 'Small firms benefit from the programme.', bad, 'Small firms lack skilled managers.')).toBe('positive');
    expect(summaryOf(good, 'Small firms adapt quickly and successfully.', bad, 'Small firms lack skilled managers.')).toBe('mixed');
  });
});
