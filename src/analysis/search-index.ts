// What the full-text search index holds for a document: every sentence the analysis split, with the
// stems of its words from the analysis' own tokens (nothing is split or stemmed twice). SQLite
// indexes these stems (it has no Russian stemmer); queries are stemmed by the same tokenizer, so
// "санкций" finds "санкции" and "sanctions" finds "sanction" on both databases.
import { languageOfLetters, profileOf } from './languages/index.js';
import { isStemmed, tokenize } from './tokens.js';
import type { TextContext, Token } from './types.js';

/** A sentence as the search index stores it. */
export interface IndexedSentence {
  /** Position of the sentence in the document. */
  ordinal: number;
  start: number;
  end: number;
  /** The page of the sentence's paragraph, when the extraction knew it. */
  page: number | null;
  /** The analyzed language of the script most of its letters are written in (its paragraph's when that is one), und otherwise. */
  language: string;
  /** PostgreSQL's text-search configuration for the sentence: its language's (profile.textSearch), else 'simple'. */
  textSearch: string;
  sentence: string;
  /** Space-separated lower-case stems of the sentence's words and numbers. */
  stems: string;
}

const WORD_OR_NUMBER = /^[\p{L}\p{N}]/u;

export function indexSentences({ doc, sentences, tokens }: TextContext): IndexedSentence[] {
  return sentences.map((s, ordinal) => {
    const sentence = doc.text.slice(s.start, s.end);
    const paragraph = doc.paragraphs[s.paragraph];
    // The analysis leaves the words of other languages unstemmed; queries stem every word by its
    // alphabet, so such a (rare) sentence is tokenized again as queries are.
    const words = paragraph && isStemmed(paragraph.language) ? tokens[ordinal]! : tokenize(doc.text, s.start, s.end, 'und');
    const language = languageOfLetters(sentence, paragraph?.language);
    return { ordinal, start: s.start, end: s.end, page: paragraph?.page ?? null, language, textSearch: textSearchOf(language), sentence, stems: stemsOf(words).join(' ') };
  });
}

/** The stems of a search query, as the index holds them. */
export function queryStems(query: string): string[] {
  return [...new Set(stemsOf(tokenize(query, 0, query.length, 'und')))];
}

/** [start, end) ranges of the words of `sentence` whose stem is one of `stems` (for highlighting). */
export function stemRanges(sentence: string, stems: ReadonlySet<string>): [number, number][] {
  return tokenize(sentence, 0, sentence.length, 'und')
    .filter((t) => stems.has(t.stem.toLowerCase()))
    .map((t) => [t.start, t.end]);
}

/** The text-search configuration of a language: its profile's, else PostgreSQL's language-neutral 'simple'. */
export function textSearchOf(language: string): string {
  return profileOf(language)?.textSearch ?? 'simple';
}

function stemsOf(tokens: Token[]): string[] {
  return tokens.filter((t) => WORD_OR_NUMBER.test(t.text)).map((t) => t.stem.toLowerCase());
}
