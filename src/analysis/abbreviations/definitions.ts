// In-text definitions of abbreviations, found in plain text (a paragraph, a sentence, an abstract):
//   long form (SF)                          national innovation system (NIS)
//   SF (long form)                          NIS (national innovation system)
//   long form (далее [по тексту] – SF)      национальной инновационной системе (далее НИС)
//   long form (hereinafter [referred to as] SF)   multinational corporations (hereinafter referred to as TNCs)
//   SF – это long form                      НИС – это национальная инновационная система
//   SF, or long form                        NIS, or national innovation system
// The long form's boundary comes from letter matching (letter-match.ts); in the «далее» and
// "hereinafter" forms, whose syntax marks the definition, a looser match is accepted when the
// letters do not begin words (TNCs ← multinational corporations).
import { bestLongForm, shortFormLetters, splitWords, wordStart, type LetterMatch } from './letter-match.js';
import { isNoise } from './noise.js';
import { nounPhraseStart } from './noun-phrase.js';
import { ABBREVIATION_IN_TEXT, endingFits, isShortFormCandidate, upperCount } from './shape.js';

export type DefinitionForm = 'long (SF)' | 'SF (long)' | 'hereinafter' | 'SF is long' | 'SF, or long';

export interface Definition {
  /** The short form as written (TNCs, НИС). */
  short: string;
  /** The long form as written, white space collapsed. */
  long: string;
  shortStart: number;
  shortEnd: number;
  longStart: number;
  longEnd: number;
  form: DefinitionForm;
}

export function findDefinitions(text: string): Definition[] {
  const found: Definition[] = [];
  for (const paren of parentheses(text)) {
    const definition = hereinafterDefinition(text, paren) ?? parentheticalDefinition(text, paren) ?? reverseDefinition(text, paren);
    if (definition) found.push(definition);
  }
  found.push(...forwardDefinitions(text, COPULA, 'SF is long'), ...forwardDefinitions(text, OR_FORM, 'SF, or long'));
  return found.sort((a, b) => a.shortStart - b.shortStart);
}

interface Paren {
  /** Index of '(' and of the matching ')'. */
  open: number;
  close: number;
}

/** Balanced parentheses and square brackets ("[EEG]", "[OR] 3.67"); an unbalanced one is skipped. */
function parentheses(text: string): Paren[] {
  const stack: number[] = [];
  const found: Paren[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') stack.push(i);
    else if ((ch === ')' || ch === ']') && stack.length) {
      const open = stack.pop()!;
      if ((text[open] === '(') === (ch === ')')) found.push({ open, close: i });
    }
  }
  return found.sort((a, b) => a.open - b.open);
}

/**
 * Where the clause that ends at `end` begins: after a sentence end, ';', a line break, an open
 * bracket that is not closed before `end`, or a closed one (a long form does not reach across
 * another parenthesis).
 */
function clauseStart(text: string, end: number): number {
  for (let i = end - 1; i >= 0; i--) {
    const ch = text[i]!;
    if (ch === ')' || ch === ']') {
      // Brackets inside a word (prostaglandin E(2), benzo[a]pyrene) belong to the long form.
      const open = openingBracket(text, i);
      if (open > 0 && /[\p{L}\p{N}]/u.test(text[open - 1]!) && insideWord(text, open, i)) {
        i = open;
        continue;
      }
      return i + 1;
    }
    if ('([\n;'.includes(ch)) return i + 1;
    if (ch === ':' && /\s/u.test(text[i + 1] ?? '')) return i + 1;
    if (/[.!?]/u.test(ch) && /^\s+[\p{Lu}«"“]/u.test(text.slice(i + 1, i + 4))) return i + 1;
  }
  return 0;
}

/** A bracket within a word goes on after it (benzo[a]pyrene, NH(2)-terminal) or holds a number (E(2)). */
function insideWord(text: string, open: number, close: number): boolean {
  return /[\p{L}\p{N}-]/u.test(text[close + 1] ?? ' ') || /^\p{N}+$/u.test(text.slice(open + 1, close));
}

/** Index of the bracket that opens the one closing at `close`, or -1. */
function openingBracket(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (text[i] === ')' || text[i] === ']') depth++;
    else if ((text[i] === '(' || text[i] === '[') && --depth === 0) return i;
  }
  return -1;
}

/** Schwartz–Hearst's window: at most min(|SF| + 5, 2·|SF|) words before the parenthesis. */
function maxLongFormWords(short: string): number {
  const n = shortFormLetters(short).length;
  return Math.min(n + 5, n * 2);
}

/** The text before `end` limited to the clause and the window, as [start, end). */
function window(text: string, end: number, words: number): [number, number] {
  const from = clauseStart(text, end);
  const spans = splitWords(text.slice(from, end));
  const first = spans[Math.max(0, spans.length - words)];
  return [first ? from + first.start : end, end];
}

function trimmedEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /[\s,:–—\-»«"“”„']/u.test(text[e - 1]!)) e--;
  return e;
}

function collapse(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/** Shared checks on a long form (Schwartz–Hearst): longer than the short form, not containing it. */
function plausibleLongForm(short: string, long: string): boolean {
  if (long.length <= short.length) return false;
  const words = long.split(/\s+/u);
  if (words.length > maxLongFormWords(short)) return false;
  // «ВЭБ.РФ» (ВЭБ) renames, it does not define.
  const escaped = short.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return !new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(long);
}

function make(
  text: string,
  short: [number, number],
  long: [number, number],
  form: DefinitionForm,
): Definition {
  return {
    short: text.slice(short[0], short[1]),
    long: collapse(text.slice(long[0], long[1])),
    shortStart: short[0],
    shortEnd: short[1],
    longStart: long[0],
    longEnd: long[1],
    form,
  };
}

/**
 * Long form ending at `end` by letter matching, or null. A short form that does not match as
 * written is tried again without its plural ending (TNCs → TNC), without the number of a
 * numbered item («датчик тока (ДТ1)») and without a Latin qualifier («G-КСФ»).
 */
function longFormBefore(text: string, short: string, end: number): [number, number] | null {
  const e = trimmedEnd(text, end);
  for (const variant of matchVariants(short)) {
    const [from] = window(text, e, maxLongFormWords(short));
    const candidate = text.slice(from, e);
    const found = variant.length === 1 ? singleWordLongForm(variant, candidate) : bestLongForm(variant, candidate);
    if (!found || !convincing(variant, found)) continue;
    // Quotes and a dash left over from a preceding parenthesis are not part of the long form.
    const start = from + found.start + /^[-–—"“«'‘]*/u.exec(candidate.slice(found.start))![0].length;
    if (plausibleLongForm(short, collapse(text.slice(start, e)))) return [start, e];
  }
  return null;
}

/**
 * A Latin abbreviation after its Russian translation, whose letters cannot match: «в Слоановском
 * обзоре неба (SDSS)», «Всемирной торговой организации (WTO)». The long form is the Russian noun
 * phrase before the parenthesis, of at most as many words as the abbreviation has letters.
 */
function translatedLongFormBefore(text: string, short: string, end: number): [number, number] | null {
  if (/\p{Script=Cyrillic}/u.test(short) || upperCount(short) < 2) return null;
  return nounPhraseBefore(text, short, end, false);
}

/**
 * The Russian noun phrase before `end`, of at most as many words as the short form has letters.
 * A phrase longer than that is cut to its last groups for a translation (the abbreviation names
 * the last ones: «объеме Местного сверхскопления (MCC)»), and rejected when `whole` is asked for.
 */
function nounPhraseBefore(text: string, short: string, end: number, whole: boolean): [number, number] | null {
  const e = trimmedEnd(text, end);
  const [from] = window(text, e, maxLongFormWords(short));
  const words = splitWords(text.slice(from, e));
  const phrase = nounPhraseStart(
    words.map((w) => w.text),
    shortFormLetters(short).length,
  );
  if (!phrase || (whole && phrase.cut)) return null;
  return [from + words[phrase.start]!.start, e];
}

function matchVariants(short: string): string[] {
  const variants = [short];
  const singular = short.replace(/(?<=\p{Lu}{2,})(?:['’]?s)$/u, '');
  if (singular !== short) variants.push(singular);
  const unnumbered = short.replace(/(?<=\p{Lu}{2,})\p{N}+$/u, '');
  if (unnumbered !== short) variants.push(unnumbered);
  // A Latin qualifier before a Russian abbreviation («G-КСФ») stands for no Russian word.
  const russian = short.replace(/^\p{Script=Latin}+-(?=\p{Script=Cyrillic}{2})/u, '');
  if (russian !== short) variants.push(russian);
  return variants;
}

/**
 * A letter match is convincing when few words of the long form go without a letter (score ≥ −1:
 * «поливинилпирролидон с мол. массой 350 кДа (ПВП)» is not a long form). Lower-case short forms
 * ("amino acid (aa)") are ordinary words as often as not, so their letters must also begin at least
 * two words of the long form (or all of them, for a single letter).
 */
function convincing(short: string, found: LetterMatch): boolean {
  if (found.score < -1) return false;
  if (/\p{Lu}/u.test(short)) return true;
  return found.initials >= Math.min(2, shortFormLetters(short).length);
}

/** A one-letter short form stands for the single word before it: "testosterone (T)". */
function singleWordLongForm(letter: string, candidate: string): LetterMatch | null {
  const m = /(\p{L}[\p{L}-]{2,})\s*$/u.exec(candidate);
  if (!m || m[1]![0]!.toLowerCase() !== letter.toLowerCase() || !/\p{Lu}/u.test(letter)) return null;
  return { start: m.index, score: 1, initials: 1 };
}

// --- long form (SF) ---------------------------------------------------------------------------

function parentheticalDefinition(text: string, paren: Paren): Definition | null {
  const innerStart = paren.open + 1;
  const parts = [...text.slice(innerStart, paren.close).matchAll(/[^;,]+/gu)].map((m) => ({
    text: m[0].trim(),
    start: innerStart + m.index + (m[0].length - m[0].trimStart().length),
  }));
  const first = parts[0];
  if (!first) return null;
  // "(SF)", "(SF; note)", "(SF, p < 0.05)", "[OR] 3.67": the short form comes first (Schwartz–Hearst) …
  const short = isShortForm(first.text) ? first.text : null;
  if (short) {
    const long = longFormBefore(text, short, paren.open) ?? translatedLongFormBefore(text, short, paren.open);
    return long ? make(text, [first.start, first.start + short.length], long, 'long (SF)') : null;
  }
  // … or last: "(blood-brain barrier, BBB)" defines inside, "(EC 1.15.1.1; SOD)" before.
  const last = parts[parts.length - 1]!;
  if (parts.length < 2 || !isShortForm(last.text)) return null;
  const shortSpan: [number, number] = [last.start, last.start + last.text.length];
  const inside = text.slice(first.start, trimmedEnd(text, last.start));
  if (startsLongForm(last.text, inside) && plausibleLongForm(last.text, collapse(inside))) {
    return make(text, shortSpan, [first.start, first.start + inside.length], 'long (SF)');
  }
  const long = longFormBefore(text, last.text, paren.open);
  return long ? make(text, shortSpan, long, 'long (SF)') : null;
}

function isShortForm(s: string): boolean {
  return isShortFormCandidate(s) && !isNoise(s) && !/[=<>]/u.test(s);
}

/** The long form starts with the short form's first letter and every letter begins a word, in order. */
function spellsShortForm(short: string, long: string): boolean {
  const found = bestLongForm(short, long);
  return found !== null && found.start === 0 && found.initials === shortFormLetters(short).length;
}

/** The long form inside "(long form, SF)" must start with the short form's first letter. */
function startsLongForm(short: string, long: string): boolean {
  const found = bestLongForm(short, long);
  return found !== null && found.start === 0 && convincing(short, found);
}

// --- SF (long form) ---------------------------------------------------------------------------

function reverseDefinition(text: string, paren: Paren): Definition | null {
  const before = text.slice(0, trimmedEnd(text, paren.open));
  const m = /([\p{L}\p{N}][\p{L}\p{N}&/-]*)$/u.exec(before);
  if (!m) return null;
  const short = m[1]!;
  if (!isShortForm(short) || upperCount(short) < 2) return null;
  const inner = text.slice(paren.open + 1, paren.close);
  const long = inner.split(/[;,]\s/u)[0]!.trim();
  if (isShortForm(long) || !plausibleLongForm(short, long)) return null;
  // The whole parenthesis must be the long form, and every letter must begin one of its words.
  if (!spellsShortForm(short, long)) return null;
  const ls = paren.open + 1 + inner.indexOf(long);
  return make(text, [m.index, m.index + short.length], [ls, ls + long.length], 'SF (long)');
}

// --- long form (далее – SF), (hereinafter referred to as SF) -----------------------------------

const HEREINAFTER =
  /^\s*(?:далее|в\s+дальнейшем|hereinafter|hereafter|henceforth)(?:\s+по\s+тексту)?(?:\s+также)?(?:\s*,)?(?:\s+(?:referred\s+to\s+as|called|named|termed|abbreviated\s+as|as|the|именуем\w*|—|–|-))*\s*[-–—:,]?\s*/iu;

function hereinafterDefinition(text: string, paren: Paren): Definition | null {
  const inner = text.slice(paren.open + 1, paren.close);
  const marker = HEREINAFTER.exec(inner);
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
  const beforeTail = tail ? collapse(text.slice(0, end)).endsWith(tail) : false;
  if (beforeTail) end = trimmedEnd(text, endBeforeSuffix(text, end, tail));
  const long =
    longFormBefore(text, short.text, end) ?? looseLongFormBefore(text, short.text, end) ?? nounPhraseBefore(text, short.text, end, true) ?? properNameBefore(text, end);
  return long ? make(text, [s, e], long, 'hereinafter') : null;
}

/**
 * A capitalized English name before `end`, with "of", "and", "for" inside it: "the Bank of Russia
 * (hereinafter the CBR)" → "Bank of Russia".
 */
function properNameBefore(text: string, end: number): [number, number] | null {
  const e = trimmedEnd(text, end);
  const m = /(?:\p{Lu}\p{Ll}+(?:[\s-]+(?:(?:of|and|for|the)\s+)*\p{Lu}\p{Ll}+)*)$/u.exec(text.slice(clauseStart(text, e), e));
  if (!m || !/\p{Script=Latin}/u.test(m[0]) || !/\s/u.test(m[0])) return null;
  return [e - m[0].length, e];
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
  const re = new RegExp(ABBREVIATION_IN_TEXT.source, 'gu');
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
  const letters = shortFormLetters(short.replace(/(?<=\p{Lu})(?:['’]?s|-?[а-яё]{1,3})$/u, ''));
  const [from] = window(text, end, letters.length + 1);
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

// --- SF – это long form; SF, or long form --------------------------------------------------------

const COPULA = /(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}\p{N}&-]*\p{Lu}[\p{Lu}\p{N}]*)\s+[–—-]\s+это\s+/gu;
const OR_FORM = /(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}\p{N}&-]*\p{Lu}[\p{Lu}\p{N}]*s?),\s+or\s+/gu;

/** Definitions whose long form follows the short form: the fewest words that match its letters. */
function forwardDefinitions(text: string, pattern: RegExp, form: DefinitionForm): Definition[] {
  const found: Definition[] = [];
  for (const m of text.matchAll(pattern)) {
    const short = m[1]!;
    if (isNoise(short)) continue;
    const from = m.index + m[0].length;
    const clause = /^[^,.;:()!?]*/u.exec(text.slice(from))![0];
    const words = splitWords(clause).slice(0, maxLongFormWords(short));
    // "MAP1B/MAP5, or MAP2": a list of abbreviations, not a definition.
    if (words[0] && upperCount(words[0].text) >= 2) continue;
    for (let k = 1; k <= words.length; k++) {
      const candidate = clause.slice(0, words[k - 1]!.end);
      if (matchVariants(short).some((variant) => startsLongForm(variant, candidate))) {
        found.push(make(text, [m.index, m.index + short.length], [from, from + candidate.length], form));
        break;
      }
    }
  }
  return found;
}
