// The last step: turns the findings of the earlier steps into a Summary v1.
import { factorDefinitions } from './factors/index.js';
import { netStance } from './net-stance.js';
import type {
  Candidate,
  Evidence,
  ExtractedDocument,
  FactorMention,
  Summary,
  SummaryAbbreviation,
  SummaryFactor,
  TextContext,
} from './types.js';

export interface SummaryInput {
  id: string;
  filename: string;
  extracted: ExtractedDocument;
  context: TextContext;
  abbreviations: SummaryAbbreviation[];
  mentions: FactorMention[];
  candidates: Candidate[];
  lexicon: string;
}

/** How many factors the summary names as the document's most salient. */
const SALIENT_FACTORS = 5;

export function buildSummary(input: SummaryInput): Summary {
  const { context, extracted } = input;
  const wordsByLanguage = countWordsByLanguage(context);
  const words = [...wordsByLanguage.values()].reduce((a, b) => a + b, 0);
  const factors = summarizeFactors(input, words);
  return {
    schema: 'policylens/summary@1',
    document: {
      id: input.id,
      filename: input.filename,
      mediaType: extracted.mediaType,
      title: extracted.title,
      pages: extracted.pages,
      words,
      sentences: context.sentences.length,
      language: dominantLanguage(wordsByLanguage),
      languages: languageShares(wordsByLanguage, words),
      lexicon: input.lexicon,
      warnings: extracted.warnings,
      salientFactors: salientFactors(factors),
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

function summarizeFactors({ context, mentions }: SummaryInput, words: number): SummaryFactor[] {
  const byFactor = new Map<string, FactorMention[]>();
  for (const m of mentions) byFactor.set(m.factor, [...(byFactor.get(m.factor) ?? []), m]);
  const result: SummaryFactor[] = [];
  for (const definition of factorDefinitions()) {
    const list = byFactor.get(definition.id);
    if (!list) continue;
    const evidence = list.map((m) => toEvidence(context, m));
    const stance = { positive: 0, negative: 0, neutral: 0, net: 0 };
    for (const e of evidence) stance[e.stance]++;
    stance.net = round(netStance(stance.positive, stance.negative, evidence.length), 3);
    result.push({
      id: definition.id,
      label: definition.label,
      mentions: evidence.length,
      per1000Words: words ? round((evidence.length * 1000) / words, 2) : 0,
      stance,
      evidence,
    });
  }
  return result;
}

function toEvidence({ doc, sentences }: TextContext, m: FactorMention): Evidence {
  const sentence = sentences[m.sentence];
  if (!sentence) throw new Error(`factor mention points at sentence ${m.sentence}, which does not exist`);
  const paragraph = doc.paragraphs[sentence.paragraph];
  const evidence: Evidence = {
    sentence: doc.text.slice(sentence.start, sentence.end),
    start: sentence.start,
    end: sentence.end,
    page: paragraph?.page ?? null,
    language: paragraph?.language ?? 'und',
    match: m.match,
    stance: m.stance,
    cues: m.cues,
  };
  if (paragraph && paragraph.kind !== 'body') evidence.section = paragraph.kind;
  return evidence;
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
