// Candidate factors: phrases the paper itself presents as factors, drivers, barriers or problems
// («факторами являются X, Y и Z», "factors such as X", enumerated lists after «проблемы:»), and
// frequent key phrases, that no codebook factor covers yet — each with the codebook factor whose
// lexicon shares most stems with it, so that researchers can grow the lexicon.
import { acrossLanguages } from '../languages/index.js';
import type { Candidate, FactorMention, TextContext, Token } from '../types.js';
import { analyzedLanguage } from './analyzed.js';
import { candidateLexicon } from './candidate-lexicon.js';
import { factorLexicon } from './lexicon.js';
import { CLAUSE_BREAKS } from '../stance/sentence-cues.js';

/** Longest candidate phrase, in words. */
const MAX_PHRASE_WORDS = 4;
/** A single word is rarely a factor worth a researcher's time (a surname, an adverb, a bare noun). */
const MIN_PHRASE_WORDS = 2;
/**
 * A codebook factor is suggested only when its share of the votes of the phrase's words that the
 * lexicon knows is at least this (a word shared by n factors gives each 1/n): "high-tech exports" →
 * none (exports belong to many factors), «цифровая грамотность кадров» → one of two known words.
 */
const SUGGESTION_SIMILARITY = 0.3;
/** A lexicon prefix shorter than this says little about a word («про», «выс» begin too many). */
const MIN_SHARED_PREFIX = 5;
/** Most items read from one list («X, Y и Z») or one enumerated list. */
const MAX_LIST_ITEMS = 8;
/** A key phrase must occur at least this often to be a candidate. */
const MIN_FREQUENT = 3;
const MAX_FREQUENT = 15;
const MAX_CANDIDATES = 30;
/** What separates the items of a list: commas, ampersands and every language's list conjunctions. */
const listSeparators = acrossLanguages((profiles) => new Set([',', '&', ...profiles.flatMap((p) => p.markers.listConjunction)]));
/** «1.», «2)», «а)», "b." — a number or letter closed by a point or parenthesis — or a dash or bullet. */
const NUMBERED_MARKER = /^(?:\d{1,2}|[a-zа-я])$/u;
const BULLET_MARKER = /^[–—•·*-]$/u;

interface Found {
  phrase: string;
  key: string;
  count: number;
  offsets: [number, number][];
  tokens: Token[];
}

export function findCandidates(context: TextContext, mentions: FactorMention[]): Candidate[] {
  const lexicon = candidateLexicon();
  const covered = coveredRanges(mentions);
  const presented = new Map<string, Found>();
  const frequent = new Map<string, Found>();
  // An enumerated list opened by an earlier sentence («проблемы развития …:»); `marker` is set when
  // the sentence splitter left a bare «1.» as a sentence of its own, so the next sentence is the item.
  let openList: { language: string; items: number; marker: boolean } | null = null;

  context.sentences.forEach((_, s) => {
    const language = analyzedLanguage(context, s);
    const tokens = context.tokens[s] ?? [];
    if (!language || tokens.length === 0) {
      openList = null;
      return;
    }
    const stop = lexicon.stopwords[language]!;
    const ranges = covered.get(s) ?? [];
    // Most sentences name no factor: then every token is free, and no set is built.
    const coveredTokens = ranges.length ? new Set(tokens.filter((t) => ranges.some(([a, b]) => t.start < b && a < t.end))) : undefined;
    const isFree = (t: Token): boolean => !coveredTokens?.has(t);
    // A presented phrase the codebook already names in full is no candidate; one that only shares a
    // word with it («слабость кредитных кооперативов») is, with that factor as the suggestion.
    const add = (map: Map<string, Found>, phrase: Token[]): void => {
      if (phrase.some(isFree)) record(map, context.doc.text, phrase);
    };

    if (openList) {
      const body = openList.marker ? 0 : skipListMarker(tokens);
      if ((body === 0 && !openList.marker) || openList.language !== language || openList.items >= MAX_LIST_ITEMS) openList = null;
      else if (body < tokens.length) {
        add(presented, firstPhrase(tokens, body, stop));
        openList.items++;
        openList.marker = false;
      } else openList.marker = true;
    }
    for (const m of lexicon.triggers[language]!.matchAll(tokens)) {
      if (m.entry === 'after') for (const item of listAfter(tokens, m.to, stop)) add(presented, item);
      else if (m.entry === 'before') add(presented, phraseBefore(tokens, m.from, stop));
      else if (tokens[tokens.length - 1]?.text === ':') openList = { language, items: 0, marker: false };
    }
    // Key phrases: runs of two or three content words free of codebook wordings.
    const keyword = tokens.map((t, i) => t.text.length >= 3 && isFree(t) && isContent(tokens, i, stop));
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (!keyword[i] || !keyword[i + 1]) continue;
      record(frequent, context.doc.text, tokens, i, i + 2);
      if (keyword[i + 2]) record(frequent, context.doc.text, tokens, i, i + 3);
    }
  });

  const chosen = [
    ...sortByCount([...presented.values()]),
    ...sortByCount([...frequent.values()].filter((f) => f.count >= MIN_FREQUENT && !presented.has(f.key)))
      .filter((f, _, all) => !all.some((g) => g !== f && g.count === f.count && g.key.includes(f.key)))
      .slice(0, MAX_FREQUENT),
  ].slice(0, MAX_CANDIDATES);
  return chosen.map((f) => ({ phrase: f.phrase, count: f.count, suggestedFactor: nearestFactor(f.tokens), offsets: f.offsets }));
}

/** A proper name: capitalised after a lower-case word («работы Попова», "as Nelson argues"). */
function isName(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const before = tokens[i - 1];
  return /^\p{Lu}\p{Ll}/u.test(t.text) && before !== undefined && /^\p{Ll}/u.test(before.text);
}

/** Character ranges of the factor wordings found in each sentence: what the codebook already covers. */
function coveredRanges(mentions: FactorMention[]): Map<number, [number, number][]> {
  const ranges = new Map<number, [number, number][]>();
  for (const m of mentions) {
    const list = ranges.get(m.sentence);
    if (list) list.push([m.matchStart, m.matchEnd]);
    else ranges.set(m.sentence, [[m.matchStart, m.matchEnd]]);
  }
  return ranges;
}

const STARTS_WITH_LETTER = /^\p{L}/u;

/** A word that may stand in a candidate phrase: a letter word, no stop word, no proper name. */
function isContent(tokens: Token[], i: number, stop: Set<string>): boolean {
  const t = tokens[i]!;
  // The cheap tests first; isName reads two regular expressions.
  return t.text.length >= 2 && !stop.has(t.lower) && STARTS_WITH_LETTER.test(t.text) && !isName(tokens, i);
}

/** The content words from `from` on, up to the first word that is not one (at most MAX_PHRASE_WORDS). */
function firstPhrase(tokens: Token[], from: number, stop: Set<string>): Token[] {
  let i = from;
  while (i < tokens.length && !isContent(tokens, i, stop) && !CLAUSE_BREAKS.has(tokens[i]!.text)) i++;
  const phrase: Token[] = [];
  for (; i < tokens.length && phrase.length < MAX_PHRASE_WORDS && isContent(tokens, i, stop); i++) phrase.push(tokens[i]!);
  return phrase;
}

/** «X, Y и Z» after a trigger, up to the end of the clause. */
function listAfter(tokens: Token[], from: number, stop: Set<string>): Token[][] {
  const separators = listSeparators();
  const items: Token[][] = [];
  let i = from;
  if (tokens[i]?.text === ':') i++;
  while (i < tokens.length && items.length < MAX_LIST_ITEMS) {
    const t = tokens[i]!;
    if (CLAUSE_BREAKS.has(t.text)) break;
    if (separators.has(t.lower)) {
      i++;
      continue;
    }
    const item = firstPhrase(tokens, i, stop);
    if (item.length === 0) break;
    items.push(item);
    i = tokens.indexOf(item[item.length - 1]!) + 1;
    // An item ends at a separator; anything else (a verb, a preposition) ends the list.
    while (i < tokens.length && !separators.has(tokens[i]!.lower) && !CLAUSE_BREAKS.has(tokens[i]!.text)) i++;
  }
  return items;
}

/** The content words just before a trigger («X является фактором»). */
function phraseBefore(tokens: Token[], to: number, stop: Set<string>): Token[] {
  const phrase: Token[] = [];
  for (let i = to - 1; i >= 0 && phrase.length < MAX_PHRASE_WORDS && isContent(tokens, i, stop); i--) phrase.unshift(tokens[i]!);
  return phrase;
}

/** Index of the first token after a list marker («1.», «2)», «–»), or 0 when the sentence has none. */
function skipListMarker(tokens: Token[]): number {
  if (BULLET_MARKER.test(tokens[0]!.text)) return 1;
  if (NUMBERED_MARKER.test(tokens[0]!.lower) && /^[.)]$/.test(tokens[1]?.text ?? '')) return 2;
  return 0;
}

/** Counts the phrase tokens[from, to) under the key of its stems. */
function record(map: Map<string, Found>, text: string, tokens: Token[], from = 0, to = tokens.length): void {
  if (to - from < MIN_PHRASE_WORDS) return;
  let key = tokens[from]!.stem;
  for (let i = from + 1; i < to; i++) key += ' ' + tokens[i]!.stem;
  const start = tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  const found = map.get(key);
  if (found) {
    found.count++;
    found.offsets.push([start, end]);
  } else {
    map.set(key, { phrase: text.slice(start, end).toLowerCase(), key, count: 1, offsets: [[start, end]], tokens: tokens.slice(from, to) });
  }
}

function sortByCount(found: Found[]): Found[] {
  return found.sort((a, b) => b.count - a.count || a.offsets[0]![0] - b.offsets[0]![0]);
}

/**
 * The factor whose lexicon shares most words (stems, prefixes, abbreviations) with the phrase; a word
 * used by several factors' wordings («экспорт») says less than one used by a single factor.
 */
function nearestFactor(phrase: Token[]): string | null {
  const { stemFactors } = factorLexicon();
  const votes = new Map<string, number>();
  let voting = 0;
  for (const t of phrase) {
    const factors = new Set(stemFactors.get(t.stem) ?? []);
    for (let k = MIN_SHARED_PREFIX; k <= t.lower.length; k++) for (const f of stemFactors.get(t.lower.slice(0, k)) ?? []) factors.add(f);
    if (factors.size) voting++;
    for (const f of factors) votes.set(f, (votes.get(f) ?? 0) + 1 / factors.size);
  }
  let best: string | null = null;
  for (const [factor, n] of votes) if (best === null || n > votes.get(best)!) best = factor;
  return best !== null && votes.get(best)! / voting >= SUGGESTION_SIMILARITY ? best : null;
}

