import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factorDefinitions } from '../../src/analysis/factors/index.js';
import { parseCandidateLexicon } from '../../src/analysis/factors/candidate-lexicon.js';
import { parseFactorLexicon } from '../../src/analysis/factors/lexicon.js';
import { compilePattern, PatternIndex } from '../../src/analysis/factors/patterns.js';
import { parseCueLexicon } from '../../src/analysis/stance/stance-cues.js';
import { LexiconError } from '../../src/analysis/lexicon-files.js';
import { tokenize } from '../../src/analysis/tokens.js';
import { hasShared, sharedPath } from '../support/shared.js';

const FACTOR = (body: string) => `@format 1\n[sanctions]\ngroup External\nlabel.ru Санкции\nlabel.en Sanctions\n${body}`;

function errorOf(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(LexiconError);
    return (error as Error).message;
  }
  throw new Error('expected a LexiconError');
}

function matches(pattern: string, text: string, language = 'ru'): boolean {
  const index = new PatternIndex<string>();
  index.add(compilePattern(pattern, language), 'x');
  return index.matchAll(tokenize(text, 0, text.length, language)).length > 0;
}

describe('factor definitions', () => {
  it('has the 46 codebook ids, unique, each with a group and both labels', () => {
    const definitions = factorDefinitions();
    expect(definitions).toHaveLength(46);
    expect(new Set(definitions.map((d) => d.id)).size).toBe(46);
    for (const d of definitions) {
      expect(d.group).toBeTruthy();
      expect(d.label.ru).toMatch(/[а-яё]/i);
      expect(d.label.en).toMatch(/[a-z]/i);
    }
  });

  describe.skipIf(!hasShared)('against ../shared/spec/factor-codebook.md', () => {
    it('lists the codebook ids in codebook order', () => {
      const codebook = readFileSync(sharedPath('spec', 'factor-codebook.md'), 'utf8');
      const ids = [...codebook.slice(codebook.indexOf('## ')).matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
      expect(factorDefinitions().map((d) => d.id)).toEqual(ids);
    });
  });
});

describe('patterns', () => {
  it('match over stems, so inflection does not matter', () => {
    expect(matches('санкции', 'под действием санкциями')).toBe(true);
    expect(matches('санкционн* давлени*', 'в условиях санкционного давления')).toBe(true);
    expect(matches('sanctions', 'the sanction regime', 'en')).toBe(true);
  });

  it('allow a gap of up to N words within a clause', () => {
    expect(matches('санкционн* .. давлени*', 'санкционного внешнего давления')).toBe(true);
    expect(matches('санкционн* ..2 давлени*', 'санкционного, внешнего и давления')).toBe(false);
    expect(matches('санкционн* .. давлени*', 'санкционного режима; давления')).toBe(false);
  });

  it('match abbreviations by their bare form, with case endings', () => {
    expect(matches('ВЭБ', 'при участии ВЭБ-а')).toBe(true);
    expect(matches('TNC', 'domestic TNCs', 'en')).toBe(true);
    expect(matches('ВЭБ', 'вэб-сайт')).toBe(false);
  });

  it('match exact forms and alternatives', () => {
    expect(matches('=развиты', 'не развиты')).toBe(true);
    expect(matches('=развиты', 'развития')).toBe(false);
    expect(matches('вуз*|университет*', 'в университетах')).toBe(true);
  });
});

describe('lexicon validation reports file, line and reason', () => {
  it('an unknown key', () => {
    expect(errorOf(() => parseFactorLexicon({ path: 'lexicons/x.txt', text: FACTOR('ruu санкции') }))).toMatch(/^lexicons\/x\.txt:6: unknown key "ruu"/);
  });

  it('patterns and labels of a language that is not analyzed (not in LANGUAGES)', () => {
    expect(errorOf(() => parseFactorLexicon({ path: 'f.txt', text: FACTOR('de  sanktion') }))).toMatch(/^f\.txt:6: unknown key "de" \(expected group, label\.ru, label\.en, inherent, names, abbr, ru, not\.ru, en, not\.en\)/);
    expect(errorOf(() => parseFactorLexicon({ path: 'f.txt', text: FACTOR('label.de Sanktionen') }))).toMatch(/^f\.txt:6: unknown key "label\.de"/);
  });

  it('a prefix that is too short, a gap at the start, a star inside a word', () => {
    expect(errorOf(() => parseFactorLexicon({ path: 'f.txt', text: FACTOR('ru  са*') }))).toMatch(/^f\.txt:6: prefix "са\*" is shorter/);
    expect(errorOf(() => parseFactorLexicon({ path: 'f.txt', text: FACTOR('ru  .. санкции') }))).toMatch(/^f\.txt:6: a gap cannot start/);
    expect(errorOf(() => parseFactorLexicon({ path: 'f.txt', text: FACTOR('en  sanc*tions') }))).toMatch(/^f\.txt:6: "\*" may only end/);
  });

  it('a factor without a label or patterns, a duplicate id, a bad id, a missing format line', () => {
    expect(errorOf(() => parseFactorLexicon({ path: 'f.txt', text: '@format 1\n[tncs]\ngroup G\nlabel.en TNCs\nru ТНК\n' }))).toMatch(/^f\.txt:2: factor "tncs" has no label\.ru/);
    expect(errorOf(() => parseFactorLexicon({ path: 'f.txt', text: FACTOR('') }))).toMatch(/^f\.txt:2: factor "sanctions" has no patterns/);
    expect(errorOf(() => parseFactorLexicon({ path: 'f.txt', text: FACTOR('ru санкции\n[sanctions]') }))).toMatch(/^f\.txt:7: factor "sanctions" is defined twice/);
    expect(errorOf(() => parseFactorLexicon({ path: 'f.txt', text: '@format 1\n[Sanctions]\n' }))).toMatch(/^f\.txt:2: factor id "Sanctions"/);
    expect(errorOf(() => parseFactorLexicon({ path: 'f.txt', text: '[sanctions]\n' }))).toMatch(/^f\.txt:1: the first line must be "@format 1"/);
  });

  it('a context condition that is not "near WORDS" or "unless WORDS", or whose window is too wide', () => {
    expect(errorOf(() => parseFactorLexicon({ path: 'f.txt', text: FACTOR('ru  санкции ; around войн*') }))).toMatch(/^f\.txt:6: a condition is "near WORDS"/);
    expect(errorOf(() => parseFactorLexicon({ path: 'f.txt', text: FACTOR('ru  санкции ; near:99 войн*') }))).toMatch(/^f\.txt:6: window 99/);
    expect(errorOf(() => parseFactorLexicon({ path: 'f.txt', text: FACTOR('names maybe\nru санкции') }))).toMatch(/^f\.txt:2: factor "sanctions": names must be "count"/);
  });

  it('in the stance cue and candidate lexicons too', () => {
    expect(errorOf(() => parseCueLexicon({ path: 'c.txt', text: '@format 1\npositive эффективн*\npraise хвал*\n' }, 'ru'))).toMatch(/^c\.txt:3: unknown cue kind "praise"/);
    expect(errorOf(() => parseCueLexicon({ path: 'c.txt', text: '@format 1\npositive:3 эффективн*\n' }, 'ru'))).toMatch(/^c\.txt:2: weight "3"/);
    expect(errorOf(() => parseCandidateLexicon({ path: 'k.txt', text: '@format 1\naround.ru фактор*\n' }))).toMatch(/^k\.txt:2: unknown kind "around"/);
  });
});
