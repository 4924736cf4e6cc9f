// Scoring against verbatim-quote gold (../shared/data/factor-gold-dev and sets written the same way),
// with exactly the definitions of the reference scorer ../shared/tools/score_factors.py (its README
// states them): factor presence over (document, factor) pairs, core recall, document stance from the
// Summary's counts, evidence found by containment or 80 % token overlap, abbreviations by short form
// with a 5-letter-prefix test of the long form. Each function here mirrors one of the reference's.
import { evidenceRecall, stanceAgreement, tallyOfGold } from '../../src/analysis/review-metrics.js';
import type { Summary } from '../../src/analysis/types.js';

export type GoldStance = 'positive' | 'negative' | 'neutral' | 'mixed';

export interface QuoteGold {
  id: string;
  language: string;
  /** The text the quotes come from, relative to the set's folder. */
  source: string;
  factors: { id: string; salience?: string; stance: GoldStance; evidence?: { quote: string; stance: string }[] }[];
  abbreviations?: { short: string; long?: string; defined_in_text?: boolean }[];
}

/** The counts one document adds to a set's totals (the reference's `tot`). */
export interface QuoteTally {
  docs: number;
  tp: number;
  fp: number;
  fn: number;
  core: number;
  coreHit: number;
  stanceN: number;
  stanceOk: number;
  evidenceN: number;
  evidenceHit: number;
  evidenceStanceN: number;
  evidenceStanceOk: number;
  abbrGold: number;
  abbrHit: number;
  abbrSys: number;
  abbrSysOk: number;
  abbrLongN: number;
  abbrLongOk: number;
  /** Not in the reference: the factors' `assessment` against the gold stance (positive/negative gold factors found). */
  assessmentOk: number;
  /** Not in the reference: mentions per confidence band (tenths), and how many of them are right. */
  bandN: number[];
  bandRight: number[];
}

export function emptyTally(): QuoteTally {
  return { docs: 0, tp: 0, fp: 0, fn: 0, core: 0, coreHit: 0, stanceN: 0, stanceOk: 0, evidenceN: 0, evidenceHit: 0, evidenceStanceN: 0, evidenceStanceOk: 0, abbrGold: 0, abbrHit: 0, abbrSys: 0, abbrSysOk: 0, abbrLongN: 0, abbrLongOk: 0, assessmentOk: 0, bandN: new Array(10).fill(0), bandRight: new Array(10).fill(0) };
}

export function addTally(into: QuoteTally, t: QuoteTally): void {
  for (const k of Object.keys(into) as (keyof QuoteTally)[]) {
    const v = t[k];
    if (typeof v === 'number') (into[k] as number) += v;
    else (into[k] as number[]).forEach((x, i, a) => (a[i] = x + v[i]!));
  }
}

/** The reference's `norm`: NFC, soft hyphens and line-end hyphenation gone, lower case, ё→е, no quote marks, one dash, one space. */
export function normalizeQuote(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\u00ad/g, '')
    .replace(/([\p{L}\p{N}_])-\s*\n\s*([\p{L}\p{N}_])/gu, '$1$2')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»“”„"'’‘`]/g, '')
    .replace(/[‐‑‒–—―-]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Python's `\w+` on str: letters, numbers and the underscore. */
function words(s: string): string[] {
  return s.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** A system sentence covers a gold quote when it contains it or holds ≥ 80 % of its word tokens (both normalized). */
export function covers(sentence: string, quote: string): boolean {
  if (sentence.includes(quote)) return true;
  const q = words(quote);
  if (q.length === 0) return false;
  const s = new Set(words(sentence));
  return q.filter((t) => s.has(t)).length / q.length >= 0.8;
}

/** The document stance read from a factor's counts (the reference's `dominant`). */
export function dominantStance(st: { positive?: number; negative?: number; neutral?: number }): GoldStance | null {
  const p = st.positive ?? 0;
  const n = st.negative ?? 0;
  const u = st.neutral ?? 0;
  if (p === 0 && n === 0 && u === 0) return null;
  if (p > n && p >= u * 0.5 && p >= 1 && p - n >= 1) return n === 0 || p >= 2 * n ? 'positive' : 'mixed';
  if (n > p && n >= 1) return p === 0 || n >= 2 * p ? 'negative' : 'mixed';
  if (p === n && p > 0) return 'mixed';
  return 'neutral';
}

/** TNCs → TNC: a plural `s` after a capital is dropped. */
export function abbreviationKey(s: string): string {
  return s.trim().replace(/(?<=[A-ZА-ЯЁ])s$/u, '');
}

function stemWords(s: string | undefined): string[] {
  return words(normalizeQuote(s ?? '')).map((w) => w.slice(0, 5));
}

export interface DocumentOutcome {
  tally: QuoteTally;
  missed: string[];
  extra: string[];
  /** Gold evidence not found as a mention of its factor, and found with another stance. */
  evidenceMisses: { factor: string; quote: string; gold: string; got: string | null }[];
  /** Gold short forms not listed, listed forms not in the gold, and wrong long forms, as lines to print. */
  abbreviationMisses: string[];
}

/** Scores one Summary against one gold document; `text` is the gold's source text (the quotes' origin). */
export function scoreQuoteDocument(gold: QuoteGold, summary: Summary): DocumentOutcome {
  const t = emptyTally();
  t.docs = 1;
  const sys = new Map(summary.factors.filter((f) => f.mentions > 0).map((f) => [f.id, f]));
  const goldFactors = new Map(gold.factors.map((f) => [f.id, f]));
  const missed = [...goldFactors.keys()].filter((k) => !sys.has(k)).sort();
  const extra = [...sys.keys()].filter((k) => !goldFactors.has(k)).sort();
  t.tp = goldFactors.size - missed.length;
  t.fp = extra.length;
  t.fn = missed.length;
  const evidenceMisses: DocumentOutcome['evidenceMisses'] = [];
  const sentences = new Map(summary.factors.map((f) => [f.id, f.evidence.map((e) => ({ text: normalizeQuote(e.sentence), stance: e.stance as string }))]));
  for (const [k, f] of goldFactors) {
    if (f.salience === 'core') {
      t.core++;
      if (sys.has(k)) t.coreHit++;
    }
    const found = sys.get(k);
    if (found && (f.stance === 'positive' || f.stance === 'negative')) {
      t.stanceN++;
      if (dominantStance(found.stance) === f.stance) t.stanceOk++;
      if (found.assessment?.stance === f.stance) t.assessmentOk++;
    }
    for (const ev of f.evidence ?? []) {
      const quote = normalizeQuote(ev.quote);
      t.evidenceN++;
      const hits = found ? (sentences.get(k) ?? []).filter((s) => covers(s.text, quote)) : [];
      if (hits.length === 0) {
        evidenceMisses.push({ factor: k, quote: ev.quote, gold: ev.stance, got: null });
        continue;
      }
      t.evidenceHit++;
      t.evidenceStanceN++;
      if (hits.some((h) => h.stance === ev.stance)) t.evidenceStanceOk++;
      else evidenceMisses.push({ factor: k, quote: ev.quote, gold: ev.stance, got: hits[0]!.stance });
    }
  }
  // Calibration: a mention is right when its factor is one of the paper's, and, where its sentence
  // holds a gold quote of that factor, its stance is the quote's.
  for (const f of summary.factors) {
    const g = goldFactors.get(f.id);
    const quotes = (g?.evidence ?? []).map((e) => ({ q: normalizeQuote(e.quote), stance: e.stance }));
    for (const e of f.evidence) {
      if (e.confidence === undefined) continue;
      const band = Math.min(9, Math.floor(e.confidence * 10));
      const sentence = normalizeQuote(e.sentence);
      const quote = quotes.find((q) => covers(sentence, q.q));
      t.bandN[band]!++;
      if (g && (!quote || quote.stance === e.stance)) t.bandRight[band]!++;
    }
  }
  const goldAbbr = new Map((gold.abbreviations ?? []).map((a) => [abbreviationKey(a.short), a]));
  const sysAbbr = new Map(summary.abbreviations.map((a) => [abbreviationKey(a.short), a]));
  const parts = new Set([...goldAbbr.keys()].flatMap((k) => k.split(/\s+/)));
  t.abbrGold = goldAbbr.size;
  t.abbrHit = [...goldAbbr.keys()].filter((k) => sysAbbr.has(k) || sysAbbr.has(k.split(/\s+/)[0]!)).length;
  t.abbrSys = sysAbbr.size;
  t.abbrSysOk = [...sysAbbr.keys()].filter((k) => goldAbbr.has(k) || parts.has(k)).length;
  const abbreviationMisses: string[] = [
    ...[...goldAbbr.keys()].filter((k) => !sysAbbr.has(k) && !sysAbbr.has(k.split(/\s+/)[0]!)).map((k) => `missed ${k}`),
    ...[...sysAbbr.keys()].filter((k) => !goldAbbr.has(k) && !parts.has(k)).map((k) => `extra ${k} (${sysAbbr.get(k)!.long ?? '—'})`),
  ];
  for (const [k, g] of goldAbbr) {
    const s = sysAbbr.get(k);
    if (!s || !g.long) continue;
    t.abbrLongN++;
    const gw = new Set(stemWords(g.long));
    const sw = new Set(stemWords(s.long ?? undefined));
    if (sw.size > 0 && [...gw].filter((w) => sw.has(w)).length >= 0.6 * gw.size) t.abbrLongOk++;
    else abbreviationMisses.push(`long ${k}: gold «${g.long}», got «${s.long ?? '—'}»`);
  }
  return { tally: t, missed, extra, evidenceMisses, abbreviationMisses };
}

export interface QuoteScores {
  docs: number;
  factorP: number | null;
  factorR: number | null;
  factorF1: number;
  coreRecall: number | null;
  docStanceAcc: number | null;
  evidenceRecall: number | null;
  evidenceStanceAcc: number | null;
  abbrRecall: number | null;
  abbrPrecision: number | null;
  abbrLongAcc: number | null;
  /** Not in the reference: accuracy of the factors' `assessment` on the same factors as docStanceAcc. */
  assessmentAcc: number | null;
}

function ratio(x: number, y: number): number | null {
  return round3(y ? x / y : null);
}

const round3 = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

/** The reference's figures from a set's totals, rounded to 3 places as it rounds them. */
export function quoteScores(t: QuoteTally): QuoteScores {
  const P = ratio(t.tp, t.tp + t.fp);
  const R = ratio(t.tp, t.tp + t.fn);
  // Evidence figures by the definitions the quality page uses (src/analysis/review-metrics.ts).
  const asReviews = tallyOfGold(t.evidenceN, t.evidenceHit, t.evidenceStanceOk);
  return {
    docs: t.docs,
    factorP: P,
    factorR: R,
    factorF1: P && R ? ratio(2 * P * R, P + R)! : 0,
    coreRecall: ratio(t.coreHit, t.core),
    docStanceAcc: ratio(t.stanceOk, t.stanceN),
    evidenceRecall: round3(evidenceRecall(asReviews)),
    evidenceStanceAcc: round3(stanceAgreement(asReviews)),
    abbrRecall: ratio(t.abbrHit, t.abbrGold),
    abbrPrecision: ratio(t.abbrSysOk, t.abbrSys),
    abbrLongAcc: ratio(t.abbrLongOk, t.abbrLongN),
    assessmentAcc: ratio(t.assessmentOk, t.stanceN),
  };
}

/** The reference's JSON keys for the same figures, for comparing with its output. */
export function asReferenceKeys(s: QuoteScores): Record<string, number | null> {
  return {
    docs: s.docs,
    factor_P: s.factorP,
    factor_R: s.factorR,
    factor_F1: s.factorF1,
    core_recall: s.coreRecall,
    doc_stance_acc: s.docStanceAcc,
    evidence_recall: s.evidenceRecall,
    evidence_stance_acc: s.evidenceStanceAcc,
    abbr_recall: s.abbrRecall,
    abbr_precision: s.abbrPrecision,
    abbr_long_acc: s.abbrLongAcc,
  };
}

/** Rows of the calibration table: per confidence band, the mentions and the share of them right. */
export function calibrationRows(t: QuoteTally): Record<string, Record<string, unknown>> {
  const rows: Record<string, Record<string, unknown>> = {};
  t.bandN.forEach((n, i) => {
    if (n) rows[`${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}`] = { mentions: n, right: ratio(t.bandRight[i]!, n) };
  });
  const high = (xs: number[]): number => xs.slice(8).reduce((a, b) => a + b, 0);
  rows['≥ 0.8'] = { mentions: high(t.bandN), right: ratio(high(t.bandRight), high(t.bandN)) };
  return rows;
}
