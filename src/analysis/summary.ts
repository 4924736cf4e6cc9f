// The last step: turns the findings of the earlier steps into a Summary v1.
import { factorDefinitions } from './factors/index.js';
import { netStance } from './net-stance.js';
import type {
  Candidate,
  Evidence,
  FactorAssessment,
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
  for (const m of mentions) {
    const list = byFactor.get(m.factor);
    if (list) list.push(m);
    else byFactor.set(m.factor, [m]);
  }
  const concluding = concludingParagraphs(context);
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
      assessment: assess(list, context, concluding),
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
    modality: m.modality,
    attribution: m.attribution,
    actors: m.actors,
    confidence: m.confidence,
  };
  if (paragraph && paragraph.kind !== 'body') evidence.section = paragraph.kind;
  return evidence;
}

/**
 * Headings that open a paper's conclusions, discussion or recommendations, whose sentences state what
 * the author concludes. (Section vocabulary belongs to the language profiles once they exist.)
 */
const CONCLUDING_HEADING = /\b(?:conclu|discussion|implication|recommend|summary)|заключени|вывод|рекомендаци|обсуждени|итог/iu;

/** Paragraph indexes under a concluding heading, up to the next heading. */
function concludingParagraphs({ doc }: TextContext): Set<number> {
  const inside = new Set<number>();
  let concluding = false;
  doc.paragraphs.forEach((p, i) => {
    if (p.kind === 'heading') concluding = CONCLUDING_HEADING.test(doc.text.slice(p.start, p.end));
    else if (concluding) inside.add(i);
  });
  return inside;
}

/**
 * The document's evaluation of a factor, weighing each mention: the abstract and the conclusions
 * count double, a cited view, a hypothesis and a caption, heading or footnote half. Positive or
 * negative when that side outweighs the other twice over and is not drowned in neutral mentions
 * (at least a quarter of their weight), mixed when both sides are substantial, else neutral. `net`
 * (the contract's plain count) is left as it is.
 */
function assess(mentions: FactorMention[], { sentences, doc }: TextContext, concluding: Set<number>): FactorAssessment {
  let positive = 0;
  let negative = 0;
  let neutral = 0;
  for (const m of mentions) {
    const paragraph = sentences[m.sentence]!.paragraph;
    const kind = doc.paragraphs[paragraph]?.kind ?? 'body';
    let w = kind === 'abstract' || concluding.has(paragraph) ? 2 : kind === 'body' ? 1 : 0.5;
    if (m.attribution === 'cited') w *= 0.5;
    if (m.modality === 'hypothetical') w *= 0.5;
    if (m.stance === 'positive') positive += w;
    else if (m.stance === 'negative') negative += w;
    else neutral += w;
  }
  const weight = positive + negative + neutral;
  const score = weight ? round((positive - negative) / weight, 3) : 0;
  const stance: FactorAssessment['stance'] =
    positive > negative && positive >= neutral * 0.25 && positive >= 2 * negative
      ? 'positive'
      : negative > positive && negative >= neutral * 0.25 && negative >= 2 * positive
        ? 'negative'
        : positive > 0 && negative > 0 && Math.min(positive, negative) >= neutral * 0.25
          ? 'mixed'
          : 'neutral';
  return { stance, score, weight: round(weight, 2) };
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
