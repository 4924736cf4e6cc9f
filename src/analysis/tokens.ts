// Tokens and stems for Russian and English. Every later step (abbreviations, factor lexicon matching,
// stance cues) reads these tokens, and the factor lexicon is compiled with the same `stem`, so both
// sides of a match are stemmed by one deterministic function.
import { createRequire } from 'node:module';
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

// A word starts with a letter and may hold digits (COVID-19, G20), hyphens (научно-технический,
// ВЭБ-а) and apostrophes (Moore's); R&D-style abbreviations keep their ampersand. A number keeps
// its decimal or thousands separators and a hyphenated ending (1990-е, 20-х). Anything else that
// is not a space is a one-character punctuation token.
const TOKEN =
  /\p{Lu}+&\p{Lu}+|\p{L}[\p{L}\p{M}\p{N}]*(?:[-‐‑'’][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*|\p{N}+(?:[.,]\p{N}+)*(?:[-‐‑]\p{L}+)?|[^\s\p{L}\p{N}]/gu;
const STARTS_WITH_LETTER = /^\p{L}/u;
const STARTS_WITH_DIGIT = /^\p{N}/u;

// An abbreviation: two or more capitals, maybe joined by & (R&D) and followed by a number
// (COVID-19), optionally with a Russian case ending (ВЭБ-а, НИСа, ТНК-ами) or an English plural or
// possessive (TNCs, OECD's).
const ABBREVIATION_BASE = String.raw`\p{Lu}(?:&?\p{Lu})+(?:[-‐‑]?\p{N}+)?`;
const RUSSIAN_ABBREVIATION = new RegExp(`^(${ABBREVIATION_BASE})(?:[-‐‑]?(?:а|у|е|и|ы|ю|ом|ой|ов|ам|ах|ей|ем|ям|ях|ами|ями))?$`, 'u');
const ENGLISH_ABBREVIATION = new RegExp(`^(${ABBREVIATION_BASE})(?:s|['’]s)?$`, 'u');
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const HYPHENS = '-‐‑';
const POSSESSIVE = /['’]s$/;

// A sentence with at least this many long words, nearly all in capitals, is a heading in capitals
// ("САНКЦИИ И ЭКСПОРТ"): its capitals say nothing about abbreviations.
const CAPS_LOCK_MIN_WORDS = 3;
const CAPS_LOCK_SHARE = 0.8;
const CAPS_LOCK_WORD_LENGTH = 4;

/** Languages whose words are stemmed; other languages' words are their own stems. */
const STEMMED_LANGUAGES: ReadonlySet<string> = new Set(['ru', 'en', 'und']);

export function tokenize(text: string, start: number, end: number, language: string): Token[] {
  const slice = text.slice(start, end);
  const shouting = isCapsLock(slice);
  const tokens: Token[] = [];
  for (const m of slice.matchAll(TOKEN)) {
    const surface = m[0];
    const lower = surface.toLowerCase();
    const from = start + m.index;
    const word = STARTS_WITH_LETTER.test(surface);
    const abbreviation = word && !shouting ? abbreviationBase(surface) : null;
    tokens.push({
      text: surface,
      start: from,
      end: from + surface.length,
      lower,
      stem: abbreviation ?? (word ? stem(lower, language) : surface),
      upper: abbreviation !== null,
    });
  }
  return tokens;
}

/** The bare abbreviation, upper-cased (ВЭБ-а → ВЭБ, TNCs → TNC), or null when the word is not one. */
function abbreviationBase(word: string): string | null {
  // Cheap test first: an abbreviation's second character is not a lower-case letter.
  const second = word[1];
  if (second === undefined || second !== second.toUpperCase()) return null;
  const match = (CYRILLIC.test(word) ? RUSSIAN_ABBREVIATION : ENGLISH_ABBREVIATION).exec(word);
  return match ? match[1]!.toUpperCase() : null;
}

function isCapsLock(sentence: string): boolean {
  let long = 0;
  let capitals = 0;
  for (const m of sentence.matchAll(/\p{L}+/gu)) {
    if (m[0].length < CAPS_LOCK_WORD_LENGTH) continue;
    long++;
    if (m[0] === m[0].toUpperCase()) capitals++;
  }
  return long >= CAPS_LOCK_MIN_WORDS && capitals >= long * CAPS_LOCK_SHARE;
}

// Stems are cached by word form: a paper repeats its vocabulary, and Porter stemming is the
// costliest part of tokenizing. The cache is emptied when it grows past a bound, so that a
// long-running worker does not keep every word it has ever seen.
const STEM_CACHE_LIMIT = 500_000;
const stemCache = new Map<string, string>();

/**
 * Porter stem of a lower-case word: Cyrillic words by the Russian stemmer and Latin words by the
 * English one, whatever the paragraph's language, because Russian papers quote English terms and
 * English papers quote Russian ones. Only the last part of a hyphenated compound is stemmed
 * (научно-технических → научно-техническ), and an English possessive is dropped (country's → countri).
 * Words of languages that are not analyzed are returned unchanged.
 */
export function stem(word: string, language: string): string {
  if (!STEMMED_LANGUAGES.has(language)) return word;
  let result = stemCache.get(word);
  if (result === undefined) {
    result = stemUncached(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, result);
  }
  return result;
}

function stemUncached(word: string): string {
  const hyphen = lastHyphen(word);
  if (hyphen >= 0) return word.slice(0, hyphen + 1) + stemUncached(word.slice(hyphen + 1));
  if (STARTS_WITH_DIGIT.test(word)) return word;
  if (CYRILLIC.test(word)) return russianPorter.stem(word);
  if (LATIN.test(word)) return englishPorter.stem(word.replace(POSSESSIVE, ''));
  return word;
}

function lastHyphen(word: string): number {
  for (let i = word.length - 2; i > 0; i--) if (HYPHENS.includes(word[i]!)) return i;
  return -1;
}

const stopWords: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['ru', readStopWords('stopwords-ru.txt', /^[а-яё]+$/)],
  ['en', readStopWords('stopwords-en.txt', /^[a-z']+$/)],
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
