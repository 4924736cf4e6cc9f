// The factor lexicon as glob patterns, the form a quanteda dictionary (and WordStat, Voyant) takes:
// `word` (a stem match: any ending) becomes the part of the word its stem keeps, then `*`
// (entity → stem "entiti" → `entit*`), `prefix*` stays, `=form` is the form itself,
// an abbreviation its bare form, and `a|b` expands to one phrase per alternative. A wording with a
// gap (`a .. b`) has no glob equivalent (quanteda phrases are contiguous), nor one that counts only
// near (or away from) certain words (`; near …`, `; unless …`): those are listed as left out.
import type { FactorEntry } from './lexicon.js';
import type { Pattern, TokenTest } from './patterns.js';

/** More alternatives than this in one wording are not expanded (none in the shipped lexicon come close). */
const MAX_PHRASES = 64;

export interface FactorGlobs {
  /** Glob phrases, each once, in lexicon order. */
  globs: string[];
  /** Lexicon wordings that have no glob form (gaps, conditions on the words around, too many alternatives). */
  leftOut: string[];
}

export function factorGlobs(entry: Pick<FactorEntry, 'wordings'>): FactorGlobs {
  const globs = new Set<string>();
  const leftOut: string[] = [];
  for (const { pattern, conditional } of entry.wordings) {
    const phrases = conditional ? undefined : patternGlobs(pattern);
    if (phrases) for (const phrase of phrases) globs.add(phrase);
    else leftOut.push(pattern.source);
  }
  return { globs: [...globs], leftOut };
}

function patternGlobs(pattern: Pattern): string[] | undefined {
  if (pattern.steps.some((s) => s.gapBefore > 0)) return undefined;
  // The words as written, when each element of the source compiled to one step.
  const elements = pattern.source.trim().split(/\s+/);
  const written = elements.length === pattern.steps.length ? elements.map((e) => e.split('|')) : [];
  let phrases = [''];
  for (const [i, step] of pattern.steps.entries()) {
    const words = written[i]?.length === step.tests.length ? written[i] : undefined;
    const globs = step.tests.map((test, j) => glob(test, words?.[j]));
    phrases = phrases.flatMap((phrase) => globs.map((g) => (phrase ? `${phrase} ${g}` : g)));
    if (phrases.length > MAX_PHRASES) return undefined;
  }
  return phrases;
}

/** Shorter stems-as-written would match too many unrelated words. */
const MIN_STEM = 3;

function glob(test: TokenTest, word: string | undefined): string {
  switch (test.kind) {
    case 'stem': {
      const kept = word ? commonPrefix(word.toLowerCase(), test.value) : test.value;
      return `${kept.length >= MIN_STEM ? kept : test.value}*`;
    }
    case 'prefix':
      return `${test.value}*`;
    case 'form':
    case 'abbr':
      return test.value;
  }
}

function commonPrefix(a: string, b: string): string {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return a.slice(0, n);
}
