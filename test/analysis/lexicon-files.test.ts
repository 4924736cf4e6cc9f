// The bookkeeping of lexicons/: one line grammar for every file, and a version that changes with
// the data the analysis reads but not with its documentation.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lexiconVersion, LexiconError, useLexiconFolder } from '../../src/analysis/lexicon-files.js';
import { lexiconLines } from '../../src/analysis/lexicon-lines.js';
import { lexiconsDir } from '../../src/paths.js';

describe('the lexicon line grammar', () => {
  const file = (text: string) => ({ path: 'lexicons/x.txt', text });

  it('reads the lines after the format line, without comments, split at TABs', () => {
    const lines = lexiconLines(file('# header\n\n@format 1\ninner\tт. е. # a comment\nC#\tsharp\n'));
    expect(lines).toEqual([
      { text: 'inner\tт. е.', fields: ['inner', 'т. е.'], line: 4 },
      { text: 'C#\tsharp', fields: ['C#', 'sharp'], line: 5 },
    ]);
  });

  it('requires the format line first, and a format it reads', () => {
    expect(() => lexiconLines(file('word\n'))).toThrow(LexiconError);
    expect(() => lexiconLines(file('word\n'))).toThrow(/^lexicons\/x\.txt:1: the first line must be "@format 1"/);
    expect(() => lexiconLines(file('# only a comment\n'))).toThrow(/:1: the file is empty/);
    expect(() => lexiconLines(file('@format 2\n'))).toThrow(/:1: format 2 is not supported/);
  });
});

describe('the lexicon version', () => {
  const folder = mkdtempSync(join(tmpdir(), 'policylens-lexicons-'));
  cpSync(lexiconsDir, folder, { recursive: true });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const versionAfter = (edit: () => void): string => {
    edit();
    useLexiconFolder(folder);
    return lexiconVersion();
  };

  it('changes with a data file of any folder, not with README.md', () => {
    const before = versionAfter(() => {});
    expect(before).toMatch(/^factors@1:[0-9a-f]{12}$/);
    expect(versionAfter(() => appendFileSync(join(folder, 'README.md'), '\nA note for editors.\n'))).toBe(before);
    expect(versionAfter(() => appendFileSync(join(folder, 'ru', 'stopwords.txt'), '\nибо\n'))).not.toBe(before);
  });
});
