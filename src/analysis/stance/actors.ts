// Reads lexicons/actors.txt (its header documents the format): the countries and organisations a
// sentence is about, each under one name in both languages (Россия = Russia, США = US, ЕС = EU).
import { LexiconError, readLexiconFile, type LexiconFile } from '../lexicon-files.js';
import type { Token } from '../types.js';
import { forEachLexiconLine } from '../lexicon-lines.js';
import { LANGUAGES } from '../languages/index.js';
import { compilePattern, PatternIndex, PatternSyntaxError } from '../factors/patterns.js';

const ACTOR_LEXICON = 'actors.txt';

export type ActorIndex = Map<string, PatternIndex<string>>;

let cached: ActorIndex | undefined;

export function actorIndex(): ActorIndex {
  cached ??= parseActorLexicon(readLexiconFile(ACTOR_LEXICON));
  return cached;
}

export function parseActorLexicon(file: LexiconFile): ActorIndex {
  const index: ActorIndex = new Map(LANGUAGES.map((p) => [p.code, new PatternIndex<string>()]));
  forEachLexiconLine(file, (line, n) => {
    const m = /^(\S+)\s+([a-z]+)\s+(.+)$/.exec(line);
    if (!m) throw new LexiconError(file.path, n, `expected "Name language pattern", got "${line}"`);
    const [, name, language, source] = m as unknown as [string, string, string, string];
    const languageIndex = index.get(language);
    if (!languageIndex) throw new LexiconError(file.path, n, `unknown language "${language}" (expected ${LANGUAGES.map((p) => p.code).join(', ')})`);
    try {
      languageIndex.add(compilePattern(source, language), name.replace(/_/g, ' '));
    } catch (error) {
      if (error instanceof PatternSyntaxError) throw new LexiconError(file.path, n, error.message);
      throw error;
    }
  });
  return index;
}

/** The actors a sentence names, each once, in order of first mention. */
export function actorsOf(tokens: Token[], language: string): string[] {
  const index = actorIndex().get(language);
  if (!index) return [];
  return [...new Set(index.matchAll(tokens).sort((a, b) => a.from - b.from).map((m) => m.entry))];
}
