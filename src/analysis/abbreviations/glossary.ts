// The bilingual glossary of abbreviations (lexicons/glossary.tsv; its header documents the format).
// Read once, validated line by line; the factor step maps abbreviations to factors through it.
import { hasScript, LANGUAGES, profileOf } from '../languages/index.js';
import { LexiconError, readLexiconFile, type LexiconFile } from '../lexicon-files.js';
import { lexiconLines } from '../lexicon-lines.js';

export interface GlossaryEntry {
  short: string;
  /** An analyzed language's code. */
  language: string;
  /** Long form in dictionary form. */
  long: string;
  /** The same thing in the other language: abbreviations first, then terms. */
  equivalents: string[];
  /** Codebook factor id, or null. */
  factor: string | null;
}

export const GLOSSARY_FILE = 'glossary.tsv';

export function parseGlossary(file: LexiconFile): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  const seen = new Map<string, number>();
  for (const { fields: cols, line } of lexiconLines(file)) {
    const fail = (reason: string): never => {
      throw new LexiconError(file.path, line, reason);
    };
    if (cols.length !== 5) fail(`expected 5 TAB-separated columns (short, language, long, equivalents, factor), found ${cols.length}`);
    const [short, language, long, equivalents, factor] = cols as [string, string, string, string, string];
    const profile = profileOf(language);
    if (!profile) return fail(`language must be one of ${LANGUAGES.map((p) => p.code).join(', ')}, not '${language}'`);
    if (!hasScript(short, profile.script)) fail(`short form '${short}' is not written in the script of '${language}'`);
    if (!long || long === '-') fail(`short form '${short}' has no long form`);
    if (!equivalents) fail(`equivalents are empty; write '-' for none`);
    if (factor !== '-' && !/^[a-z][a-z_]*[a-z]$/u.test(factor)) fail(`factor '${factor}' is not a codebook id (snake_case) or '-'`);
    const key = `${language}\t${short}`;
    const previous = seen.get(key);
    if (previous !== undefined) fail(`'${short}' (${language}) is already listed on line ${previous}`);
    seen.set(key, line);
    entries.push({
      short,
      language,
      long,
      equivalents: equivalents === '-' ? [] : equivalents.split('|').map((e) => e.trim()).filter(Boolean),
      factor: factor === '-' ? null : factor,
    });
  }
  return entries;
}

let cached: readonly GlossaryEntry[] | undefined;
let byShort: Map<string, GlossaryEntry> | undefined;

/** All glossary entries, in file order. */
export function glossary(): readonly GlossaryEntry[] {
  cached ??= parseGlossary(readLexiconFile(GLOSSARY_FILE));
  return cached;
}

/** The entry for an abbreviation as written (its bare form: НИС, TNC, ЦБ РФ), or undefined. */
export function glossaryEntry(short: string): GlossaryEntry | undefined {
  byShort ??= new Map(glossary().map((e) => [e.short, e]));
  return byShort.get(short);
}
