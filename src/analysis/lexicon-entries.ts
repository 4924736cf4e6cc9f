// The plain line format of the language-step lexicons (stop words, sentence abbreviations, Cyrillic
// alphabets): '#' starts a comment, blank lines are ignored, fields are separated by TABs.
import { readLexiconFile } from './lexicon-files.js';

export interface LexiconEntry {
  /** The line's TAB-separated fields, trimmed. */
  fields: string[];
  /** 1-based line number, for LexiconError. */
  line: number;
}

export interface LexiconEntries {
  path: string;
  entries: LexiconEntry[];
}

export function readLexiconEntries(name: string): LexiconEntries {
  const file = readLexiconFile(name);
  const entries: LexiconEntry[] = [];
  file.text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line) entries.push({ fields: line.split('\t').map((f) => f.trim()), line: i + 1 });
  });
  return { path: file.path, entries };
}
