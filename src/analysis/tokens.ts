// STUB (replaced by issue 4): words, numbers and punctuation; no stems yet.
import type { Token } from './types.js';

export function tokenize(text: string, start: number, end: number, _language: string): Token[] {
  const tokens: Token[] = [];
  const re = /[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
  re.lastIndex = 0;
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(re)) {
    const lower = m[0].toLowerCase();
    tokens.push({
      text: m[0],
      start: start + m.index,
      end: start + m.index + m[0].length,
      lower,
      stem: lower,
      upper: /\p{Lu}{2}/u.test(m[0]) && m[0] === m[0].toUpperCase(),
    });
  }
  return tokens;
}
