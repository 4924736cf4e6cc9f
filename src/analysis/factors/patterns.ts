// Patterns over tokens: the syntax shared by the factor lexicon and the stance cue lexicons.
//
// A pattern is a sequence of elements separated by spaces:
//   word        the word's stem must equal the token's stem (санкции = санкциями = санкциях)
//   prefix*     the token's lower-cased form must start with the prefix (санкционн* = санкционного)
//   =form       the token's lower-cased form must be exactly this (=развиты, not развития)
//   ТНК         an element written in capitals is an abbreviation: it matches an abbreviation token
//               whose bare form is the same (ТНК, ТНК-шный is not, ВЭБ-а is ВЭБ)
//   a|b*|c      any one of the alternatives
//   ..  ..N     a gap: up to N (default 3) other tokens, not crossing . ; : ! ? ( )
// Words are compiled with the same tokenize() that reads the text, so that stems, hyphens and
// abbreviations are treated identically on both sides.
import { tokenize } from '../tokens.js';
import type { Token } from '../types.js';

export const DEFAULT_GAP = 3;
const MAX_GAP = 8;
/** Shorter prefixes would match too many unrelated words and slow down the index. */
const MIN_PREFIX = 3;
const CLAUSE_PUNCTUATION = new Set(['.', ';', ':', '!', '?', '(', ')']);

export type TokenTest =
  | { kind: 'stem'; value: string }
  | { kind: 'prefix'; value: string }
  | { kind: 'form'; value: string }
  | { kind: 'abbr'; value: string };

/** One position of a pattern: a token satisfying any of the tests, after up to `gapBefore` others. */
export interface PatternStep {
  tests: TokenTest[];
  gapBefore: number;
}

export interface Pattern {
  source: string;
  steps: PatternStep[];
}

/** Thrown by compilePattern; the lexicon loaders turn it into a LexiconError with file and line. */
export class PatternSyntaxError extends Error {}

export function compilePattern(source: string, language: string): Pattern {
  const steps: PatternStep[] = [];
  let gap = 0;
  for (const element of source.trim().split(/\s+/)) {
    const gapMatch = /^(?:\.\.|…)(\d+)?$/.exec(element);
    if (gapMatch) {
      if (steps.length === 0) throw new PatternSyntaxError(`a gap cannot start a pattern: "${source}"`);
      if (gap) throw new PatternSyntaxError(`two gaps in a row: "${source}"`);
      gap = gapMatch[1] ? Number(gapMatch[1]) : DEFAULT_GAP;
      if (gap < 1 || gap > MAX_GAP) throw new PatternSyntaxError(`gap ${gap} is outside 1..${MAX_GAP}: "${source}"`);
      continue;
    }
    const compiled = compileElement(element, language, source);
    compiled[0]!.gapBefore = gap;
    steps.push(...compiled);
    gap = 0;
  }
  if (steps.length === 0) throw new PatternSyntaxError('empty pattern');
  if (gap) throw new PatternSyntaxError(`a gap cannot end a pattern: "${source}"`);
  return { source, steps };
}

/** An element is usually one step; a word the tokenizer splits (R&D) becomes consecutive steps. */
function compileElement(element: string, language: string, source: string): PatternStep[] {
  const alternatives = element.split('|');
  if (alternatives.some((a) => !a)) throw new PatternSyntaxError(`empty alternative in "${element}" of "${source}"`);
  if (alternatives.length === 1) return compileAlternative(element, language, source).map((test) => ({ tests: [test], gapBefore: 0 }));
  const tests = alternatives.map((a) => {
    const one = compileAlternative(a, language, source);
    if (one.length !== 1) throw new PatternSyntaxError(`alternative "${a}" is more than one word in "${source}"`);
    return one[0]!;
  });
  return [{ tests, gapBefore: 0 }];
}

function compileAlternative(word: string, language: string, source: string): TokenTest[] {
  const isForm = word.startsWith('=');
  const isPrefix = word.endsWith('*');
  if (isForm && isPrefix) throw new PatternSyntaxError(`"${word}" cannot be both an exact form (=) and a prefix (*) in "${source}"`);
  const body = isPrefix ? word.slice(0, -1) : isForm ? word.slice(1) : word;
  if (body.includes('*')) throw new PatternSyntaxError(`"*" may only end a word: "${word}" in "${source}"`);
  const tokens = tokenize(body, 0, body.length, language);
  if (tokens.length === 0 || tokens.map((t) => t.text).join('') !== body.replace(/\s+/g, '')) {
    throw new PatternSyntaxError(`"${word}" is not a word the tokenizer reads as such in "${source}"`);
  }
  return tokens.map((t, i) => {
    if (isPrefix && i === tokens.length - 1) {
      if (t.lower.length < MIN_PREFIX) throw new PatternSyntaxError(`prefix "${word}" is shorter than ${MIN_PREFIX} letters in "${source}"`);
      return { kind: 'prefix', value: t.lower };
    }
    if (isForm) return { kind: 'form', value: t.lower };
    return isAbbreviation(t) ? { kind: 'abbr', value: t.stem } : { kind: 'stem', value: t.stem };
  });
}

function isAbbreviation(token: Token): boolean {
  return token.upper && /\p{L}/u.test(token.text);
}

export function tokenPasses(test: TokenTest, token: Token): boolean {
  switch (test.kind) {
    case 'stem':
      return token.stem === test.value;
    case 'prefix':
      return token.lower.startsWith(test.value);
    case 'form':
      return token.lower === test.value;
    case 'abbr':
      return token.upper && token.stem === test.value;
  }
}

/** The index keys a token can be found under; patterns are filed under the keys of their first step. */
function testKey(test: TokenTest): string {
  return test.kind === 'prefix' ? `p:${test.value.slice(0, MIN_PREFIX)}` : `${test.kind}:${test.value}`;
}

function tokenKeys(token: Token): string[] {
  const keys = [`stem:${token.stem}`, `p:${token.lower.slice(0, MIN_PREFIX)}`, `form:${token.lower}`];
  if (token.upper) keys.push(`abbr:${token.stem}`);
  return keys;
}

export interface PatternMatch<T> {
  entry: T;
  /** First and one-past-last token index of the match. */
  from: number;
  to: number;
}

/**
 * Patterns filed by their first step, so that a sentence is matched with one Map lookup per token
 * and key instead of trying every pattern at every position.
 */
export class PatternIndex<T> {
  private readonly byKey = new Map<string, { pattern: Pattern; entry: T }[]>();

  add(pattern: Pattern, entry: T): void {
    for (const test of pattern.steps[0]!.tests) {
      const key = testKey(test);
      const list = this.byKey.get(key);
      if (list) list.push({ pattern, entry });
      else this.byKey.set(key, [{ pattern, entry }]);
    }
  }

  /** Every match of every pattern, the shortest one per pattern and start token. */
  matchAll(tokens: Token[]): PatternMatch<T>[] {
    const matches: PatternMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const seen = new Set<Pattern>();
      for (const key of tokenKeys(tokens[i]!)) {
        for (const { pattern, entry } of this.byKey.get(key) ?? []) {
          if (seen.has(pattern)) continue;
          seen.add(pattern);
          const to = matchFrom(pattern, tokens, i);
          if (to >= 0) matches.push({ entry, from: i, to });
        }
      }
    }
    return matches;
  }
}

/** End (exclusive) of the pattern matched at token `start`, or -1. */
function matchFrom(pattern: Pattern, tokens: Token[], start: number): number {
  if (!pattern.steps[0]!.tests.some((t) => tokenPasses(t, tokens[start]!))) return -1;
  return matchSteps(pattern.steps, 1, tokens, start + 1);
}

function matchSteps(steps: PatternStep[], s: number, tokens: Token[], at: number): number {
  if (s === steps.length) return at;
  const step = steps[s]!;
  for (let skip = 0; skip <= step.gapBefore && at + skip < tokens.length; skip++) {
    const token = tokens[at + skip]!;
    if (step.tests.some((t) => tokenPasses(t, token))) {
      const end = matchSteps(steps, s + 1, tokens, at + skip + 1);
      if (end >= 0) return end;
    }
    if (CLAUSE_PUNCTUATION.has(token.text)) break;
  }
  return -1;
}
