// The seed paper through the real pipeline steps: every abbreviation found, the defined ones from
// the text, the others from the glossary, Russian and English ones linked, nothing false.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { findAbbreviations, loadMorphology } from '../../src/analysis/abbreviations/index.js';
import { extract } from '../../src/analysis/extract/index.js';
import { buildTextContext } from '../../src/analysis/index.js';
import { assignLanguages } from '../../src/analysis/language.js';
import { normalize } from '../../src/analysis/normalize.js';
import type { SummaryAbbreviation } from '../../src/analysis/types.js';
import { hasShared, sharedPath } from '../support/shared.js';

describe.skipIf(!hasShared)('abbreviations of the seed paper (high-tech-exports-russia.ru-en.txt)', () => {
  let abbr: Map<string, SummaryAbbreviation>;

  beforeAll(async () => {
    await loadMorphology();
    const filename = 'high-tech-exports-russia.ru-en.txt';
    const bytes = readFileSync(sharedPath('seeds', filename));
    const context = buildTextContext(assignLanguages(normalize(await extract(bytes, { filename }))));
    abbr = new Map(findAbbreviations(context).map((a) => [a.short, a]));
  });

  it('finds every abbreviation and nothing else', () => {
    expect([...abbr.keys()].sort()).toEqual(
      ['АТР', 'БРИКС', 'ВТО', 'ВЭБ', 'ГЧП', 'НИОКР', 'НИС', 'НМА', 'ОИС', 'РАН', 'РЭЦ', 'СМП', 'СССР', 'ТНК', 'УФИЦ', 'ЦБ РФ', 'вуз', 'NIS', 'TNC'].sort(),
    );
  });

  it('takes НИС, NIS, ТНК and TNCs from the text, with their long forms', () => {
    expect(abbr.get('НИС')).toMatchObject({
      source: 'text',
      long: 'национальная инновационная система',
      longAsWritten: 'национальной инновационной системе',
      language: 'ru',
      factor: 'national_innovation_system',
    });
    expect(abbr.get('ТНК')).toMatchObject({
      source: 'text',
      long: 'транснациональная корпорация',
      longAsWritten: 'транснациональных корпораций',
      factor: 'tncs',
    });
    expect(abbr.get('NIS')).toMatchObject({ source: 'text', long: 'national innovation system', language: 'en' });
    expect(abbr.get('TNC')).toMatchObject({ source: 'text', longAsWritten: 'multinational corporations', factor: 'tncs' });
  });

  it('counts inflected uses', () => {
    expect(abbr.get('ТНК')!.count).toBeGreaterThanOrEqual(15);
    expect(abbr.get('ВЭБ')!.count).toBe(1); // «ВЭБ-а»
    expect(abbr.get('NIS')!.count).toBe(2);
  });

  it('expands the undefined ones from the glossary', () => {
    for (const short of ['ОИС', 'НМА', 'ГЧП', 'СМП', 'НИОКР', 'РЭЦ', 'ВЭБ', 'ВТО', 'АТР', 'БРИКС', 'ЦБ РФ']) {
      expect(abbr.get(short), short).toMatchObject({ source: 'glossary' });
      expect(abbr.get(short)!.long, short).toBeTruthy();
    }
    expect(abbr.get('УФИЦ')).toMatchObject({ source: 'unknown', long: null, count: 1 });
  });

  it('links НИС ↔ NIS and ТНК ↔ TNCs', () => {
    expect(abbr.get('НИС')!.equivalents).toContain('NIS');
    expect(abbr.get('NIS')!.equivalents).toContain('НИС');
    expect(abbr.get('ТНК')!.equivalents).toContain('TNC');
    expect(abbr.get('TNC')!.equivalents).toContain('ТНК');
  });
});
