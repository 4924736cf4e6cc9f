// The one line grammar of every file in lexicons/: the first meaningful line declares the format
// version ("@format 1"), so that a future syntax change is detected instead of silently misread;
// '#' at the start of a line or after white space starts a comment; blank lines are ignored; the
// fields of a line are separated by TABs. What the fields mean is each file's own (its header says).
import { LexiconError, type LexiconFile } from './lexicon-files.js';

const LEXICON_FORMAT = 1;

export interface LexiconLine {
  /** The line without its comment, trimmed. */
  text: string;
  /** Its TAB-separated fields, trimmed. */
  fields: string[];
  /** 1-based line number, for LexiconError. */
  line: number;
}

/** The meaningful lines of a lexicon file, after its format declaration. */
export function lexiconLines(file: LexiconFile): LexiconLine[] {
  const lines: LexiconLine[] = [];
  let sawFormat = false;
  file.text.split(/\r?\n/).forEach((raw, i) => {
    const text = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!text) return;
    if (!sawFormat) {
      const format = /^@format\s+(\d+)$/.exec(text);
      if (!format) throw new LexiconError(file.path, i + 1, `the first line must be "@format ${LEXICON_FORMAT}"`);
      if (Number(format[1]) !== LEXICON_FORMAT) {
        throw new LexiconError(file.path, i + 1, `format ${format[1]} is not supported (this version reads format ${LEXICON_FORMAT})`);
      }
      sawFormat = true;
      return;
    }
    lines.push({ text, fields: text.split('\t').map((f) => f.trim()), line: i + 1 });
  });
  if (!sawFormat) throw new LexiconError(file.path, 1, `the file is empty; it must start with "@format ${LEXICON_FORMAT}"`);
  return lines;
}

/** Calls `visit` with each meaningful line's text and its 1-based number. */
export function forEachLexiconLine(file: LexiconFile, visit: (line: string, lineNumber: number) => void): void {
  for (const { text, line } of lexiconLines(file)) visit(text, line);
}
