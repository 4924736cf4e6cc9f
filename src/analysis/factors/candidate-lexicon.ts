// Reads lexicons/candidates.txt (its header documents the format): the wordings with which a paper
// presents something as a factor, and the words that never begin or end a candidate phrase.
import { LANGUAGES } from '../languages/index.js';
import { LexiconError, readLexiconFile, type LexiconFile } from '../lexicon-files.js';
import { forEachLexiconLine } from '../lexicon-lines.js';
import { compilePattern, PatternIndex, PatternSyntaxError } from './patterns.js';

const CANDIDATE_LEXICON = 'candidates.txt';

/** Where the presented phrase stands relative to the trigger. */
export type TriggerKind = 'after' | 'before' | 'list';
const TRIGGER_KINDS: readonly TriggerKind[] = ['after', 'before', 'list'];

export interface CandidateLexicon {
  triggers: Record<string, PatternIndex<TriggerKind>>;
  stopwords: Record<string, Set<string>>;
}

let cached: CandidateLexicon | undefined;

export function candidateLexicon(): CandidateLexicon {
  cached ??= parseCandidateLexicon(readLexiconFile(CANDIDATE_LEXICON));
  return cached;
}

export function parseCandidateLexicon(file: LexiconFile): CandidateLexicon {
  const lexicon: CandidateLexicon = { triggers: {}, stopwords: {} };
  const languages = LANGUAGES.map((p) => p.code);
  for (const language of languages) {
    lexicon.triggers[language] = new PatternIndex();
    lexicon.stopwords[language] = new Set();
  }
  forEachLexiconLine(file, (line, n) => {
    const m = /^([a-z]+)\.([a-z]+)\s+(.+)$/.exec(line);
    if (!m) throw new LexiconError(file.path, n, `expected "kind.language value", got "${line}"`);
    const [, kind, language, value] = m as unknown as [string, string, string, string];
    if (!languages.includes(language)) throw new LexiconError(file.path, n, `unknown language "${language}" (expected ${languages.join(', ')})`);
    if (kind === 'stop') {
      for (const word of value.split(/\s+/)) lexicon.stopwords[language]!.add(word.toLowerCase());
      return;
    }
    if (!(TRIGGER_KINDS as readonly string[]).includes(kind)) {
      throw new LexiconError(file.path, n, `unknown kind "${kind}" (expected ${[...TRIGGER_KINDS, 'stop'].join(', ')})`);
    }
    try {
      lexicon.triggers[language]!.add(compilePattern(value, language), kind as TriggerKind);
    } catch (error) {
      if (error instanceof PatternSyntaxError) throw new LexiconError(file.path, n, error.message);
      throw error;
    }
  });
  return lexicon;
}
