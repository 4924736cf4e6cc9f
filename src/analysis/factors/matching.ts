// Finds the codebook factors a sentence's tokens name: lexicon patterns, plus abbreviations that
// the abbreviation step tied to a factor, minus exclusions (false friends); where matches of
// different factors overlap, the longer one wins («инфляция издержек» is costs, not inflation).
import type { SummaryAbbreviation, Token } from '../types.js';
import type { FactorLexicon } from './lexicon.js';

export interface FactorMatch {
  factor: string;
  /** First and one-past-last token of the words that matched. */
  from: number;
  to: number;
}

/** Abbreviation (bare, as the tokenizer gives it in Token.stem) → the factor it names. */
export type AbbreviationFactors = Map<string, string>;

export function abbreviationFactors(abbreviations: SummaryAbbreviation[], lexicon: FactorLexicon): AbbreviationFactors {
  const map: AbbreviationFactors = new Map();
  for (const a of abbreviations) if (a.factor && lexicon.byId.has(a.factor)) map.set(a.short, a.factor);
  return map;
}

export function matchFactors(tokens: Token[], language: string, lexicon: FactorLexicon, abbreviations: AbbreviationFactors): FactorMatch[] {
  const found: FactorMatch[] = [];
  const exclusions: FactorMatch[] = [];
  for (const m of lexicon.index[language]!.matchAll(tokens)) {
    (m.entry.exclude ? exclusions : found).push({ factor: m.entry.factor, from: m.from, to: m.to });
  }
  if (abbreviations.size) {
    tokens.forEach((t, i) => {
      const factor = t.upper ? (abbreviations.get(t.stem) ?? abbreviations.get(t.text)) : undefined;
      if (factor) found.push({ factor, from: i, to: i + 1 });
    });
  }
  const kept = found.filter((m) => !exclusions.some((x) => x.factor === m.factor && overlaps(x, m)));
  return dedupe(kept.filter((m) => !kept.some((other) => other.factor !== m.factor && containsLonger(other, m))));
}

function overlaps(a: FactorMatch, b: FactorMatch): boolean {
  return a.from < b.to && b.from < a.to;
}

function containsLonger(outer: FactorMatch, inner: FactorMatch): boolean {
  return outer.from <= inner.from && inner.to <= outer.to && outer.to - outer.from > inner.to - inner.from;
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
