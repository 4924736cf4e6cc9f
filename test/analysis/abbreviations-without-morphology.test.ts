// A separate file, so that the morphology dictionaries are not loaded in this process.
import { describe, expect, it } from 'vitest';
import { findAbbreviations } from '../../src/analysis/abbreviations/index.js';
import { contextOf } from './abbreviations-support.js';

describe('without loadMorphology()', () => {
  it('keeps Russian long forms as written, or takes the glossary form of the same concept', () => {
    const abbr = findAbbreviations(
      contextOf('Развитие отраслевых центров компетенций (далее – ОЦК) и национальной инновационной системы (НИС).'),
    );
    expect(abbr.find((a) => a.short === 'ОЦК')).toMatchObject({ long: 'отраслевых центров компетенций', source: 'text' });
    expect(abbr.find((a) => a.short === 'НИС')).toMatchObject({ long: 'национальная инновационная система', source: 'text' });
  });
});
