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
import { remember } from '../bounded-cache.js';
import { tokenize } from '../tokens.js';
import type { Token } from '../types.js';

const DEFAULT_GAP = 3;
const MAX_GAP = 8;
/** Shorter prefixes would match too many unrelated words and slow down the index. */
const MIN_PREFIX = 3;
/** Prefixes are filed under their first MIN_PREFIX..MAX_PREFIX_KEY letters, so a token meets few candidates. */
const MAX_PREFIX_KEY = 5;
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

/** A set of single words ("foreign|international|overseas"), tested on one token at a time. */
export function compileWordSet(source: string, language: string): TokenTest[] {
  const pattern = compilePattern(source, language);
  if (pattern.steps.length !== 1) throw new PatternSyntaxError(`"${source}" must be single words separated by "|"`);
  return pattern.steps[0]!.tests;
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

export interface PatternMatch<T> {
  entry: T;
  /** First and one-past-last token index of the match. */
  from: number;
  to: number;
}

interface Filed<T> {
  pattern: Pattern;
  entry: T;
  /** The token at which this pattern was last tried, so that it is tried once per token. */
  triedAt: number;
  /** Which matchAll call triedAt belongs to. */
  triedIn: number;
}

/**
 * Patterns filed by their first step, so that a sentence is matched with a few Map lookups per token
 * instead of trying every pattern at every position: one map per kind of test, keyed by the stem,
 * the first MIN_PREFIX to MAX_PREFIX_KEY letters of a prefix, the exact form or the abbreviation.
 */
export class PatternIndex<T> {
  private readonly byKind: Record<TokenTest['kind'], Map<string, Filed<T>[]>> = {
    stem: new Map(),
    prefix: new Map(),
    form: new Map(),
    abbr: new Map(),
  };
  /**
   * Per lower-cased word form, the lists its prefixes and its form are filed in (in that order, empty
   * ones left out): a paper repeats its words, so the prefixes are sliced and looked up once per form.
   */
  private readonly byLower = new Map<string, Filed<T>[][]>();
  private calls = 0;

  add(pattern: Pattern, entry: T): void {
    this.byLower.clear();
    const filed: Filed<T> = { pattern, entry, triedAt: -1, triedIn: -1 };
    for (const test of pattern.steps[0]!.tests) {
      const map = this.byKind[test.kind];
      const key = test.kind === 'prefix' ? test.value.slice(0, MAX_PREFIX_KEY) : test.value;
      const list = map.get(key);
      if (list) list.push(filed);
      else map.set(key, [filed]);
    }
  }

  /** Every match of every pattern, the shortest one per pattern and start token. */
  matchAll(tokens: Token[]): PatternMatch<T>[] {
    const call = ++this.calls;
    const matches: PatternMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      this.tryList(this.byKind.stem.get(token.stem), tokens, i, call, matches);
      for (const list of this.byLower.get(token.lower) ?? this.listsOfLower(token.lower)) this.tryList(list, tokens, i, call, matches);
      if (token.upper) this.tryList(this.byKind.abbr.get(token.stem), tokens, i, call, matches);
    }
    return matches;
  }

  private listsOfLower(lower: string): Filed<T>[][] {
    const lists: Filed<T>[][] = [];
    for (let k = MIN_PREFIX; k <= MAX_PREFIX_KEY && k <= lower.length; k++) {
      const list = this.byKind.prefix.get(lower.slice(0, k));
      if (list) lists.push(list);
    }
    const list = this.byKind.form.get(lower);
    if (list) lists.push(list);
    // Most words start no pattern: they share one empty list.
    return remember(this.byLower, lower, lists.length ? lists : NO_LISTS);
  }

  private tryList(list: Filed<T>[] | undefined, tokens: Token[], i: number, call: number, matches: PatternMatch<T>[]): void {
    if (!list) return;
    for (const filed of list) {
      if (filed.triedAt === i && filed.triedIn === call) continue;
      filed.triedAt = i;
      filed.triedIn = call;
      const to = matchFrom(filed.pattern, tokens, i);
      if (to >= 0) matches.push({ entry: filed.entry, from: i, to });
    }
  }
}

const NO_LISTS: never[][] = [];

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
