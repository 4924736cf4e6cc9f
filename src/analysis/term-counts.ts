// Word and n-gram frequencies, as Voyant's and quanteda's textstat_frequency show them: words
// counted by stem (санкции, санкций and санкциями are one term, shown in its most frequent form),
// stop words, numbers and one-letter words left out; an n-gram is n such words in a row with
// nothing but spaces between them (a stop word, a number or punctuation breaks it).
import { isAnyStopWord, tokenize } from './tokens.js';

export interface TermCount {
  /** The most frequent written form (lower case); for n-grams, the forms joined by spaces. */
  term: string;
  stem: string;
  count: number;
  /** Documents the term occurs in. */
  documents: number;
}

const CONTENT_WORD = /^\p{L}[\p{L}\p{M}'’-]*$/u;

export class TermCounter {
  private readonly terms = new Map<string, { forms: Map<string, number>; count: number; documents: Set<string> }>();

  constructor(private readonly n: number) {}

  add(documentId: string, sentence: string, language: string): void {
    let run: { lower: string; stem: string; end: number }[] = [];
    for (const token of tokenize(sentence, 0, sentence.length, language)) {
      const lower = token.lower;
      const content = lower.length > 1 && CONTENT_WORD.test(token.text) && !isAnyStopWord(lower);
      const previous = run[run.length - 1];
      if (!content || (previous && /\S/.test(sentence.slice(previous.end, token.start)))) run = [];
      if (!content) continue;
      run.push({ lower, stem: token.stem.toLowerCase(), end: token.end });
      if (run.length > this.n) run.shift();
      if (run.length === this.n) this.count(documentId, run.map((w) => w.stem).join(' '), run.map((w) => w.lower).join(' '));
    }
  }

  /** The `limit` most frequent terms, most frequent first (ties by term). */
  top(limit: number): TermCount[] {
    return [...this.terms.entries()]
      .map(([stem, t]) => ({ term: mostFrequent(t.forms), stem, count: t.count, documents: t.documents.size }))
      .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term))
      .slice(0, limit);
  }

  private count(documentId: string, stem: string, form: string): void {
    let term = this.terms.get(stem);
    if (!term) this.terms.set(stem, (term = { forms: new Map(), count: 0, documents: new Set() }));
    term.count++;
    term.documents.add(documentId);
    term.forms.set(form, (term.forms.get(form) ?? 0) + 1);
  }
}

function mostFrequent(forms: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [form, count] of forms) if (count > bestCount) [best, bestCount] = [form, count];
  return best;
}
