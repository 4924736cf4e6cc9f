// Scores for text extraction against known text: word-level F1 that also counts order (longest
// common subsequence of the word sequences, page by page), and how line-end hyphenations came out.
import { normalizeParagraphText } from '../../src/analysis/normalize.js';

const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

/**
 * The text of each block printed on a page: a paragraph that goes on over a page end counts its
 * first part on its own page and the rest on the next one.
 */
export function pageTexts(blocks: readonly { text: string; page: number | null; nextPageAt?: number }[], page: number): string[] {
  const texts: string[] = [];
  for (const b of blocks) {
    const split = b.nextPageAt ?? b.text.length;
    if (b.page === page) texts.push(b.text.slice(0, split));
    else if (b.page === page - 1 && split < b.text.length) texts.push(b.text.slice(split));
  }
  return texts.filter((t) => t.trim());
}

export function words(text: string): string[] {
  return normalizeParagraphText(text).match(WORD) ?? [];
}

/** Length of the longest common subsequence; O(n·m) time, O(m) memory (pages are a few hundred words). */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

export interface WordScore {
  /** Words in the right order (LCS), words extracted, words expected. */
  matched: number;
  extracted: number;
  expected: number;
}

export function scoreWords(expected: readonly string[], extracted: readonly string[]): WordScore {
  return { matched: lcsLength(expected, extracted), extracted: extracted.length, expected: expected.length };
}

export function addScores(a: WordScore, b: WordScore): WordScore {
  return { matched: a.matched + b.matched, extracted: a.extracted + b.extracted, expected: a.expected + b.expected };
}

export function f1(score: WordScore): number {
  const precision = score.extracted ? score.matched / score.extracted : 1;
  const recall = score.expected ? score.matched / score.expected : 1;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

export interface HyphenScore {
  /** Words split by hyphenation, and how many of them came out whole. */
  splits: number;
  rejoined: number;
  /** Compounds broken at their own hyphen, and how many kept it. */
  compounds: number;
  kept: number;
}

/**
 * For each hyphenated word, whether the page's extracted words contain it as written in the source.
 * Counted per word form: if a form occurs k times on the page but fewer in the output, the missing
 * ones are charged to its line-end breaks (the unbroken occurrences need no de-hyphenation).
 */
export function scoreHyphens(breaks: readonly { word: string; compound: boolean }[], expected: readonly string[], extracted: readonly string[]): HyphenScore {
  const count = (list: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
    return counts;
  };
  const want = count(expected);
  const got = count(extracted);
  const missingLeft = new Map<string, number>();
  const score: HyphenScore = { splits: 0, rejoined: 0, compounds: 0, kept: 0 };
  for (const { word, compound } of breaks) {
    const form = words(word)[0] ?? word;
    if (!missingLeft.has(form)) missingLeft.set(form, Math.max(0, (want.get(form) ?? 0) - (got.get(form) ?? 0)));
    const missing = missingLeft.get(form)!;
    const ok = missing === 0;
    if (!ok) missingLeft.set(form, missing - 1);
    if (compound) {
      score.compounds++;
      if (ok) score.kept++;
    } else {
      score.splits++;
      if (ok) score.rejoined++;
    }
  }
  return score;
}

export function addHyphens(a: HyphenScore, b: HyphenScore): HyphenScore {
  return { splits: a.splits + b.splits, rejoined: a.rejoined + b.rejoined, compounds: a.compounds + b.compounds, kept: a.kept + b.kept };
}

/**
 * Words that came out in a block of the right kind (title, abstract, heading, references…), counted
 * per page and kind as bags of words: a word matches when its page has it under the same kind.
 */
export function kindAgreement(expected: readonly { kind: string; text: string }[], extracted: readonly { kind: string; text: string }[]): { agreed: number; total: number } {
  const bags = (blocks: readonly { kind: string; text: string }[]) => {
    const bag = new Map<string, number>();
    for (const block of blocks) for (const w of words(block.text)) bag.set(`${block.kind} ${w}`, (bag.get(`${block.kind} ${w}`) ?? 0) + 1);
    return bag;
  };
  const want = bags(expected);
  const got = bags(extracted);
  let agreed = 0;
  let total = 0;
  for (const [key, count] of want) {
    total += count;
    agreed += Math.min(count, got.get(key) ?? 0);
  }
  return { agreed, total };
}
