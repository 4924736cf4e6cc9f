import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/analysis/abbreviations/index.js';
import { parseGlossary } from '../../src/analysis/abbreviations/glossary.js';
import { LexiconError } from '../../src/analysis/lexicon-files.js';
import { hasShared, sharedPath } from '../support/shared.js';

const HEADER = '# test\n@format 1\n';

function parse(lines: string): ReturnType<typeof parseGlossary> {
  return parseGlossary({ path: 'lexicons/glossary.tsv', text: HEADER + lines });
}

describe('glossary', () => {
  it('holds at least 150 Russian and English entries', () => {
    const entries = glossary();
    expect(entries.length).toBeGreaterThanOrEqual(150);
    expect(entries.filter((e) => e.language === 'ru').length).toBeGreaterThan(50);
    expect(entries.filter((e) => e.language === 'en').length).toBeGreaterThan(50);
  });

  it.each([
    ['НИС', 'NIS', 'national_innovation_system'],
    ['ТНК', 'TNC', 'tncs'],
    ['НИОКР', 'R&D', 'rd_investment'],
    ['ГЧП', 'PPP', 'public_private_partnership'],
    ['МСП', 'SME', 'smes'],
    ['ВТО', 'WTO', 'trade_regime'],
    ['ИИ', 'AI', 'artificial_intelligence'],
    ['ОЭЗ', 'SEZ', 'innovation_infrastructure'],
  ])('%s ↔ %s names %s', (ru, en, factor) => {
    const byShort = new Map(glossary().map((e) => [e.short, e]));
    expect(byShort.get(ru)).toMatchObject({ language: 'ru', factor });
    expect(byShort.get(ru)!.equivalents).toContain(en);
    expect(byShort.get(en)).toMatchObject({ language: 'en', factor });
    expect(byShort.get(en)!.equivalents).toContain(ru);
  });

  it('long forms of the seed paper’s undefined abbreviations', () => {
    const byShort = new Map(glossary().map((e) => [e.short, e]));
    expect(byShort.get('ОИС')).toMatchObject({ long: 'объект интеллектуальной собственности', factor: 'intellectual_property' });
    expect(byShort.get('НМА')!.equivalents).toContain('intangible assets');
    expect(byShort.get('ЦБ РФ')).toMatchObject({ factor: 'monetary_policy' });
    for (const short of ['СМП', 'РЭЦ', 'ВЭБ', 'АТР', 'БРИКС']) expect(byShort.has(short)).toBe(true);
  });

  it.skipIf(!hasShared)('names only factors of the codebook', () => {
    const codebook = readFileSync(sharedPath('spec', 'factor-codebook.md'), 'utf8');
    const ids = new Set([...codebook.matchAll(/^\| `([a-z_]+)` \|/gmu)].map((m) => m[1]));
    expect(ids.size).toBeGreaterThanOrEqual(46);
    for (const e of glossary()) if (e.factor) expect(ids, `${e.short}: ${e.factor}`).toContain(e.factor);
  });

  it('reports mistakes with file, line and reason', () => {
    expect(() => parse('НИС\tru\tнациональная инновационная система\tNIS\n')).toThrow(LexiconError);
    expect(() => parse('НИС\tru\tнациональная инновационная система\tNIS\n')).toThrow(/lexicons\/glossary\.tsv:3: expected 5/u);
    expect(() => parse('NIS\tru\tnational innovation system\tНИС\t-\n')).toThrow(/:3: short form 'NIS' is not written in the script/u);
    expect(() => parse('НИС\tde\tх\t-\t-\n')).toThrow(/:3: language must be one of ru, en/u);
    expect(() => parse('НИС\tru\tх\t-\tNational System\n')).toThrow(/:3: factor 'National System'/u);
    expect(() => parse('НИС\tru\tх\t-\t-\nНИС\tru\tу\t-\t-\n')).toThrow(/:4: 'НИС' \(ru\) is already listed on line 3/u);
  });
});
