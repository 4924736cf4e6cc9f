// A user lexicon: extra factors a researcher brings as a quanteda dictionary (YAML), counted beside
// the codebook's. Each key becomes a factor `user:<key>` labelled with the key itself ("Санкции /
// Sanctions" gives one label per language, by script), or with the comment line just above a
// top-level key when it has that bilingual shape ("# Санкции / Sanctions (group)", as the codebook
// export writes it, so that an exported dictionary comes back with its labels); nested keys are joined with '.', as
// quanteda flattens them. Values are quanteda globs, case-insensitive: `sanction*` is a prefix,
// a word without `*` is that word form, a word in capitals an abbreviation (ТНК matches ТНК-ов),
// several words a phrase. The analysis gets the lexicon as input (DocumentMeta.userLexicon), in
// the line format of lexicons/factors.txt, so that it stays a pure function.
import { createHash } from 'node:crypto';
import { isMap, isScalar, parseDocument } from 'yaml';
import { hasScript, LANGUAGES } from '../languages/index.js';
import { lexiconVersion } from '../lexicon-files.js';
import type { FactorLabels, UserLexicon } from '../types.js';
import { compilePattern, PatternSyntaxError } from './patterns.js';

export const USER_FACTOR_PREFIX = 'user:';
const USER_GROUP = 'User lexicon';
/** The shortest prefix the factor lexicon takes (factors/patterns.ts). */
const MIN_PREFIX_LETTERS = 3;

export interface UserFactor {
  /** `user:<key>`: lower-case letters, digits and underscores after the prefix. */
  id: string;
  label: FactorLabels;
  /** The dictionary's globs, as given. */
  globs: string[];
}

/** A dictionary that cannot be imported: names the key and glob at fault. */
export class UserLexiconError extends Error {
  override readonly name = 'UserLexiconError';
}

/** The factors of a quanteda YAML dictionary; throws UserLexiconError on anything it cannot use. */
export function parseQuantedaDictionary(yaml: string): UserFactor[] {
  const parsed = parseDocument(yaml);
  if (parsed.errors.length) throw new UserLexiconError(`not YAML: ${parsed.errors[0]!.message.split('\n')[0]}`);
  const document: unknown = parsed.toJS();
  if (!isMapping(document)) throw new UserLexiconError('a quanteda dictionary is a YAML mapping of keys to lists of globs');
  const commentLabels = labelComments(parsed);
  const factors = new Map<string, UserFactor>();
  const visit = (node: Record<string, unknown>, path: string[]): void => {
    for (const [key, value] of Object.entries(node)) {
      const keys = [...path, key.trim()];
      if (isMapping(value)) {
        visit(value, keys);
        continue;
      }
      const name = keys.join('.');
      const globs = (Array.isArray(value) ? value : [value]).map((g) => String(g ?? '').trim()).filter(Boolean);
      if (globs.length === 0) throw new UserLexiconError(`"${name}" has no globs`);
      const id = USER_FACTOR_PREFIX + slug(name);
      if (id === USER_FACTOR_PREFIX) throw new UserLexiconError(`"${name}" has no letters or digits to name a factor by`);
      if (factors.has(id)) throw new UserLexiconError(`"${name}" and another key both make the factor id ${id}`);
      for (const glob of globs) checkGlob(name, glob);
      const label = (path.length === 0 && commentLabels.get(key.trim())) || keys[keys.length - 1]!;
      factors.set(id, { id, label: labelsOf(label), globs: [...new Set(globs)] });
    }
  };
  visit(document, []);
  if (factors.size === 0) throw new UserLexiconError('the dictionary has no keys');
  return [...factors.values()];
}

/** `user@1:<first 12 hex of sha256 over the factors>`: changes with any id, label or glob. */
export function userLexiconVersion(factors: readonly UserFactor[]): string {
  const canonical = [...factors].sort((a, b) => a.id.localeCompare(b.id)).map((f) => [f.id, LANGUAGES.map((l) => f.label[l.code]), f.globs]);
  return `user@1:${createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 12)}`;
}

/** The version of every lexicon a result comes from: lexicons/, and the user lexicon when there is one. */
export function analysisLexiconVersion(user: Pick<UserLexicon, 'version'> | undefined): string {
  return user ? `${lexiconVersion()}+${user.version}` : lexiconVersion();
}

/** The factors in the line format of lexicons/factors.txt (without its @format line), each glob matched in every language. */
export function userLexicon(factors: readonly UserFactor[]): UserLexicon {
  const lines = factors.flatMap((f) => [
    `[${f.id}]`,
    `group ${USER_GROUP}`,
    ...LANGUAGES.map((l) => `label.${l.code} ${f.label[l.code]}`),
    ...f.globs.map((g) => `abbr ${globPattern(g)}`),
  ]);
  return { version: userLexiconVersion(factors), lexicon: lines.join('\n') + '\n' };
}

/**
 * A glob as a lexicon pattern: `word*` a prefix, a word in capitals an abbreviation, any other word
 * its exact form. A prefix shorter than the lexicon's shortest (3 letters: на*, of*) would match
 * most words, so it stands for the word's inflections (its stem), as the codebook export writes them.
 */
function globPattern(glob: string): string {
  return glob
    .split(/\s+/)
    .map((word) => {
      if (isCapitals(word)) return word;
      if (!word.endsWith('*')) return `=${word.toLowerCase()}`;
      return word.length - 1 < MIN_PREFIX_LETTERS ? word.slice(0, -1).toLowerCase() : word.toLowerCase();
    })
    .join(' ');
}

function checkGlob(key: string, glob: string): void {
  // '#' would start a comment and ' ; ' a condition in the lexicon's line format.
  if (/[?#;]/.test(glob) || /\*(?!$|\s)/.test(glob)) {
    throw new UserLexiconError(`"${key}": glob "${glob}": only a * at the end of a word is supported (no ?, #, ; or inner *)`);
  }
  for (const language of LANGUAGES) {
    try {
      compilePattern(globPattern(glob), language.code);
    } catch (error) {
      if (error instanceof PatternSyntaxError) throw new UserLexiconError(`"${key}": glob "${glob}": ${error.message}`);
      throw error;
    }
  }
}

/** A comment that labels the key below it: "Санкции / Sanctions", with the group in brackets after it or not. */
const LABEL_COMMENT = /^\s*(\S.*?\s\/\s.*?\S)(?:\s+\([^()]*\))?\s*$/;

/** The labels written as comments just above top-level keys, by key. */
function labelComments(document: ReturnType<typeof parseDocument>): Map<string, string> {
  const labels = new Map<string, string>();
  if (!isMap(document.contents)) return labels;
  for (const [i, pair] of document.contents.items.entries()) {
    if (!isScalar(pair.key)) continue;
    // Comments that open the file belong to the document, not to its first key.
    const before = [i === 0 ? document.commentBefore : null, pair.key.commentBefore].filter(Boolean).join('\n');
    // The label line is the last one not indented as a note under it ("#   not expressible as …").
    const last = before.split('\n').filter((line) => line.trim() && !/^\s{2}/.test(line)).pop();
    const label = last === undefined ? null : LABEL_COMMENT.exec(last);
    if (label) labels.set(String(pair.key.value).trim(), label[1]!);
  }
  return labels;
}

/**
 * A label per analyzed language: "Санкции / Sanctions" gives each part to the language of its
 * script; a language without a part of its own takes the first part.
 */
function labelsOf(key: string): FactorLabels {
  const parts = key.split(/\s+\/\s+/).map((p) => p.replace(/[#\n]/g, ' ').trim()).filter(Boolean);
  const first = parts[0] ?? key;
  return Object.fromEntries(LANGUAGES.map((l) => [l.code, parts.find((p) => hasScript(p, l.script)) ?? first])) as unknown as FactorLabels;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '');
}

function isCapitals(word: string): boolean {
  return /\p{L}/u.test(word) && word === word.toUpperCase() && word.length > 1;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
