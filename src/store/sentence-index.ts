// What the full-text index holds for a document: every sentence of its normalized text, with the
// stems our own tokenizer gives its words. SQLite indexes these stems (it has no Russian stemmer);
// queries are stemmed by the same function, so "санкций" finds "санкции" and "sanctions" finds
// "sanction" on both databases.
import { splitSentences } from '../analysis/sentences.js';
import { tokenize } from '../analysis/tokens.js';
import type { NormalizedDocument, Paragraph, Summary } from '../analysis/types.js';
import type { SentencesTable } from './schema.js';

/** A sentence as the search index stores it. */
export type IndexedSentence = Omit<SentencesTable, 'id' | 'document_id'> & {
  /** Space-separated lower-case stems of the sentence's words and numbers. */
  stems: string;
};

/** The normalized text joins paragraphs with a blank line (see analysis/normalize.ts). */
const PARAGRAPH_SEPARATOR = '\n\n';
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;
const WORD_OR_NUMBER = /^[\p{L}\p{N}]/u;

export function sentencesOf(summary: Summary, text: string): IndexedSentence[] {
  const doc: NormalizedDocument = { text, paragraphs: paragraphsOf(text) };
  const pages = paragraphPages(doc.paragraphs, summary);
  return splitSentences(doc).map((s, ordinal) => {
    const sentence = text.slice(s.start, s.end);
    return {
      ordinal,
      start: s.start,
      end: s.end,
      page: pages[s.paragraph] ?? null,
      language: scriptLanguage(sentence),
      sentence,
      stems: stemsOf(text, s.start, s.end).join(' '),
    };
  });
}

/** The stems of a search query, as the index holds them. */
export function queryStems(query: string): string[] {
  return [...new Set(stemsOf(query, 0, query.length))];
}

/** [start, end) ranges of the words of `sentence` whose stem is one of `stems` (for highlighting). */
export function stemRanges(sentence: string, stems: ReadonlySet<string>): [number, number][] {
  return tokenize(sentence, 0, sentence.length, 'und')
    .filter((t) => stems.has(t.stem.toLowerCase()))
    .map((t) => [t.start, t.end]);
}

/**
 * ru or en by the alphabet most of the sentence's letters are written in: the Summary keeps no
 * per-paragraph language, and the stemmers choose by alphabet anyway.
 */
export function scriptLanguage(sentence: string): string {
  const cyrillic = sentence.match(CYRILLIC)?.length ?? 0;
  const latin = sentence.match(LATIN)?.length ?? 0;
  if (cyrillic === 0 && latin === 0) return 'und';
  return cyrillic >= latin ? 'ru' : 'en';
}

function stemsOf(text: string, start: number, end: number): string[] {
  // 'und' stems Cyrillic words with the Russian and Latin words with the English Porter stemmer,
  // exactly as the analysis does for ru and en paragraphs.
  return tokenize(text, start, end, 'und')
    .filter((t) => WORD_OR_NUMBER.test(t.text))
    .map((t) => t.stem.toLowerCase());
}

function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let at = 0;
  for (const part of text.split(PARAGRAPH_SEPARATOR)) {
    paragraphs.push({ start: at, end: at + part.length, page: null, kind: 'body', language: 'und' });
    at += part.length + PARAGRAPH_SEPARATOR.length;
  }
  return paragraphs;
}

/**
 * A paragraph lies on one page; the Summary records the page of each evidence sentence, so a
 * paragraph holding evidence gets its page and the others stay unknown.
 */
function paragraphPages(paragraphs: Paragraph[], summary: Summary): (number | null)[] {
  const pages: (number | null)[] = paragraphs.map(() => null);
  const evidence = summary.factors.flatMap((f) => f.evidence).filter((e) => e.page !== null).sort((a, b) => a.start - b.start);
  let p = 0;
  for (const e of evidence) {
    while (p < paragraphs.length && paragraphs[p]!.end < e.start) p++;
    if (p < paragraphs.length && paragraphs[p]!.start <= e.start) pages[p] = e.page;
  }
  return pages;
}
