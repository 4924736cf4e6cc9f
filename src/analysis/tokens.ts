// Tokens and stems, each word stemmed by its language's profile. Every later step (abbreviations, factor lexicon matching,
// stance cues) reads these tokens, and the factor lexicon is compiled with the same `stem`, so both
// sides of a match are stemmed by one deterministic function.
import { remember } from './bounded-cache.js';
import { charFlags, charLength, DIGIT, LETTER, LOWER, MARK, SPACE, UPPER } from './char-classes.js';
import { LANGUAGES, profileForWord, profileOf, type LanguageProfile } from './languages/index.js';
import type { Token } from './types.js';

// An abbreviation: two or more capitals, maybe joined by & (R&D) and followed by a number
// (COVID-19), optionally with the ending its language gives it (ВЭБ-а, TNCs: the profile's
// abbreviationEnding).
const ABBREVIATION_BASE = String.raw`\p{Lu}(?:&?\p{Lu})+(?:[-‐‑]?\p{N}+)?`;
const abbreviationShapes = new Map<LanguageProfile, RegExp>();
/** Capitals of a script no analyzed language writes take no ending. */
const BARE_ABBREVIATION = new RegExp(`^(${ABBREVIATION_BASE})$`, 'u');

function abbreviationShape(profile: LanguageProfile | undefined): RegExp {
  if (!profile) return BARE_ABBREVIATION;
  let shape = abbreviationShapes.get(profile);
  if (!shape) {
    shape = new RegExp(`^(${ABBREVIATION_BASE})(?:${profile.abbreviationEnding})?$`, 'u');
    abbreviationShapes.set(profile, shape);
  }
  return shape;
}

// A sentence with at least this many long words, nearly all in capitals, is a heading in capitals
// ("САНКЦИИ И ЭКСПОРТ"): its capitals say nothing about abbreviations.
const CAPS_LOCK_MIN_WORDS = 3;
const CAPS_LOCK_SHARE = 0.8;
const CAPS_LOCK_WORD_LENGTH = 4;

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

// Word forms are cached (bounded-cache.ts): Porter stemming is the costliest part of tokenizing,
// and tokens that share their strings keep a long paper's memory small.
/** Word forms by language, then by surface: a language's stemmer may read a word its own way. */
const wordForms = new Map<string, Map<string, WordForm>>();

function wordForm(surface: string, language: string): WordForm {
  let forms = wordForms.get(language);
  if (!forms) wordForms.set(language, (forms = new Map()));
  const form = forms.get(surface);
  if (form !== undefined) return form;
  const lower = surface.toLowerCase();
  const abbreviation = abbreviationBase(surface);
  return remember(forms, surface, {
    text: surface,
    lower,
    stem: abbreviation ?? stem(lower, language),
    upper: abbreviation !== null,
    capitals: lower !== surface && surface === surface.toUpperCase(),
  });
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
  const match = abbreviationShape(profileForWord(word, UNDECIDED)).exec(word);
  return match ? match[1]!.toUpperCase() : null;
}

/** Whether the words of `language` are stemmed: analyzed languages, and undecided text ('und'). */
export function isStemmed(language: string): boolean {
  return language === UNDECIDED || profileOf(language) !== undefined;
}

const UNDECIDED = 'und';
const stemCaches = new Map<LanguageProfile, Map<string, string>>();

/**
 * Stem of a lower-case word by the profile that reads it in a paragraph of `language`
 * (profileForWord: its own language's stemmer for words in its script, else that of the first
 * analyzed language of the word's script), because Russian papers quote English terms and English
 * papers quote Russian ones. Only the last part of a hyphenated compound is stemmed
 * (научно-технических → научно-техническ). Words of languages that are not analyzed, and words
 * in no analyzed script, are returned unchanged.
 */
export function stem(word: string, language: string): string {
  if (!isStemmed(language)) return word;
  const hyphen = lastHyphen(word);
  const last = hyphen >= 0 ? word.slice(hyphen + 1) : word;
  const profile = profileForWord(last, language);
  if (!profile) return word;
  let cache = stemCaches.get(profile);
  if (!cache) stemCaches.set(profile, (cache = new Map()));
  return cache.get(word) ?? remember(cache, word, stemUncached(word, profile));
}

function stemUncached(word: string, profile: LanguageProfile): string {
  const hyphen = lastHyphen(word);
  if (hyphen >= 0) return word.slice(0, hyphen + 1) + stemUncached(word.slice(hyphen + 1), profile);
  if (charFlags(word, 0) & DIGIT) return word;
  return profile.stem(word);
}

function lastHyphen(word: string): number {
  for (let i = word.length - 2; i > 0; i--) if (HYPHENS.includes(word[i]!)) return i;
  return -1;
}

/** Whether a lower-case word is a stop word of the language (false for languages not analyzed). */
export function isStopWord(lower: string, language: string): boolean {
  return profileOf(language)?.stopWords.has(lower) ?? false;
}

/** Whether a lower-case word is a stop word of any analyzed language. */
export function isAnyStopWord(lower: string): boolean {
  return LANGUAGES.some((p) => p.stopWords.has(lower));
}
