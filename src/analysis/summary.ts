// The last step: turns the findings of the earlier steps into a Summary v1.
import { factorDefinitions } from './factors/index.js';
import { netStance } from './net-stance.js';
import { assess } from './stance/assessment.js';
import { contains, markerLength } from './structure/markers.js';
import {
  ARGUMENT_ZONES,
  type Candidate,
  type Evidence,
  type FactorDefinition,
  type ExtractedDocument,
  type FactorMention,
  type Paragraph,
  type Summary,
  type SummaryAbbreviation,
  type SummaryFactor,
  type TextContext,
  type Zone,
} from './types.js';

export interface SummaryInput {
  id: string;
  filename: string;
  extracted: ExtractedDocument;
  context: TextContext;
  abbreviations: SummaryAbbreviation[];
  mentions: FactorMention[];
  candidates: Candidate[];
  /** Mentions the zones outside the argument would have given, per zone (not counted); none when absent. */
  excludedMentions?: Partial<Record<Zone, number>>;
  lexicon: string;
  /** The factors counted, in order: the codebook's, and a user lexicon's after them; the codebook's alone when absent. */
  factors?: FactorDefinition[];
}

/** How many factors the summary names as the document's most salient. */
const SALIENT_FACTORS = 5;
/**
 * Fewer factor mentions than this per 1,000 words of argument means the codebook hardly fits the
 * paper (a data or methods paper, a text on another subject); judged on texts long enough to tell.
 */
const LOW_FIT_PER_1000 = 1.5;
const LOW_FIT_MIN_WORDS = 1500;

export function buildSummary(input: SummaryInput): Summary {
  const { context, extracted } = input;
  const wordsByLanguage = countWordsByLanguage(context);
  const words = [...wordsByLanguage.values()].reduce((a, b) => a + b, 0);
  const factors = summarizeFactors(input, words);
  const { bibliography } = extracted;
  return {
    schema: 'policylens/summary@1',
    document: {
      id: input.id,
      filename: input.filename,
      mediaType: extracted.mediaType,
      encoding: extracted.encoding,
      title: extracted.title,
      pages: extracted.pages,
      words,
      sentences: context.sentences.length,
      language: dominantLanguage(wordsByLanguage),
      languages: languageShares(wordsByLanguage, words),
      lexicon: input.lexicon,
      warnings: [...extracted.warnings, ...fitWarnings(input, factors)],
      salientFactors: salientFactors(factors),
      titleEn: bibliography.titleEn,
      authors: bibliography.authors,
      year: bibliography.year,
      venue: bibliography.venue,
      doi: bibliography.doi,
      keywords: bibliography.keywords,
      abstracts: abstracts(context),
      excludedMentions: input.excludedMentions ?? {},
    },
    abbreviations: input.abbreviations,
    factors,
    candidates: input.candidates,
  };
}

function isWord(text: string): boolean {
  return /\p{L}/u.test(text);
}

function countWordsByLanguage({ doc, sentences, tokens }: TextContext): Map<string, number> {
  const counts = new Map<string, number>();
  sentences.forEach((sentence, i) => {
    const language = doc.paragraphs[sentence.paragraph]?.language ?? 'und';
    const n = (tokens[i] ?? []).filter((t) => isWord(t.text)).length;
    if (n > 0) counts.set(language, (counts.get(language) ?? 0) + n);
  });
  return counts;
}

function dominantLanguage(counts: Map<string, number>): string {
  let best = 'und';
  let bestCount = 0;
  for (const [language, n] of counts) {
    if (language !== 'und' && n > bestCount) [best, bestCount] = [language, n];
  }
  return best;
}

function languageShares(counts: Map<string, number>, total: number): Record<string, number> {
  const shares: Record<string, number> = {};
  for (const [language, n] of [...counts].sort((a, b) => b[1] - a[1])) shares[language] = round(n / total, 3);
  return shares;
}

function summarizeFactors(input: SummaryInput, words: number): SummaryFactor[] {
  const { mentions, context } = input;
  const byFactor = new Map<string, FactorMention[]>();
  for (const m of mentions) {
    const list = byFactor.get(m.factor);
    if (list) list.push(m);
    else byFactor.set(m.factor, [m]);
  }
  const concluding = concludingParagraphs(context);
  const result: SummaryFactor[] = [];
  for (const definition of input.factors ?? factorDefinitions()) {
    const list = byFactor.get(definition.id);
    if (!list) continue;
    const evidence = list.map((m) => toEvidence(input, m));
    // A translation (the parallel abstract) is evidence, but counted once, with its original.
    const counted = evidence.filter((e) => e.translationOf === undefined);
    const stance = { positive: 0, negative: 0, neutral: 0, net: 0 };
    for (const e of counted) stance[e.stance]++;
    stance.net = round(netStance(stance.positive, stance.negative, counted.length), 3);
    result.push({
      id: definition.id,
      label: definition.label,
      mentions: counted.length,
      per1000Words: words ? round((counted.length * 1000) / words, 2) : 0,
      stance,
      assessment: assess(list, context, concluding),
      evidence,
    });
  }
  return result;
}

function toEvidence({ context: { doc, sentences }, extracted }: SummaryInput, m: FactorMention): Evidence {
  const sentence = sentences[m.sentence];
  if (!sentence) throw new Error(`factor mention points at sentence ${m.sentence}, which does not exist`);
  const paragraph = doc.paragraphs[sentence.paragraph];
  const evidence: Evidence = {
    sentence: doc.text.slice(sentence.start, sentence.end),
    start: sentence.start,
    end: sentence.end,
    page: pageOf(paragraph, sentence.start),
    language: paragraph?.language ?? 'und',
    match: m.match,
    stance: m.stance,
    cues: m.cues,
    modality: m.modality,
    attribution: m.attribution,
    actors: m.actors,
    confidence: m.confidence,
  };
  if (paragraph && paragraph.kind !== 'body') evidence.section = paragraph.kind;
  if (evidence.page) evidence.printedPage = extracted.printedPages[evidence.page - 1] ?? null;
  if (m.translationOf !== undefined) evidence.translationOf = m.translationOf;
  return evidence;
}

/** The page a sentence starts on: the paragraph's, or the next one past the page end it goes on over. */
function pageOf(paragraph: Paragraph | undefined, offset: number): number | null {
  if (!paragraph || paragraph.page === null) return null;
  return paragraph.nextPageAt !== undefined && offset >= paragraph.nextPageAt ? paragraph.page + 1 : paragraph.page;
}

/** The abstract in each language, its heading word ("Аннотация.", "Abstract") left out. */
function abstracts({ doc }: TextContext): { language: string; text: string }[] {
  const byLanguage = new Map<string, string[]>();
  for (const p of doc.paragraphs) {
    if (p.kind !== 'abstract') continue;
    const raw = doc.text.slice(p.start, p.end);
    const text = raw.slice(markerLength('abstract', raw)).replace(/^[\s.:—–-]+/, '');
    if (text) byLanguage.set(p.language, [...(byLanguage.get(p.language) ?? []), text]);
  }
  return [...byLanguage].map(([language, texts]) => ({ language, text: texts.join('\n\n') }));
}

/** A paper the codebook hardly fits: very few factor mentions per 1,000 words of its argument. */
function fitWarnings({ context }: SummaryInput, factors: SummaryFactor[]): string[] {
  let words = 0;
  context.sentences.forEach((s, i) => {
    if (!ARGUMENT_ZONES.has(context.doc.paragraphs[s.paragraph]!.kind)) return;
    words += (context.tokens[i] ?? []).filter((t) => isWord(t.text)).length;
  });
  if (words < LOW_FIT_MIN_WORDS) return [];
  const rate = (1000 * factors.reduce((n, f) => n + f.mentions, 0)) / words;
  if (rate >= LOW_FIT_PER_1000) return [];
  return [`low codebook fit: ${round(rate, 2)} factor mentions per 1,000 words of the paper's argument (a data or methods paper, or another subject); the factor profile says little about it`];
}

/** Paragraph indexes under a concluding heading, up to the next heading. */
function concludingParagraphs({ doc }: TextContext): Set<number> {
  const inside = new Set<number>();
  let concluding = false;
  doc.paragraphs.forEach((p, i) => {
    // The heading's vocabulary is the profiles' `conclusions` markers (lexicons/<code>/markers.txt).
    if (p.kind === 'heading') concluding = contains('conclusions', doc.text.slice(p.start, p.end));
    else if (concluding) inside.add(i);
  });
  return inside;
}

/** Most mentions first; ties go to the factor whose stance is the more decided. */
function salientFactors(factors: SummaryFactor[]): string[] {
  return [...factors]
    .sort((a, b) => b.mentions - a.mentions || Math.abs(b.stance.net) - Math.abs(a.stance.net))
    .slice(0, SALIENT_FACTORS)
    .map((f) => f.id);
}

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}
