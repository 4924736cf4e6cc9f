// Russian morphology for long forms, from the `az` package (OpenCorpora dictionaries, offline).
// Loading the dictionaries is asynchronous (~0.3 s), so the pipeline awaits loadMorphology() once
// before analysis; everything here stays synchronous and falls back to the form as written when
// the dictionaries are not loaded.
import Az, { type AzParse } from 'az';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { remember } from '../bounded-cache.js';

let loaded = false;
let loading: Promise<void> | null = null;

/** Loads the OpenCorpora dictionaries shipped in node_modules/az/dicts; later calls are free. */
export function loadMorphology(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const dicts = join(dirname(createRequire(import.meta.url).resolve('az/package.json')), 'dicts');
    Az.Morph.init(dicts, (error) => {
      if (error) {
        loading = null;
        reject(new Error(`Russian morphology: cannot load dictionaries from ${dicts}: ${error.message}`));
        return;
      }
      loaded = true;
      resolve();
    });
  });
  return loading;
}

export function morphologyLoaded(): boolean {
  return loaded;
}

// Parses are cached per lower-case form, within bounds like the tokenizer's (bounded-cache.ts).
const parseCache = new Map<string, AzParse[]>();

/** Dictionary parses of a word form, most likely first (cached by form; empty when not loaded). */
export function parses(word: string): AzParse[] {
  if (!loaded) return [];
  // Dictionary words and compounds of them (государственно-частный); guesses from suffixes are
  // left out, they turn abbreviations and names into nouns of made-up paradigms.
  const key = word.toLowerCase();
  return parseCache.get(key) ?? remember(parseCache, key, Az.Morph(key).filter((p) => p.parser === 'Dictionary' || p.parser.startsWith('Hyphen')));
}

const guessCache = new Map<string, AzParse[]>();

/** Parses of a word the dictionary does not know, guessed from its suffix (фикоэритрином → NOUN). */
export function guessedParses(word: string): AzParse[] {
  if (!loaded) return [];
  const key = word.toLowerCase();
  return guessCache.get(key) ?? remember(guessCache, key, Az.Morph(key));
}

/** A word that the dictionary knows as an ordinary word, not as an abbreviation. */
export function isDictionaryWord(word: string): boolean {
  return parses(word).some((p) => p.parser === 'Dictionary' && !p.tag.Abbr && !p.tag.Init);
}

export const CASES = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct'] as const;
const NUMBERS = ['sing', 'plur'] as const;
const GENDERS = ['masc', 'femn', 'neut'] as const;

function isAdjective(p: AzParse): boolean {
  return p.tag.POS === 'ADJF' || p.tag.POS === 'PRTF';
}

function has(p: AzParse, grammeme: string): boolean {
  return Boolean(p.tag[grammeme]);
}

/** Reading of a noun phrase: the head noun's parse and each modifier's parse, in one case and number. */
interface Reading {
  head: AzParse;
  modifiers: AzParse[];
  number: 'sing' | 'plur';
  score: number;
}

/**
 * The Russian noun phrase in its dictionary form: modifiers and head noun in the nominative
 * singular (plural for plural-only nouns), agreeing in gender, and the words after the head (its
 * genitive complements) as written: «национальной инновационной системе» → «национальная
 * инновационная система», «малого и среднего предпринимательства» → «малое и среднее
 * предпринимательство». Returns null when the phrase is not of that shape or morphology is absent.
 */
export function russianDictionaryForm(phrase: string): string | null {
  if (!loaded) return null;
  const words = phrase.split(/\s+/u).filter(Boolean);
  const found = headAndReading(words);
  if (!found) return null;
  const { headIndex, reading } = found;
  const before = words.slice(0, headIndex);
  const target = has(reading.head, 'Pltm') ? 'plur' : 'sing';
  const head = reading.head.inflect(['nomn', target]);
  if (!head) return null;
  const gender = GENDERS.find((g) => has(head, g));
  const inflected: string[] = [];
  let m = 0;
  for (const written of before) {
    if (isCoordinator(written)) {
      inflected.push(written);
      continue;
    }
    const grammemes = target === 'plur' || !gender ? ['nomn', 'plur'] : ['nomn', gender, 'sing'];
    const form = reading.modifiers[m++]!.inflect(grammemes);
    if (!form) return null;
    inflected.push(asWritten(String(form), written));
  }
  inflected.push(asWritten(String(head), words[headIndex]!), ...words.slice(headIndex + 1));
  return inflected.join(' ');
}

function isCoordinator(word: string): boolean {
  return word === 'и' || word === 'или' || word === ',';
}

/**
 * The head noun: the last word of the phrase's opening run of adjectives (or the word right after
 * it) whose modifiers agree with it; «малого» can be a noun too, so the latest fitting head wins.
 */
function headAndReading(words: string[]): { headIndex: number; reading: Reading } | null {
  let run = 0;
  while (run < words.length && (isCoordinator(words[run]!) || parses(words[run]!).some(isAdjective))) run++;
  for (let h = Math.min(run, words.length - 1); h >= 0; h--) {
    const readings = parses(words[h]!);
    if (!readings.some((p) => p.tag.POS === 'NOUN')) continue;
    const modifiers = words.slice(0, h).filter((w) => !isCoordinator(w));
    // Without modifiers to agree with, the noun must be the word's likeliest reading (not «Готов»).
    if (modifiers.length === 0 && readings[0]!.tag.POS !== 'NOUN') continue;
    const reading = bestReading(words[h]!, modifiers);
    if (reading) return { headIndex: h, reading };
  }
  return null;
}

/** The case and number in which the head and every modifier agree, most likely first. */
function bestReading(headWord: string, modifierWords: string[]): Reading | null {
  let best: Reading | null = null;
  for (const head of parses(headWord).filter((p) => p.tag.POS === 'NOUN')) {
    for (const c of CASES) {
      for (const n of NUMBERS) {
        if (!has(head, c) || !has(head, n)) continue;
        const gender = GENDERS.find((g) => has(head, g));
        const modifiers: AzParse[] = [];
        let score = head.score;
        for (const w of modifierWords) {
          const fit = parses(w).find(
            (p) => isAdjective(p) && has(p, c) && has(p, n) && (n === 'plur' || !gender || has(p, gender) || has(p, 'ms-f')),
          );
          if (!fit) break;
          modifiers.push(fit);
          score += fit.score;
        }
        if (modifiers.length !== modifierWords.length) continue;
        if (!best || score > best.score) best = { head, modifiers, number: n, score };
      }
    }
  }
  return best;
}

/** The inflected form spelled like the written one: capital initial kept, ё only where written. */
function asWritten(form: string, written: string): string {
  let word = written.includes('ё') ? form : form.replace(/ё/gu, 'е');
  if (/^\p{Lu}/u.test(written)) word = word[0]!.toUpperCase() + word.slice(1);
  return word;
}
