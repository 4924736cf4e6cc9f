// Adding a language is one profile, one lexicon folder and its label lines (lexicons/README.md,
// "Adding a language"). This test follows that recipe for a toy third language, Esperanto with a
// handful of words, in a copy of lexicons/, and analyzes a paragraph written in it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, profileOf, registerLanguage } from '../../src/analysis/languages/index.js';
import { defineLanguage } from '../../src/analysis/languages/profile.js';
import { useLexiconFolder } from '../../src/analysis/lexicon-files.js';
import { lexiconsDir } from '../../src/paths.js';

/** The toy language's lexicon folder: a few words per file, each file in the one line grammar. */
const TOY_FOLDER: Record<string, string> = {
  'stopwords.txt': ['la', 'kaj', 'de', 'en', 'al', 'por', 'ne', 'estas'].join('\n'),
  'sentence-abbreviations.txt': 'inner\tekz.',
  'function-words.txt': ['la', 'kaj', 'de'].join('\n'),
  'number-words.txt': '1\tunu unua*\n2\tdu dua*',
  'markers.txt': 'references\tliteraturo\nhereinafter\tpluen\nlist-conjunction\tkaj\nsuspension\tkaj\npage\tpaĝo\npage-of\tel',
  'hyphenation.txt': '',
  'stance-cues.txt': 'negation\tne\nnegative\tmalhelp*\npositive\tsubten*',
};

/** Esperanto words end in their part of speech, number and case: sankcioj, sankcion → sankci. */
const esperanto = defineLanguage({
  code: 'eo',
  script: 'latin',
  stem: (word) => word.replace(/(?:o|a|e|i|as|is|os|us|u)j?n?$/u, ''),
  abbreviationEnding: 'j?n?',
  abbreviationTail: 'j?n?',
  dictionaryForm: (written) => written,
  negationReachesBack: false,
  stopWordShape: /^[a-zĉĝĥĵŝŭ]+$/u,
  tesseract: 'epo',
  textSearch: 'simple',
  detection: { stopWords: { share: 0.3, minWords: 6, sample: 300, word: /[a-zĉĝĥĵŝŭ]+/giu } },
});

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'policylens-lexicons-'));
  cpSync(lexiconsDir, folder, { recursive: true });
  mkdirSync(join(folder, 'eo'));
  for (const [name, body] of Object.entries(TOY_FOLDER)) writeFileSync(join(folder, 'eo', name), `# toy Esperanto\n@format 1\n${body}\n`);
  // The label lines: every factor gets an Esperanto label, and sanctions an Esperanto pattern.
  const factors = readFileSync(join(folder, 'factors.txt'), 'utf8')
    .replace(/^\[([a-z_]+)\]$/gmu, (header, id: string) => `${header}\nlabel.eo ${id}`)
    .replace(/^\[sanctions\]$/mu, '[sanctions]\neo sankcio');
  writeFileSync(join(folder, 'factors.txt'), factors);
  useLexiconFolder(folder);
  registerLanguage(esperanto);
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('a language added by the recipe', () => {
  it('is registered after the shipped ones and found by its code', () => {
    expect(LANGUAGES.map((p) => p.code)).toEqual(['ru', 'en', 'eo']);
    expect(profileOf('eo')?.markers.references).toEqual(['literaturo']);
  });

  it('is detected, stemmed, matched and given a stance in a paragraph written in it', async () => {
    const { analyze } = await import('../../src/analysis/index.js');
    const text = [
      'Sankcioj kaj eksporto',
      'La sankcioj malhelpas la eksporton de altaj teknologioj kaj la evoluon de la lando. La registaro ne ŝanĝas la politikon de la lando.',
    ].join('\n\n');
    const { summary, sentences } = await analyze(new TextEncoder().encode(text), { filename: 'eo.txt' });
    expect(summary.document.languages).toHaveProperty('eo');
    const sanctions = summary.factors.find((f) => f.id === 'sanctions');
    expect(sanctions?.label.eo).toBe('sanctions');
    const body = sanctions?.evidence.find((e) => e.sentence.startsWith('La sankcioj'));
    expect(body).toMatchObject({ language: 'eo', match: 'sankcioj', stance: 'negative', cues: ['malhelpas'] });
    expect(sentences.find((s) => s.sentence.startsWith('La sankcioj'))).toMatchObject({ language: 'eo', textSearch: 'simple' });
  });
});
