// Where a long form can be: the clause before a parenthesis, within Schwartz–Hearst's window of
// words, not reaching across another parenthesis or a sentence end.
import { shortFormLetters, splitWords } from './letter-match.js';

/**
 * How far back a long form is looked for. A long form is a few words; without the limit a
 * paragraph with no sentence ends and many parentheses would be read again for each of them.
 */
export const MAX_LOOKBACK = 600;

export interface Paren {
  /** Index of '(' and of the matching ')'. */
  open: number;
  close: number;
}

/** Balanced parentheses and square brackets ("[EEG]", "[OR] 3.67"); an unbalanced one is skipped. */
export function parentheses(text: string): Paren[] {
  const stack: number[] = [];
  const found: Paren[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') stack.push(i);
    else if ((ch === ')' || ch === ']') && stack.length) {
      const open = stack.pop()!;
      if ((text[open] === '(') === (ch === ')')) found.push({ open, close: i });
    }
  }
  return found.sort((a, b) => a.open - b.open);
}

/**
 * Where the clause that ends at `end` begins: after a sentence end, ';', a line break, an open
 * bracket that is not closed before `end`, or a closed one (a long form does not reach across
 * another parenthesis).
 */
export function clauseStart(text: string, end: number): number {
  const limit = Math.max(0, end - MAX_LOOKBACK);
  for (let i = end - 1; i >= limit; i--) {
    const ch = text[i]!;
    if (ch === ')' || ch === ']') {
      // Brackets inside a word (prostaglandin E(2), benzo[a]pyrene) belong to the long form.
      const open = openingBracket(text, i);
      if (open > 0 && /[\p{L}\p{N}]/u.test(text[open - 1]!) && insideWord(text, open, i)) {
        i = open;
        continue;
      }
      return i + 1;
    }
    if ('([\n;'.includes(ch)) return i + 1;
    if (ch === ':' && /\s/u.test(text[i + 1] ?? '')) return i + 1;
    if (/[.!?]/u.test(ch) && /^\s+[\p{Lu}«"“]/u.test(text.slice(i + 1, i + 4))) return i + 1;
  }
  return limit;
}

/** A bracket within a word goes on after it (benzo[a]pyrene, NH(2)-terminal) or holds a number (E(2)). */
function insideWord(text: string, open: number, close: number): boolean {
  return /[\p{L}\p{N}-]/u.test(text[close + 1] ?? ' ') || /^\p{N}+$/u.test(text.slice(open + 1, close));
}

/** Index of the bracket that opens the one closing at `close`, or -1. */
function openingBracket(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (text[i] === ')' || text[i] === ']') depth++;
    else if ((text[i] === '(' || text[i] === '[') && --depth === 0) return i;
  }
  return -1;
}

/** Schwartz–Hearst's window: at most min(|SF| + 5, 2·|SF|) words before the parenthesis. */
export function maxLongFormWords(short: string): number {
  const n = shortFormLetters(short).length;
  return Math.min(n + 5, n * 2);
}

/** The text before `end` limited to the clause and the window, as [start, end). */
export function wordWindow(text: string, end: number, words: number): [number, number] {
  const from = clauseStart(text, end);
  const spans = splitWords(text.slice(from, end));
  const first = spans[Math.max(0, spans.length - words)];
  return [first ? from + first.start : end, end];
}

export function trimmedEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /[\s,:–—\-»«"“”„']/u.test(text[e - 1]!)) e--;
  return e;
}

export function collapse(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}
