// Definitions marked by «далее» or "hereinafter": long form (далее – SF), (далее по тексту – SF),
// (hereinafter SF), (hereinafter referred to as SF). The marker makes the definition certain, so
// when the letters do not begin words the boundary comes from looser letter matching or syntax:
// "multinational corporations (hereinafter referred to as TNCs)", «Банк России (далее – ЦБ)».
import { acrossLanguages, hasScript } from '../languages/index.js';
import { phrasesPattern } from '../languages/markers.js';
import { makeDefinition, type Definition } from './definition.js';
import { shortFormLetters, splitWords, wordStart } from './letter-match.js';
import { longFormBefore, nounPhraseBefore } from './long-form-before.js';
import { isNoise } from './noise.js';
import { abbreviationInText, abbreviationTail, endingFits, upperCount } from './shape.js';
import { clauseStart, collapse, MAX_LOOKBACK, maxLongFormWords, trimmedEnd, wordWindow, type Paren } from './text-window.js';

/**
 * The marker at the start of a parenthesis, with the words and dashes that may follow it before
 * the short name: «далее по тексту – », "hereinafter referred to as " (every language's markers).
 */
const hereinafterPattern = acrossLanguages((profiles) => {
  const markers = phrasesPattern(profiles.flatMap((p) => p.markers.hereinafter));
  const fillers = phrasesPattern(profiles.flatMap((p) => p.markers.hereinafterFiller));
  return new RegExp(`^\\s*${markers}(?:\\s+${fillers})*(?:\\s*,)?(?:\\s+(?:${fillers}|—|–|-))*\\s*[-–—:,]?\\s*`, 'iu');
});

/**
 * A capitalised name joined by a language's name joiners, in that language's script: "the Bank of
 * Russia (hereinafter the CBR)" → "Bank of Russia".
 */
const properNamePatterns = acrossLanguages((profiles) =>
  profiles
    .filter((p) => p.markers.nameJoiner.length > 0)
    .map((p) => ({
      script: p.script,
      name: new RegExp(`(?:\\p{Lu}\\p{Ll}+(?:[\\s-]+(?:${phrasesPattern(p.markers.nameJoiner)}\\s+)*\\p{Lu}\\p{Ll}+)*)$`, 'u'),
    })),
);

export function hereinafterDefinition(text: string, paren: Paren): Definition | null {
  const inner = text.slice(paren.open + 1, paren.close);
  const marker = hereinafterPattern().exec(inner);
  if (!marker) return null;
  const restStart = paren.open + 1 + marker[0].length;
  const short = firstAbbreviation(text.slice(restStart, paren.close));
  if (!short) return null;
  const s = restStart + short.start;
  const e = s + short.text.length;
  // «…области № 2, г. Арзамас (далее — ГУ ГАНО № 2, г. Арзамас)»: a qualifier repeated after the
  // short form also ends the long form and is not part of what the short form stands for.
  const tail = collapse(text.slice(e, paren.close)).replace(/^[«"“„']+|[»"”']+$/gu, '').trim();
  let end = trimmedEnd(text, paren.open);
  const beforeTail = tail ? collapse(text.slice(Math.max(0, end - MAX_LOOKBACK), end)).endsWith(tail) : false;
  if (beforeTail) end = trimmedEnd(text, endBeforeSuffix(text, end, tail));
  const long =
    longFormBefore(text, short.text, end) ?? looseLongFormBefore(text, short.text, end) ?? nounPhraseDefined(text, short.text, end) ?? properNameBefore(text, end);
  return long ? makeDefinition(text, [s, e], long, 'hereinafter') : null;
}

/**
 * The noun phrase before the marker, whole, within Schwartz–Hearst's window: it may have more
 * words than the short form has letters when a word went without one («федеральные образовательные
 * стандарты общего образования (далее – ФГОС)»). It starts at its first word that begins with the
 * short form's first letter, which leaves out a modifier the short form does not name («новые»);
 * a phrase with no such word is a name the letters do not spell («Банк России (далее – ЦБ)»).
 */
function nounPhraseDefined(text: string, short: string, end: number): [number, number] | null {
  const phrase = nounPhraseBefore(text, short, end, true, maxLongFormWords(short));
  if (!phrase) return null;
  const first = shortFormLetters(short)[0];
  const word = splitWords(text.slice(phrase[0], phrase[1])).find((w) => w.text[0]!.toLowerCase() === first);
  return word ? [phrase[0] + word.start, phrase[1]] : phrase;
}

/** Characters before a parenthesis in which a name is looked for. */
const NAME_LOOKBACK = 120;

/** A capitalized name of several words before `end` (see properNamePatterns). */
function properNameBefore(text: string, end: number): [number, number] | null {
  const e = trimmedEnd(text, end);
  const from = Math.max(clauseStart(text, e), e - NAME_LOOKBACK);
  for (const { script, name } of properNamePatterns()) {
    const m = name.exec(text.slice(from, e));
    if (m && hasScript(m[0], script) && /\s/u.test(m[0])) return [e - m[0].length, e];
  }
  return null;
}

/** Position in `text` before a suffix `tail` that `text.slice(0, end)` ends with (white space aside). */
function endBeforeSuffix(text: string, end: number, tail: string): number {
  let i = end;
  let t = tail.length;
  while (t > 0 && i > 0) {
    if (/\s/u.test(text[i - 1]!)) i--;
    else if (tail[t - 1] === ' ') t--;
    else if (text[i - 1] === tail[t - 1]) {
      i--;
      t--;
    } else break;
  }
  return i;
}

/** The first abbreviation (one or two adjacent tokens: ГУ ГАНО, ЦБ РФ) in a text. */
function firstAbbreviation(rest: string): { text: string; start: number } | null {
  const re = new RegExp(abbreviationInText().source, 'gu');
  let first: { text: string; start: number } | null = null;
  for (const m of rest.matchAll(re)) {
    if (upperCount(m[1]!) < 2 || !endingFits(m[1]!, m[2]) || isNoise(m[1]!)) {
      if (first) break;
      continue;
    }
    if (!first) first = { text: m[0], start: m.index };
    else if (/^\s+$/u.test(rest.slice(first.start + first.text.length, m.index))) {
      first = { text: rest.slice(first.start, m.index + m[0].length), start: first.start };
    } else break;
  }
  return first;
}

/**
 * For the «далее»/"hereinafter" forms only: the fewest words before `end` that hold the short
 * form's letters in order, the first of them anywhere in its word (multinational corporations ←
 * TNCs). The marker makes the definition certain, so only the boundary is in question.
 */
function looseLongFormBefore(text: string, short: string, end: number): [number, number] | null {
  const letters = shortFormLetters(short.replace(new RegExp(`(?<=\\p{Lu})(?:${abbreviationTail()})$`, 'u'), ''));
  const [from] = wordWindow(text, end, letters.length + 1);
  const lower = text.slice(from, end).toLowerCase();
  let l = lower.length - 1;
  for (let s = letters.length - 1; s >= 0; s--) {
    while (l >= 0 && lower[l] !== letters[s]) l--;
    if (l < 0) return null;
    l--;
  }
  const start = from + wordStart(text.slice(from, end), l + 1);
  return [start, end];
}
