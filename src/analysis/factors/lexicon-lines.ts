// The line structure shared by the factor and stance lexicon files: `#` starts a comment (at the
// start of a line or after a space), blank lines are ignored, and the first remaining line must
// declare the format version the file is written in, so that a future syntax change is detected
// instead of silently misread.
import { LexiconError, type LexiconFile } from '../lexicon-files.js';

const LEXICON_FORMAT = 1;

/** Calls `visit` with each meaningful line (trimmed, comment removed) and its 1-based number. */
export function forEachLexiconLine(file: LexiconFile, visit: (line: string, lineNumber: number) => void): void {
  let sawFormat = false;
  file.text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    if (!sawFormat) {
      const format = /^@format\s+(\d+)$/.exec(line);
      if (!format) throw new LexiconError(file.path, i + 1, `the first line must be "@format ${LEXICON_FORMAT}"`);
      if (Number(format[1]) !== LEXICON_FORMAT) {
        throw new LexiconError(file.path, i + 1, `format ${format[1]} is not supported (this version reads format ${LEXICON_FORMAT})`);
      }
      sawFormat = true;
      return;
    }
    visit(line, i + 1);
  });
  if (!sawFormat) throw new LexiconError(file.path, 1, `the file is empty; it must start with "@format ${LEXICON_FORMAT}"`);
}
