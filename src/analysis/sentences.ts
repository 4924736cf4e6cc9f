// Sentence segmentation for Russian and English papers. Sentences never cross paragraphs.
//
// One left-to-right pass over each paragraph finds the candidate ends — . ! ? … followed by closing
// quotes or brackets and a space — and decides each from the word before it (an abbreviation, an
// initial, a list number) and the word after it (capitalised, lower case, a digit). A few other
// places end sentences too: a ';' before the next item of a numbered list, a line break before a
// list item, an emoticon. Every decision looks at a bounded window, so the pass is linear.
import { charFlags, DIGIT, LOWER, UPPER } from './char-classes.js';
import { abbreviationClass, abbreviationKey, abbreviationMaxParts } from './sentence-abbreviations.js';
import { isAnyStopWord } from './tokens.js';
import type { NormalizedDocument, Sentence } from './types.js';

const TERMINATORS = '.!?…';
/** The characters the main loop stops at: terminators, ';' and ':' (lists, emoticons), line breaks. */
const MAY_END_SENTENCE = new Uint8Array(0x10000);
for (const ch of TERMINATORS + ';:\n') MAY_END_SENTENCE[ch.charCodeAt(0)] = 1;
/** Characters that close a sentence after its final punctuation: ." .» .) !..» */
const CLOSERS = '"\'»”’)]';
/** Closers that can only close, so that even after a space they still belong to the sentence. */
const CLOSING_ONLY = '»”)]';
/** What may stand between a sentence end and the first letter of the next sentence. */
const OPENERS = '"\'`«„“”‘([—–-';
/** Punctuation that continues a sentence: «…любовь? ``.» — the quote closes, the dot ends. */
const CONTINUING = '.,;:!?';
/** Longest run of non-space characters examined as "the word before the dot". */
const MAX_RUN = 40;

/** A list number or letter at the start of a sentence or after ':' or ';' (1. 8.1. IV. а. §2.). */
const LIST_MARKER = /^[([]?(?:\d{1,3}(?:\.\d{1,3})*|[IVXLCDM]{1,6}|\p{L}|§\s?\d+(?:\.\d+)*)$/u;
/** A capitalised word, maybe abbreviated, that labels a numbered caption or heading (Рис., Table). */
const LABEL_WORD = /^\p{Lu}\p{Ll}+\.?$/u;
/** Initials: И, И.И, J.R.R, Б.-О (the last dot is the candidate end). */
const INITIALS = /^[([«"]?(?:\p{Lu}\.-?)*\p{Lu}$/u;
/** An unlisted dotted abbreviation (к.п.н, н.э): it may end a sentence. */
const DOTTED_ABBREVIATION = /^[([«"]?(?:\p{Ll}{1,4}\.-?)+\p{Ll}{1,4}$/u;
/** Two or more capitals ending the word before the dot (U.S. ends with one). */
const ACRONYM = /\p{Lu}{2}$/u;
/** A number, possibly with a glued unit (2007, 3,5, 1999–2000, 500р, 1999гг). */
const NUMBER_WITH_UNIT = /^[([]?\p{N}[\p{N}.,–-]*(\p{L}*)$/u;
const ROMAN_NUMERAL = /^[IVXLCDM]+$/;
/** The start of a list item after ';' or a line break: 2) 2. б) • – */
const LIST_ITEM = /^(?:\d{1,3}[.)]|\p{L}\)|[•▪●◦■·*–—-]\s)/u;
const EMOTICON = /^[:;]-?[)(]+$/;
const WORD = /^\p{L}+/u;
const OPENING_PUNCTUATION = /^[([«"„“'‘]+/u;

/**
 * Longest sentence passed on, in characters. Real sentences stay far below (a long legal one has
 * ~1,500); text without sentence ends (a table read as a line, a run-on list, hostile input) is cut
 * at spaces into pieces this long, so that the work per sentence (matching, stance) stays bounded.
 */
export const MAX_SENTENCE_CHARS = 3000;

export function splitSentences(doc: NormalizedDocument): Sentence[] {
  const sentences: Sentence[] = [];
  doc.paragraphs.forEach((p, paragraph) => {
    const split = p.kind === 'references' ? splitReferences : splitParagraph;
    for (const span of split(doc.text, p.start, p.end)) {
      for (const [start, end] of capLength(doc.text, span)) sentences.push({ start, end, paragraph });
    }
  });
  return sentences;
}

/** A span cut into pieces of at most MAX_SENTENCE_CHARS, at the last space before the limit when there is one. */
function capLength(text: string, [start, end]: [number, number]): [number, number][] {
  const pieces: [number, number][] = [];
  let from = start;
  while (end - from > MAX_SENTENCE_CHARS) {
    const limit = from + MAX_SENTENCE_CHARS;
    let cut = limit;
    // Look back over half the limit at most: a text without spaces is cut hard.
    while (cut > from + MAX_SENTENCE_CHARS / 2 && !isSpace(text[cut])) cut--;
    if (!isSpace(text[cut])) cut = isLowSurrogate(text.charCodeAt(limit)) ? limit - 1 : limit;
    pieces.push([from, trimEnd(text, from, cut)]);
    from = skipSpaces(text, cut, end);
  }
  if (end > from) pieces.push([from, end]);
  return pieces;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * A references list: one sentence per entry. The dots of a bibliographic entry separate its parts
 * («М.: Наука, 2017. 304 с.», "(2021). Chips and Nations. Cambridge"), not sentences; an entry ends
 * where a line starts the next numbered item.
 */
function splitReferences(text: string, from: number, to: number): [number, number][] {
  const spans: [number, number][] = [];
  let start = skipSpaces(text, from, to);
  for (let i = text.indexOf('\n', start); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
    const next = skipSpaces(text, i, to);
    if (next < to && isListItem(text, next, to)) {
      spans.push([start, trimEnd(text, start, i)]);
      start = next;
    }
  }
  if (start < to) spans.push([start, trimEnd(text, start, to)]);
  return spans.filter(([a, b]) => b > a);
}

/** [start, end) of each sentence of text[from, to), trimmed. */
function splitParagraph(text: string, from: number, to: number): [number, number][] {
  const spans: [number, number][] = [];
  let sentenceStart = skipSpaces(text, from, to);
  const close = (end: number, next: number): void => {
    const trimmed = trimEnd(text, sentenceStart, end);
    if (trimmed > sentenceStart) spans.push([sentenceStart, trimmed]);
    sentenceStart = skipSpaces(text, next, to);
  };
  // The paragraph's longest line, measured once when a line break first asks for it.
  let longestLength = -1;
  const longest = () => (longestLength < 0 ? (longestLength = longestLine(text, from, to)) : longestLength);
  let i = sentenceStart;
  while (i < to) {
    if (!MAY_END_SENTENCE[text.charCodeAt(i)]) {
      i++;
      continue;
    }
    const ch = text[i]!;
    if (TERMINATORS.includes(ch)) {
      let runEnd = i + 1;
      while (runEnd < to && TERMINATORS.includes(text[runEnd]!)) runEnd++;
      const end = afterClosers(text, runEnd, to);
      if (end >= 0 && endsSentence(text, sentenceStart, i, end, to)) close(end, end);
      i = Math.max(end, runEnd);
    } else if (ch === ';' && isSpace(text[i + 1]) && isListItem(text, skipSpaces(text, i + 1, to), to)) {
      close(i + 1, i + 1);
      i++;
    } else if (ch === '\n' && (startsListItem(text, sentenceStart, i, to) || endsAtLineBreak(text, to, sentenceStart, i, longest))) {
      close(i, i);
      i++;
    } else if ((ch === ':' || ch === ';') && isSpace(text[i - 1]) && i > sentenceStart) {
      i = emoticonEnd(text, sentenceStart, i, to, close);
    } else {
      i++;
    }
  }
  if (sentenceStart < to) close(to, to);
  return spans;
}

/**
 * The end of a candidate sentence end whose terminators end at text[at]: past the closers that
 * follow, or -1 when no space or paragraph end follows (3.5, Привет.Тест, …адцать).
 */
function afterClosers(text: string, at: number, to: number): number {
  let i = at;
  while (i < to && CLOSERS.includes(text[i]!)) i++;
  if (i >= to) return to;
  if (!isSpace(text[i])) return -1;
  // "…такие… »": a closing-only mark after a space still closes this sentence.
  const next = skipSpaces(text, i, to);
  if (next < to && CLOSING_ONLY.includes(text[next]!) && (next + 1 >= to || isSpace(text[next + 1]))) return next + 1;
  return i;
}

/** Whether the terminators from text[dot] to text[end] end the sentence that began at `start`. */
function endsSentence(text: string, start: number, dot: number, end: number, to: number): boolean {
  const next = nextWord(text, end, to);
  if (next.kind === 'end') return true;
  if (next.kind === 'punctuation') return false;
  const punctuation = text.slice(dot, end);
  if (punctuation.includes('!') || punctuation.includes('?')) return next.kind !== 'lower';
  // "..." and "…" are an ellipsis; ".." is taken for a mistyped dot.
  if (punctuation.startsWith('…') || punctuation.startsWith('...')) return next.kind === 'upper';
  if (insideBrackets(text, start, dot, end, to) && !nextIsStopWord(next)) return false;
  return periodEndsSentence(text, start, dot, next);
}

/** A bracket opened in the sentence closes within this many characters after a period inside it… */
const BRACKET_REACH = 80;
/** …and was opened at most this far before it (so that a long run of periods costs no rescan of its start). */
const BRACKET_OPENED_WITHIN = 300;

/**
 * A period inside brackets that close soon after it ends no sentence: «(д.м.н. Алексеева М.Н.)»,
 * "(see Table 2. Values are shares)". The opening bracket stands in this sentence, unclosed. A
 * stop word after the period still starts one («(…лучше, чем Лимонов. Но враг)»): the caller asks.
 */
function insideBrackets(text: string, start: number, dot: number, end: number, to: number): boolean {
  let open = 0;
  for (let i = Math.max(start, dot - BRACKET_OPENED_WITHIN); i < dot; i++) {
    if (text[i] === '(') open++;
    else if (text[i] === ')' && open > 0) open--;
  }
  if (open === 0) return false;
  const limit = Math.min(to, end + BRACKET_REACH);
  for (let i = end; i < limit; i++) {
    if (text[i] === ')') return true;
    if (text[i] === '(' || text[i] === '\n') return false;
  }
  return false;
}

type NextKind = 'end' | 'upper' | 'lower' | 'digit' | 'punctuation' | 'other';

interface NextWord {
  kind: NextKind;
  /** The letters of the next word ('' when it does not start with a letter). */
  word: string;
  /** The next word is an initial (a capital and a dot: «И. П. Павлов»). */
  initial: boolean;
}

function nextWord(text: string, from: number, to: number): NextWord {
  let i = from;
  while (i < to && (isSpace(text[i]) || OPENERS.includes(text[i]!))) i++;
  if (i >= to) return { kind: 'end', word: '', initial: false };
  const flags = charFlags(text, i);
  const word = WORD.exec(text.slice(i, i + MAX_RUN))?.[0] ?? '';
  const kind: NextKind = flags & UPPER
    ? 'upper'
    : flags & LOWER
      ? 'lower'
      : flags & DIGIT
        ? 'digit'
        : CONTINUING.includes(text[i]!)
          ? 'punctuation'
          : 'other';
  return { kind, word, initial: word.length === 1 && kind === 'upper' && text[i + 1] === '.' };
}

function periodEndsSentence(text: string, start: number, dot: number, next: NextWord): boolean {
  const runStart = runStartBefore(text, start, dot);
  const run = text.slice(runStart, dot);
  if (LIST_MARKER.test(run) && isListPosition(text, start, runStart)) return false;
  // «А. С. Пушкин», but «…классу S. В соответствии…»: a name does not go on with a stop word.
  if (INITIALS.test(run)) return next.kind === 'upper' && !next.initial && nextIsStopWord(next);
  const listed = listedAbbreviation(text, start, runStart, dot);
  if (listed) {
    const cls = listed.cls === 'unit' ? (listed.afterNumber ? 'final' : 'inner') : listed.cls;
    if (cls === 'inner' || next.kind !== 'upper' || next.initial) return false;
    return cls === 'final' || nextIsStopWord(next);
  }
  if (DOTTED_ABBREVIATION.test(run)) return next.kind === 'upper' && !next.initial;
  return next.kind !== 'lower';
}

function nextIsStopWord(next: NextWord): boolean {
  const lower = next.word.toLowerCase();
  return isAnyStopWord(lower);
}

interface ListedAbbreviation {
  cls: 'inner' | 'final' | 'unit' | 'proper';
  /** The abbreviation follows a number or a Roman numeral (2007 г., XIX в., 5 млн. руб.). */
  afterNumber: boolean;
}

/**
 * The listed abbreviation that ends at text[dot], matched over up to abbreviationMaxParts() runs of
 * non-space characters (so «и т. д.» and «и т.д.» both match), longest first.
 */
function listedAbbreviation(text: string, start: number, runStart: number, dot: number): ListedAbbreviation | null {
  // MS., NO., CO.: a word in capitals is an acronym, not the listed Ms., No., Co.
  if (ACRONYM.test(text.slice(runStart, dot))) return null;
  const glued = NUMBER_WITH_UNIT.exec(text.slice(runStart, dot));
  if (glued) {
    // 500р. 1999гг.: a unit glued to its number.
    const cls = glued[1] ? abbreviationClass(abbreviationKey(glued[1] + '.')) : undefined;
    return cls ? { cls, afterNumber: true } : null;
  }
  const starts: number[] = [runStart];
  for (let k = 1, maxParts = abbreviationMaxParts(); k < maxParts; k++) {
    const previous = starts[k - 1]!;
    const end = lookBack(text, start, previous);
    if (end <= start || end === previous) break;
    starts.push(runStartBefore(text, start, end));
  }
  for (let k = starts.length - 1; k >= 0; k--) {
    const from = starts[k]!;
    const written = text.slice(from, dot + 1).replace(OPENING_PUNCTUATION, '');
    const cls = abbreviationClass(abbreviationKey(written));
    if (cls) return { cls, afterNumber: cls === 'unit' && followsNumber(text, start, from) };
  }
  return null;
}

/** Units in a row that may stand between a number and a unit (5 млн. руб.: one). */
const MAX_UNITS_BETWEEN = 2;

function followsNumber(text: string, start: number, abbreviationStart: number): boolean {
  let at = abbreviationStart;
  for (let units = 0; units <= MAX_UNITS_BETWEEN; units++) {
    const end = lookBack(text, start, at);
    if (end <= start) return false;
    const run = text.slice(runStartBefore(text, start, end), end);
    if (NUMBER_WITH_UNIT.test(run) || ROMAN_NUMERAL.test(run)) return true;
    // 5 млн. руб., 40 млрд руб.: a unit after another unit (with or without its dot) after a number.
    if (abbreviationClass(abbreviationKey(run.endsWith('.') ? run : run + '.')) !== 'unit') return false;
    at = end - run.length;
  }
  return false;
}

/**
 * A list number stands at the start of its sentence, after ':' or ';' («…факторы: 1. санкции»), or
 * after the one word of a caption or heading label («Рис. 1. Динамика…», «Table 2. Results»).
 */
function isListPosition(text: string, start: number, runStart: number): boolean {
  const before = trimEnd(text, start, runStart);
  if (before <= start || text[before - 1] === ':' || text[before - 1] === ';') return true;
  const numbered = charFlags(text, runStart) & DIGIT;
  return numbered !== 0 && runStartBefore(text, start, before) === start && LABEL_WORD.test(text.slice(start, before));
}

/** A line ended by the writer is shorter than this share of the paragraph's longest line. */
const SHORT_LINE = 0.8;

/**
 * A line break ends a sentence without punctuation where the writer ended the line (web pages,
 * forums, headings run into a paragraph): the line is short beside the paragraph's longest one
 * (a wrapped line runs to the margin), ends in no comma, dash or function word (which go on), not
 * in a capitalised word after others (a name broken over lines), and the next line starts as a
 * sentence does.
 */
function endsAtLineBreak(text: string, to: number, start: number, newline: number, longest: () => number): boolean {
  const next = skipSpaces(text, newline, to);
  if (next >= to || !(charFlags(text, next) & UPPER) || !(charFlags(text, next + 1) & LOWER)) return false;
  const lineStart = Math.max(start, text.lastIndexOf('\n', newline - 1) + 1);
  const lineEnd = trimEnd(text, lineStart, newline);
  if (lineEnd <= lineStart || /[,;:\-–—(&/]$/u.test(text[lineEnd - 1]!)) return false;
  const lastWord = /[\p{L}\p{N}'’]+$/u.exec(text.slice(Math.max(lineStart, lineEnd - 40), lineEnd))?.[0] ?? '';
  if (!lastWord || isAnyStopWord(lastWord.toLowerCase())) return false;
  // A capitalised last word goes on as a name, unless it is the whole line (a heading: «Введение»).
  if (/^\p{Lu}/u.test(lastWord) && lineEnd - lastWord.length > lineStart) return false;
  return lineEnd - lineStart < SHORT_LINE * longest();
}

/** Length of the longest line of text[from, to). */
function longestLine(text: string, from: number, to: number): number {
  let longest = 0;
  for (let at = from; at < to; ) {
    const end = text.indexOf('\n', at);
    const lineEnd = end < 0 || end > to ? to : end;
    longest = Math.max(longest, lineEnd - at);
    at = lineEnd + 1;
  }
  return longest;
}

/** A line break ends a sentence before a list item when the line before ended with punctuation. */
function startsListItem(text: string, start: number, newline: number, to: number): boolean {
  if (!isListItem(text, skipSpaces(text, newline, to), to)) return false;
  const lineEnd = trimEnd(text, start, newline);
  return lineEnd > start && '.;:!?'.includes(text[lineEnd - 1]!);
}

function isListItem(text: string, at: number, to: number): boolean {
  return LIST_ITEM.test(text.slice(at, Math.min(to, at + 8)));
}

/** An emoticon after a space («тоже ;)») ends a sentence like '!' does; returns where to go on. */
function emoticonEnd(text: string, start: number, at: number, to: number, close: (end: number, next: number) => void): number {
  let end = at + 1;
  while (end < to && !isSpace(text[end]) && end - at < 6) end++;
  if (!EMOTICON.test(text.slice(at, end)) || end >= to) return at + 1;
  if (start < at && nextWord(text, end, to).kind === 'upper') close(end, end);
  return end;
}

function runStartBefore(text: string, limit: number, end: number): number {
  let i = end;
  while (i > limit && !isSpace(text[i - 1]) && end - i < MAX_RUN) i--;
  return i;
}

/** The end of the run before text[at], across at most MAX_RUN spaces (start when there is none). */
function lookBack(text: string, start: number, at: number): number {
  const end = trimEnd(text, Math.max(start, at - MAX_RUN), at);
  return isSpace(text[end - 1]) ? start : end;
}

function skipSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text[i])) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && isSpace(text[i - 1])) i--;
  return i;
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0' || ch === '\u2009' || ch === '\u202f';
}
