// Tokens and stems for Russian and English. Every later step (abbreviations, factor lexicon matching,
// stance cues) reads these tokens, and the factor lexicon is compiled with the same `stem`, so both
// sides of a match are stemmed by one deterministic function.
import { createRequire } from 'node:module';
import { charFlags, charLength, DIGIT, LETTER, LOWER, MARK, SPACE, UPPER } from './char-classes.js';
import { LexiconError } from './lexicon-files.js';
import { readLexiconEntries } from './lexicon-entries.js';
import type { Token } from './types.js';

interface PorterStemmer {
  stem(word: string): string;
}

// natural's main entry loads every module it has (slow, and prints to stdout), so the two Porter
// stemmers are required directly; they are CommonJS modules without type declarations.
const require = createRequire(import.meta.url);
const russianPorter = require('natural/lib/natural/stemmers/porter_stemmer_ru.js') as PorterStemmer;
const englishPorter = require('natural/lib/natural/stemmers/porter_stemmer.js') as PorterStemmer;

// An abbreviation: two or more capitals, maybe joined by & (R&D) and followed by a number
// (COVID-19), optionally with a Russian case ending (ВЭБ-а, НИСа, ТНК-ами) or an English plural or
// possessive (TNCs, OECD's).
const ABBREVIATION_BASE = String.raw`\p{Lu}(?:&?\p{Lu})+(?:[-‐‑]?\p{N}+)?`;
const RUSSIAN_ABBREVIATION = new RegExp(`^(${ABBREVIATION_BASE})(?:[-‐‑]?(?:а|у|е|и|ы|ю|ом|ой|ов|ам|ах|ей|ем|ям|ях|ами|ями))?$`, 'u');
const ENGLISH_ABBREVIATION = new RegExp(`^(${ABBREVIATION_BASE})(?:s|['’]s)?$`, 'u');
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const POSSESSIVE = /['’]s$/;

// A sentence with at least this many long words, nearly all in capitals, is a heading in capitals
// ("САНКЦИИ И ЭКСПОРТ"): its capitals say nothing about abbreviations.
const CAPS_LOCK_MIN_WORDS = 3;
const CAPS_LOCK_SHARE = 0.8;
const CAPS_LOCK_WORD_LENGTH = 4;

/** Languages whose words are stemmed; other languages' words are their own stems. */
const STEMMED_LANGUAGES: ReadonlySet<string> = new Set(['ru', 'en', 'und']);

// A word starts with a letter and may hold digits (COVID-19, G20), hyphens (научно-технический,
// ВЭБ-а) and apostrophes (Moore's); R&D-style abbreviations keep their ampersand. A number keeps
// its decimal or thousands separators and a hyphenated ending (1990-е, 20-х). Anything else that
// is not a space is a one-character punctuation token. A hand-written scanner over a class table
// does this several times faster than a Unicode regex.
const WORD_INSIDE = LETTER | MARK | DIGIT;
const JOINERS = "-‐‑'’";
const HYPHENS = '-‐‑';

export function tokenize(text: string, start: number, end: number, language: string): Token[] {
  const tokens: Token[] = [];
  let longWords = 0;
  let longWordsInCapitals = 0;
  let i = start;
  while (i < end) {
    const flags = charFlags(text, i);
    if (flags & SPACE) {
      i++;
      continue;
    }
    let j: number;
    if (flags & LETTER) {
      j = wordEnd(text, i, end);
      const word = wordForm(text.slice(i, j), language);
      if (j - i >= CAPS_LOCK_WORD_LENGTH) {
        longWords++;
        if (word.capitals) longWordsInCapitals++;
      }
      tokens.push({ text: word.text, start: i, end: j, lower: word.lower, stem: word.stem, upper: word.upper });
    } else {
      j = flags & DIGIT ? numberEnd(text, i, end) : i + charLength(text, i);
      const surface = text.slice(i, j);
      tokens.push({ text: surface, start: i, end: j, lower: surface.toLowerCase(), stem: surface, upper: false });
    }
    i = j;
  }
  if (longWords >= CAPS_LOCK_MIN_WORDS && longWordsInCapitals >= longWords * CAPS_LOCK_SHARE) unmarkCapsLock(tokens, language);
  return tokens;
}

/** What a word form always yields, whatever its place: computed once per form and language. */
interface WordForm {
  text: string;
  lower: string;
  stem: string;
  upper: boolean;
  /** Written in capitals only. */
  capitals: boolean;
}

// Word forms are cached: a paper repeats its vocabulary, Porter stemming is the costliest part of
// tokenizing, and tokens that share their strings keep a long paper's memory small. The caches
// are emptied when they grow past a bound, so that a long-running worker does not keep every
// word it has ever seen.
const CACHE_LIMIT = 200_000;
const wordForms = new Map<string, WordForm>();

function wordForm(surface: string, language: string): WordForm {
  const key = isStemmed(language) ? surface : `${language}\u0000${surface}`;
  let form = wordForms.get(key);
  if (form === undefined) {
    const lower = surface.toLowerCase();
    const abbreviation = abbreviationBase(surface);
    form = {
      text: surface,
      lower,
      stem: abbreviation ?? stem(lower, language),
      upper: abbreviation !== null,
      capitals: lower !== surface && surface === surface.toUpperCase(),
    };
    if (wordForms.size >= CACHE_LIMIT) wordForms.clear();
    wordForms.set(key, form);
  }
  return form;
}

function wordEnd(text: string, from: number, end: number): number {
  let j = from + charLength(text, from);
  let capitalsOnly = (charFlags(text, from) & UPPER) !== 0;
  for (;;) {
    while (j < end) {
      const flags = charFlags(text, j);
      if (!(flags & WORD_INSIDE)) break;
      if (!(flags & UPPER)) capitalsOnly = false;
      j += charLength(text, j);
    }
    if (j + 1 >= end) return j;
    const next = charFlags(text, j + 1);
    if (JOINERS.includes(text[j]!) && next & (LETTER | DIGIT)) j += 2;
    else if (text[j] === '&' && capitalsOnly && next & UPPER) j += 2;
    else return j;
  }
}

function numberEnd(text: string, from: number, end: number): number {
  let j = from + 1;
  for (;;) {
    while (j < end && charFlags(text, j) & DIGIT) j++;
    if (j + 1 < end && (text[j] === '.' || text[j] === ',') && charFlags(text, j + 1) & DIGIT) j += 2;
    else break;
  }
  if (j + 1 < end && HYPHENS.includes(text[j]!) && charFlags(text, j + 1) & LETTER) {
    j += 2;
    while (j < end && charFlags(text, j) & LETTER) j++;
  }
  return j;
}

/** In a heading written in capitals, capitals say nothing about abbreviations: plain words again. */
function unmarkCapsLock(tokens: Token[], language: string): void {
  for (const token of tokens) {
    if (!token.upper) continue;
    token.upper = false;
    token.stem = stem(token.lower, language);
  }
}

/** The bare abbreviation, upper-cased (ВЭБ-а → ВЭБ, TNCs → TNC), or null when the word is not one. */
function abbreviationBase(word: string): string | null {
  // Cheap test first: an abbreviation starts with a capital and its second character is not a
  // lower-case letter.
  if (word.length < 2 || !(charFlags(word, 0) & UPPER) || charFlags(word, 1) & LOWER) return null;
  const match = (CYRILLIC.test(word) ? RUSSIAN_ABBREVIATION : ENGLISH_ABBREVIATION).exec(word);
  return match ? match[1]!.toUpperCase() : null;
}

/** Whether the words of `language` are stemmed (Russian, English, and undecided text). */
export function isStemmed(language: string): boolean {
  return STEMMED_LANGUAGES.has(language);
}

const stemCache = new Map<string, string>();

/**
 * Porter stem of a lower-case word: Cyrillic words by the Russian stemmer and Latin words by the
 * English one, whatever the paragraph's language, because Russian papers quote English terms and
 * English papers quote Russian ones. Only the last part of a hyphenated compound is stemmed
 * (научно-технических → научно-техническ), and an English possessive is dropped (country's → countri).
 * Words of languages that are not analyzed are returned unchanged.
 */
export function stem(word: string, language: string): string {
  if (!isStemmed(language)) return word;
  let result = stemCache.get(word);
  if (result === undefined) {
    result = stemUncached(word);
    if (stemCache.size >= CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, result);
  }
  return result;
}

function stemUncached(word: string): string {
  const hyphen = lastHyphen(word);
  if (hyphen >= 0) return word.slice(0, hyphen + 1) + stemUncached(word.slice(hyphen + 1));
  if (charFlags(word, 0) & DIGIT) return word;
  if (CYRILLIC.test(word)) return russianPorter.stem(word);
  if (LATIN.test(word)) return englishPorter.stem(word.replace(POSSESSIVE, ''));
  return word;
}

function lastHyphen(word: string): number {
  for (let i = word.length - 2; i > 0; i--) if (HYPHENS.includes(word[i]!)) return i;
  return -1;
}

const stopWords: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['ru', readStopWords('ru/stopwords.txt', /^[а-яё]+$/)],
  ['en', readStopWords('en/stopwords.txt', /^[a-z']+$/)],
]);

function readStopWords(name: string, wordShape: RegExp): ReadonlySet<string> {
  const { path, entries } = readLexiconEntries(name);
  const words = new Set<string>();
  for (const { fields, line } of entries) {
    const word = fields[0]!;
    if (fields.length > 1 || !wordShape.test(word)) throw new LexiconError(path, line, `"${fields.join(' ')}" is not one lower-case word of the list's alphabet`);
    if (words.has(word)) throw new LexiconError(path, line, `"${word}" is listed twice`);
    words.add(word);
  }
  return words;
}

/** Whether a lower-case word is a stop word of the language (ru or en; false for other languages). */
export function isStopWord(lower: string, language: string): boolean {
  return stopWords.get(language)?.has(lower) ?? false;
}
