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

export function readLexiconFile(name: string): LexiconFile {
  return { path: `lexicons/${name}`, text: readFileSync(join(lexiconsDir, name), 'utf8') };
}

let cachedVersion: string | undefined;

/** `factors@1:<first 12 hex of sha256 over all lexicon files>`. */
export function lexiconVersion(): string {
  if (cachedVersion) return cachedVersion;
  const hash = createHash('sha256');
  for (const name of lexiconFileNames()) {
    hash.update(name).update('\0').update(readFileSync(join(lexiconsDir, name))).update('\0');
  }
  cachedVersion = `factors@1:${hash.digest('hex').slice(0, 12)}`;
  return cachedVersion;
}

/** Every file under lexicons/ (per-language folders included), as paths relative to it, sorted. */
function lexiconFileNames(): string[] {
  return readdirSync(lexiconsDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => !name.split(sep).some((part) => part.startsWith('.')) && statSync(join(lexiconsDir, name)).isFile())
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
