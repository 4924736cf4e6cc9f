// The Russian noun phrase that ends a stretch of text, for long forms whose letters do not match
// their short form: a Latin abbreviation after its Russian translation («Местного сверхскопления
// (MCC)», «системы передачи финансовых сообщений (SPFS)»). Groups of agreeing adjectives and a
// noun are taken right to left while each group's noun could be a genitive complement of the next.
import type { AzParse } from 'az';
import { CASES, guessedParses, morphologyLoaded, parses } from './morphology.js';


interface WordReading {
  noun: AzParse[];
  adjective: AzParse[];
}

/**
 * Dictionary readings, or for words it does not know («Слоановском», «сверхскопления») guesses from
 * the suffix. Readings as abbreviations are left out: they make nouns of prepositions («в» for век).
 */
function read(word: string): WordReading {
  const known = parses(word);
  const ps = (known.length ? known : guessedParses(word)).filter((p) => !p.tag.Abbr);
  return {
    noun: ps.filter((p) => p.tag.POS === 'NOUN'),
    adjective: ps.filter((p) => p.tag.POS === 'ADJF' || p.tag.POS === 'PRTF'),
  };
}

function isNounWord(r: WordReading): boolean {
  return r.noun.length > 0;
}

function agrees(adjective: WordReading, noun: WordReading): boolean {
  return adjective.adjective.some((a) =>
    noun.noun.some((n) => CASES.some((c) => a.tag[c] && n.tag[c]) && ((a.tag.plur && n.tag.plur) || (a.tag.sing && n.tag.sing))),
  );
}

/** Whether `word` is a participle that agrees with the noun `noun` («клеток, образующих»). */
export function agreeingParticiple(word: string, noun: string): boolean {
  const participle = read(word).adjective.filter((p) => p.tag.POS === 'PRTF');
  return agrees({ noun: [], adjective: participle }, read(noun));
}

function couldBeGenitive(r: WordReading): boolean {
  return r.noun.some((n) => n.tag.gent);
}

/** Where a noun phrase starts; `cut` when it goes on before that but would exceed the word limit. */
export interface NounPhrase {
  start: number;
  cut: boolean;
}

/**
 * The noun phrase that ends with the last of `words`, of at most `maxWords` words (its last
 * groups when the whole is longer); null when the last word is not a Cyrillic noun or morphology
 * is not loaded.
 */
export function nounPhraseStart(words: string[], maxWords: number): NounPhrase | null {
  if (!morphologyLoaded()) return null;
  // A quotation still open where the phrase ends («Обрабатывающие производства (BCDE)») is a name
  // that begins at its quote mark: the words before it are outside the name.
  const opened = words.findLastIndex((w) => /^[«„“]/u.test(w));
  if (opened > 0 && !words.slice(opened).some((w) => /[»”]/u.test(w))) {
    const phrase = nounPhraseStart(words.slice(opened), maxWords);
    return phrase && { ...phrase, start: phrase.start + opened };
  }
  const clean = words.map((w) => w.replace(/^[«"“„(]+|[»"”),.;:]+$/gu, ''));
  // A capital after a lower-case letter («инНИГОК») marks an abbreviation with a prefix, not a word.
  const cyrillic = (w: string) => /^[\p{Script=Cyrillic}-]+$/u.test(w) && !/\p{Ll}\p{Lu}/u.test(w);
  let i = clean.length - 1;
  if (i < 0 || !cyrillic(clean[i]!) || !isNounWord(read(clean[i]!))) return null;
  let start = -1;
  while (i >= 0) {
    // One group: the noun at i and the adjectives before it that agree with it.
    const noun = read(clean[i]!);
    let g = i;
    while (g > 0 && cyrillic(clean[g - 1]!) && !/[,;:»")]$/u.test(words[g - 1]!) && agrees(read(clean[g - 1]!), noun)) g--;
    if (start >= 0 && clean.length - g > maxWords) return { start, cut: true };
    start = g;
    // The group before attaches only if this group's noun can be its genitive complement.
    const prev = g - 1;
    if (prev < 0 || !couldBeGenitive(noun) || !cyrillic(clean[prev]!) || /[,;:»")]$/u.test(words[prev]!)) break;
    if (!isNounWord(read(clean[prev]!))) break;
    i = prev;
  }
  return { start, cut: false };
}
