// What the full-text search index holds for a document: every sentence the analysis split, with the
// stems of its words from the analysis' own tokens (nothing is split or stemmed twice). SQLite
// indexes these stems (it has no Russian stemmer); queries are stemmed by the same tokenizer, so
// "санкций" finds "санкции" and "sanctions" finds "sanction" on both databases.
import { hasScript, languageOfLetters, profileOf } from './languages/index.js';
import { isStemmed, tokenize } from './tokens.js';
import type { TextContext, Token, Zone } from './types.js';

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
  /** The zone of the sentence's paragraph (structure step): search leaves references out unless asked. */
  zone: Zone;
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
    const zone = paragraph?.kind ?? 'body';
    return { ordinal, start: s.start, end: s.end, page: paragraph?.page ?? null, language, zone, textSearch: textSearchOf(language), sentence, stems: stemsOf(words).join(' ') };
  });
}

/** The stems of a search query, as the index holds them. */
export function queryStems(query: string): string[] {
  return [...new Set(stemsOf(tokenize(query, 0, query.length, 'und')))];
}

/**
 * One word of a search query: its stem, and whether the stem stands for its derivational family.
 * Russian builds adjectives and other derivatives by adding suffixes to the stem that inflection
 * leaves (санкц-ия → санкц-ион-н-ый, экспорт → экспорт-н-ый, инновац-ия → инновац-ион-н-ый), so a
 * Cyrillic stem matched as a prefix finds the family; stems shorter than FAMILY_MIN_STEM would match
 * unrelated words (рост → Ростов) and match exactly. English derivation changes the stem itself
 * (sanction/sanctioned share Porter's stem already), so English stems match exactly.
 */
export interface QueryTerm {
  word: string;
  stem: string;
  family: boolean;
}

const FAMILY_MIN_STEM = 5;

export function queryTerms(query: string): QueryTerm[] {
  const terms = new Map<string, QueryTerm>();
  for (const t of tokenize(query, 0, query.length, 'und')) {
    if (!WORD_OR_NUMBER.test(t.text)) continue;
    const stem = t.stem.toLowerCase();
    if (!terms.has(stem)) terms.set(stem, { word: t.text, stem, family: stem.length >= FAMILY_MIN_STEM && hasScript(stem, 'cyrillic') && !t.upper });
  }
  return [...terms.values()];
}

/** [start, end) ranges of the words of `sentence` that a query term matches (for highlighting). */
export function termRanges(sentence: string, terms: readonly QueryTerm[]): [number, number][] {
  const exact = new Set(terms.filter((t) => !t.family).map((t) => t.stem));
  const prefixes = terms.filter((t) => t.family).map((t) => t.stem);
  return tokenize(sentence, 0, sentence.length, 'und')
    .filter((t) => {
      const stem = t.stem.toLowerCase();
      return exact.has(stem) || prefixes.some((p) => stem.startsWith(p));
    })
    .map((t) => [t.start, t.end]);
}

/** The text-search configuration of a language: its profile's, else PostgreSQL's language-neutral 'simple'. */
export function textSearchOf(language: string): string {
  return profileOf(language)?.textSearch ?? 'simple';
}

function stemsOf(tokens: Token[]): string[] {
  return tokens.filter((t) => WORD_OR_NUMBER.test(t.text)).map((t) => t.stem.toLowerCase());
}
