// The factor step: which codebook factors each analyzed sentence mentions, and with what stance.
import type { FactorDefinition, FactorMention, SummaryAbbreviation, TextContext, Token } from '../types.js';
import { analyzedLanguage } from './analyzed.js';
import { factorLexicon, type FactorLexicon } from './lexicon.js';
import { abbreviationFactors, matchFactors, type FactorMatch, type SenseTally } from './matching.js';
import { otherSenseLines } from './senses.js';
import { findSentenceCues, NAME_CODES, type Inherent } from '../stance/sentence-cues.js';
import { actorsOf } from '../stance/actors.js';
import { stanceToward, type StanceResult } from '../stance/stance.js';
import { describeStatement, type Statement } from '../stance/statement.js';
import { assignConfidence, type MentionDraft } from './confidence.js';
import { alignParallel } from './parallel.js';

/** All codebook factors, in codebook order, as the lexicon defines them (or those of another lexicon, a user lexicon's included). */
export function factorDefinitions(lexicon: FactorLexicon = factorLexicon()): FactorDefinition[] {
  return lexicon.factors.map(({ id, group, label }) => ({ id, group, label }));
}

/**
 * One mention per factor and sentence. When a sentence names a factor more than once, the wording
 * whose stance is the most decided represents it (the first one on a tie).
 */
export function findFactorMentions(context: TextContext, abbreviations: SummaryAbbreviation[], lexicon: FactorLexicon = factorLexicon()): FactorMention[] {
  const byAbbreviation = abbreviationFactors(abbreviations, lexicon);
  const mentions: MentionDraft[] = [];
  const senses: SenseTally = new Map();
  const matchesBySentence = context.sentences.map((_, index) => {
    const language = analyzedLanguage(context, index);
    return language ? matchFactors(context.tokens[index] ?? [], language, lexicon, byAbbreviation, senses) : [];
  });
  const otherSense = otherSenseLines(senses);
  context.sentences.forEach((_, index) => {
    const language = analyzedLanguage(context, index);
    if (!language) return;
    const tokens = context.tokens[index] ?? [];
    const matches = otherSense.size ? matchesBySentence[index]!.filter((m) => !m.entry || !otherSense.has(m.entry)) : matchesBySentence[index]!;
    if (matches.length === 0) return;
    // Each name with the code of how its factor reads, for trends that govern it («рост санкций»).
    const names = new Uint8Array(tokens.length);
    for (const m of matches) names.fill(NAME_CODES.indexOf(inherentOf(m, lexicon)) + 1, m.from, m.to);
    const cues = findSentenceCues(tokens, language, names);
    const actors = actorsOf(tokens, language);
    const sentenceText = context.doc.text.slice(context.sentences[index]!.start, context.sentences[index]!.end);
    const kind = context.doc.paragraphs[context.sentences[index]!.paragraph]?.kind ?? 'body';
    for (const [factor, list] of groupByFactor(matches)) {
      const ownNames = list.length > 1 ? new Uint8Array(tokens.length) : undefined;
      if (ownNames) for (const m of list) ownNames.fill(1, m.from, m.to);
      const judged = list.map((m) => ({ m, result: stanceToward(cues, m, inherentOf(m, lexicon), ownNames) }));
      const { m, result } = judged.reduce((best, j) => (decidedness(j.result) > decidedness(best.result) ? j : best));
      mentions.push(toMention(context.doc.text, tokens, index, factor, m, result, describeStatement(cues, m, sentenceText), { actors, kind, language }));
    }
  });
  return assignConfidence(alignParallel(mentions));
}

/** How a match reads by itself: its factor's reading, unless its wording names only what the threat is about (`; plain`). */
function inherentOf(m: FactorMatch, lexicon: FactorLexicon): Inherent {
  return m.entry?.plain ? 'neutral' : (lexicon.byId.get(m.factor)?.inherent ?? 'neutral');
}

function decidedness(result: StanceResult): number {
  return result.stance === 'neutral' ? 0 : Math.abs(result.score) + 1;
}

function groupByFactor(matches: FactorMatch[]): Map<string, FactorMatch[]> {
  const groups = new Map<string, FactorMatch[]>();
  for (const m of matches) {
    const list = groups.get(m.factor);
    if (list) list.push(m);
    else groups.set(m.factor, [m]);
  }
  return groups;
}

/**
 * The mention, written out field by field in one literal: built by spreading two objects into a
 * third, it cost the factor step about a fifth of its time (bench:nlp's 10,000-word paper).
 */
function toMention(
  text: string,
  tokens: Token[],
  sentence: number,
  factor: string,
  m: FactorMatch,
  result: StanceResult,
  { modality, attribution }: Statement,
  { actors, kind, language }: Pick<MentionDraft, 'actors' | 'kind' | 'language'>,
): MentionDraft {
  const matchStart = tokens[m.from]!.start;
  const matchEnd = tokens[m.to - 1]!.end;
  const match = text.slice(matchStart, matchEnd);
  // A threat named without any cue is negative by itself: the words that decided it are its name.
  const cues = result.stance === 'negative' && result.cues.length === 0 ? [match] : result.cues;
  return { factor, sentence, match, matchStart, matchEnd, stance: result.stance, cues, modality, attribution, actors, kind, words: m.to - m.from, language, score: result.score };
}
