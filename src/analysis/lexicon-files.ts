import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { lexiconsDir } from '../paths.js';

// Every step that reads lexicons/ goes through here, so that the lexicon version recorded in each
// Summary changes whenever any lexicon file changes, and `reanalyze --stale` can find old results.

export interface LexiconFile {
  /** Path relative to the project root, for error messages ("lexicons/factors.tsv:12: …"). */
  path: string;
  text: string;
}

let cachedVersion: string | undefined;

/** The folder lexicon files are read from: the project's lexicons/ unless useLexiconFolder chose another. */
let folder = lexiconsDir;

/**
 * Reads the lexicons from another folder laid out like lexicons/ (a copy with a language added,
 * say). Must be called before the first analysis: each step reads its lexicons once.
 */
export function useLexiconFolder(path: string): void {
  folder = path;
  cachedVersion = undefined;
}

export function readLexiconFile(name: string): LexiconFile {
  return { path: `lexicons/${name}`, text: readFileSync(join(folder, name), 'utf8') };
}

/** `factors@1:<first 12 hex of sha256 over all lexicon data files>`. */
export function lexiconVersion(): string {
  if (cachedVersion) return cachedVersion;
  const hash = createHash('sha256');
  for (const name of lexiconFileNames()) {
    hash.update(name).update('\0').update(readFileSync(join(folder, name))).update('\0');
  }
  cachedVersion = `factors@1:${hash.digest('hex').slice(0, 12)}`;
  return cachedVersion;
}

/**
 * Every file the analysis may read under lexicons/ (per-language folders included), as paths
 * relative to it, sorted. Documentation (README.md) is left out: editing it changes no result.
 */
function lexiconFileNames(): string[] {
  const isData = (name: string): boolean => !name.split(sep).some((part) => part.startsWith('.') || part === 'README.md') && statSync(join(folder, name)).isFile();
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter(isData)
    .map((name) => name.split(sep).join('/'))
    .sort();
}

/** A mistake in a lexicon file, reported with file, line and reason, at start. */
export class LexiconError extends Error {
  override readonly name = 'LexiconError';
  constructor(file: string, line: number, reason: string) {
    super(`${file}:${line}: ${reason}`);
  }
}
