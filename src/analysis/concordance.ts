// Keyword-in-context lines, as a concordancer shows them: each match of the query in a sentence
// with up to `window` words on either side. Adjacent matched words form one keyword (a phrase).
// Sorting by the left context reads its words from the keyword outwards (the word just before the
// keyword first), as concordancers sort, so that «против санкций» and «новых санкций» fall apart.
import { tokenize } from './tokens.js';

export interface KwicLine {
  left: string;
  keyword: string;
  right: string;
}

export type KwicSort = 'left' | 'right';

const WORD = /[\p{L}\p{N}]/u;

/** The KWIC lines of one sentence, given the [start, end) ranges of its matched words. */
export function kwicLines(sentence: string, matches: readonly [number, number][], window: number): KwicLine[] {
  const words = tokenize(sentence, 0, sentence.length, 'und').filter((t) => WORD.test(t.text));
  const runs: [number, number][] = [];
  for (const [start, end] of [...matches].sort((a, b) => a[0] - b[0])) {
    const last = runs[runs.length - 1];
    // Two matches with only spaces or punctuation between them are one keyword.
    if (last && !WORD.test(sentence.slice(last[1], start))) last[1] = Math.max(last[1], end);
    else runs.push([start, end]);
  }
  return runs.map(([start, end]) => {
    const before = words.filter((w) => w.end <= start).slice(-window);
    const after = words.filter((w) => w.start >= end).slice(0, window);
    return {
      left: before.length ? sentence.slice(before[0]!.start, start).trim() : '',
      keyword: sentence.slice(start, end),
      right: after.length ? sentence.slice(end, after[after.length - 1]!.end).trim() : '',
    };
  });
}

/** The key a line sorts by: its left context's words from the keyword outwards, or its right context's. */
export function kwicSortKey(line: KwicLine, sort: KwicSort): string {
  const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return sort === 'left' ? words(line.left).reverse().join(' ') : words(line.right).join(' ');
}
