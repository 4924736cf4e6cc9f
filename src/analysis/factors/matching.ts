// Finds the codebook factors a sentence's tokens name: lexicon patterns whose context conditions
// hold, plus abbreviations that the abbreviation step tied to a factor, minus exclusions (false
// friends) and proper names; where matches of different factors overlap, the longer one wins
// («инфляция издержек» is costs, not inflation).
import { languageOfLetters } from '../languages/index.js';
import { tokenize } from '../tokens.js';
import type { SummaryAbbreviation, Token } from '../types.js';
import type { ContextRule, FactorLexicon, FactorPatternEntry } from './lexicon.js';
import { tokenPasses } from './patterns.js';

export interface FactorMatch {
  factor: string;
  /** First and one-past-last token of the words that matched. */
  from: number;
  to: number;
  /** The lexicon line that matched (none for an abbreviation the paper ties to a factor). */
  entry?: FactorPatternEntry;
}

/**
 * Per lexicon line with an `unless` condition: how often in one document the condition let a match
 * stand and how often it struck one out (the word was used in its other sense). See senses.ts.
 */
export type SenseTally = Map<FactorPatternEntry, { held: number; failed: number }>;

/**
 * Abbreviation (bare, as the tokenizer gives it in Token.stem) → the factor it names, or null when
 * the paper defines it as something no factor is («ЯГУ», "PPP (purchasing power parity)"): the paper's
 * own definition overrides the glossary and the lexicon's abbreviation patterns. A paper's own
 * abbreviation that the glossary does not tie to a factor names the factor its long form names
 * ("university technology transfer (UTT)" is technology transfer wherever the paper writes UTT).
 */
export type AbbreviationFactors = Map<string, string | null>;

export function abbreviationFactors(abbreviations: SummaryAbbreviation[], lexicon: FactorLexicon): AbbreviationFactors {
  const map: AbbreviationFactors = new Map();
  for (const a of abbreviations) {
    if (a.factor && lexicon.byId.has(a.factor)) map.set(a.short, a.factor);
    else if (a.source === 'text') map.set(a.short, factorOfLongForm(a.longAsWritten ?? a.long ?? '', lexicon));
  }
  return map;
}

/**
 * The factor a long form names: the longest lexicon match in it, when it covers at least half of
 * the long form's content words (a ministry "of science and higher education" is no university).
 * Read in lower case, since long forms are often capitalised like names ("Foreign Direct Investment").
 */
function factorOfLongForm(long: string, lexicon: FactorLexicon): string | null {
  const language = languageOfLetters(long);
  if (!lexicon.index[language]) return null;
  const lower = long.toLowerCase();
  const tokens = tokenize(lower, 0, lower.length, language);
  const contentWords = tokens.filter((t) => t.lower.length >= MIN_CONTENT_LETTERS).length;
  let best: FactorMatch | null = null;
  for (const m of matchFactors(tokens, language, lexicon, new Map())) if (!best || m.to - m.from > best.to - best.from) best = m;
  return best && 2 * (best.to - best.from) >= contentWords ? best.factor : null;
}

/** Words this long carry the content of a long form; shorter ones are mostly of, и, the, and. */
const MIN_CONTENT_LETTERS = 4;

/** A lexicon match that is only an abbreviation the paper itself defines as something else. */
function redefined(tokens: Token[], m: { from: number; to: number }, abbreviations: AbbreviationFactors): boolean {
  const t = tokens[m.from]!;
  return m.to - m.from === 1 && t.upper && (abbreviations.get(t.stem) === null || abbreviations.get(t.text) === null);
}

export function matchFactors(tokens: Token[], language: string, lexicon: FactorLexicon, abbreviations: AbbreviationFactors, senses?: SenseTally): FactorMatch[] {
  const found: FactorMatch[] = [];
  const exclusions: FactorMatch[] = [];
  for (const m of lexicon.index[language]!.matchAll(tokens)) {
    const holds = contextHolds(tokens, m, m.entry.context);
    if (senses && m.entry.context.some((rule) => rule.kind === 'unless')) {
      const tally = senses.get(m.entry) ?? { held: 0, failed: 0 };
      if (holds) tally.held++;
      else tally.failed++;
      senses.set(m.entry, tally);
    }
    if (!holds || redefined(tokens, m, abbreviations)) continue;
    if (!m.entry.exclude && !m.entry.namesCount && !lexicon.byId.get(m.entry.factor)!.namesCount && (isProperName(tokens, m.from, m.to) || inQuotedName(tokens, m.from, m.to))) continue;
    (m.entry.exclude ? exclusions : found).push({ factor: m.entry.factor, from: m.from, to: m.to, entry: m.entry });
  }
  if (abbreviations.size) {
    tokens.forEach((t, i) => {
      const factor = t.upper ? (abbreviations.get(t.stem) ?? abbreviations.get(t.text)) : undefined;
      if (factor) found.push({ factor, from: i, to: i + 1 });
    });
  }
  // Exclusions are few (a sentence rarely holds one), so testing each match against them is cheap.
  const kept = exclusions.length ? found.filter((m) => !exclusions.some((x) => x.factor === m.factor && overlaps(x, m))) : found;
  return dedupe(dropContained(kept));
}

function overlaps(a: FactorMatch, b: FactorMatch): boolean {
  return a.from < b.to && b.from < a.to;
}

/**
 * Drops each match that a longer match of another factor contains. Matches are filed by their first
 * token, and a containing match starts at most `longest` tokens earlier, so each match meets only
 * the few that start near it (linear in the number of matches for bounded pattern lengths).
 */
function dropContained(matches: FactorMatch[]): FactorMatch[] {
  if (matches.length < 2) return matches;
  const byStart = new Map<number, FactorMatch[]>();
  let longest = 0;
  for (const m of matches) {
    const list = byStart.get(m.from);
    if (list) list.push(m);
    else byStart.set(m.from, [m]);
    longest = Math.max(longest, m.to - m.from);
  }
  return matches.filter((inner) => {
    for (let from = inner.from; from >= inner.from - longest && from >= 0; from--) {
      for (const outer of byStart.get(from) ?? []) {
        if (outer.factor !== inner.factor && inner.to <= outer.to && outer.to - outer.from > inner.to - inner.from) return false;
      }
    }
    return true;
  });
}

/** Whether every context condition of a pattern holds around its match. */
function contextHolds(tokens: Token[], m: { from: number; to: number }, rules: ContextRule[]): boolean {
  for (const rule of rules) {
    let seen = false;
    const lo = Math.max(0, m.from - rule.window);
    const hi = Math.min(tokens.length, m.to + rule.window);
    for (let i = lo; i < hi && !seen; i++) if ((i < m.from || i >= m.to) && rule.words.some((w) => tokenPasses(w, tokens[i]!))) seen = true;
    if (seen !== (rule.kind === 'near')) return false;
  }
  return true;
}

const TITLE_CASE = /^\p{Lu}\p{Ll}/u;
const LETTERS = /\p{L}/u;
/** Short words inside a name that stay lower-case: "University of Navarra", «им.». */
const NAME_JOINERS: ReadonlySet<string> = new Set(['of', 'for', 'and', 'the', 'de', 'им', 'имени']);

/**
 * A match written as a proper name: its words (all but joiners) are capitalised, and it stands
 * among capitalised words ("Peking University", "University of Chicago Press", "Research Policy",
 * «Институт общей физики») or after a lower-case word, where only a name is capitalised («в
 * Институте», "at the University"). A sentence that merely begins with the word is not a name,
 * unless the name goes on with "of" ("University of Chicago Press").
 */
function isProperName(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (LETTERS.test(t.text) && !NAME_JOINERS.has(t.lower) && !TITLE_CASE.test(t.text)) return false;
  }
  const before = tokens[from - 1];
  const after = tokens[to];
  const capitalised = (t: Token | undefined): boolean => t !== undefined && TITLE_CASE.test(t.text);
  if (capitalised(before)) return true;
  if (after && NAME_JOINERS.has(after.lower) && capitalised(tokens[to + 1])) return true;
  // A sentence's first word is capitalised anyway, and a name after it is its complement («Регионы
  // России»), so a capitalised next word makes a name only inside the sentence.
  const inside = before !== undefined && LETTERS.test(before.text);
  return inside && (capitalised(after) || before.text === before.lower);
}

const OPENING_QUOTES: ReadonlySet<string> = new Set(['«', '“', '„']);
const CLOSING_QUOTES: ReadonlySet<string> = new Set(['»', '”']);
/** A quoted title is short; a longer quotation is someone's statement, whose words do count. */
const MAX_QUOTED_NAME_WORDS = 15;

/**
 * A match inside a short quotation that opens with a capital: the name of a project, programme,
 * company or publication written in quotes (проект «Инфраструктура научно-исследовательских
 * данных», НТП "Научные исследования по приоритетным направлениям", "Made in Italy"), which
 * in Russian capitalises its first word only and so escapes isProperName.
 */
function inQuotedName(tokens: Token[], from: number, to: number): boolean {
  let open = -1;
  for (let i = 0; i < tokens.length; i++) {
    const text = tokens[i]!.text;
    const closes = CLOSING_QUOTES.has(text) || (text === '"' && open >= 0);
    if (closes) {
      if (open >= 0 && open < from && to <= i) return i - open - 1 <= MAX_QUOTED_NAME_WORDS && TITLE_CASE.test(tokens[open + 1]?.text ?? '');
      open = -1;
    } else if (OPENING_QUOTES.has(text) || text === '"') open = i;
    if (i >= to && open < 0) return false;
  }
  return false;
}

/** One match per factor and span, in text order. */
function dedupe(matches: FactorMatch[]): FactorMatch[] {
  const seen = new Set<string>();
  return matches
    .sort((a, b) => a.from - b.from || b.to - a.to)
    .filter((m) => {
      const key = `${m.factor}:${m.from}:${m.to}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
