// The document's evaluation of a factor (`assessment`), beside the contract's plain count (`net`):
// what the author concludes weighs more than what the paper cites or mentions in passing.
import type { FactorAssessment, FactorMention, TextContext } from '../types.js';

/** How much a neutral mention counts against an evaluative one: most are passing mentions (a list, a data source). */
const NEUTRAL_WEIGHT = 0.5;
/** How far one side must outweigh the other to decide: otherwise, with both substantial, it is mixed. */
const DOMINANCE = 1.5;
/** How much of the neutral weight a side must reach not to be drowned in description. */
const AGAINST_NEUTRAL = 0.25;

/**
 * Each mention weighs by where and how it is said: the abstract and the conclusions (`concluding`,
 * paragraph indexes) count double, a caption, heading or footnote half; a cited view and a hypothesis
 * half; a neutral mention half. Positive or negative when that side outweighs the other by half again
 * and is not drowned in neutral mentions, mixed when both sides are substantial, else neutral.
 */
export function assess(mentions: FactorMention[], { sentences, doc }: TextContext, concluding: Set<number>): FactorAssessment {
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
    else neutral += w * NEUTRAL_WEIGHT;
  }
  const weight = positive + negative + neutral;
  const score = weight ? round((positive - negative) / weight, 3) : 0;
  const decides = (side: number, other: number): boolean => side > other && side >= neutral * AGAINST_NEUTRAL && side >= DOMINANCE * other;
  const stance: FactorAssessment['stance'] = decides(positive, negative)
    ? 'positive'
    : decides(negative, positive)
      ? 'negative'
      : positive > 0 && negative > 0 && Math.min(positive, negative) >= neutral * AGAINST_NEUTRAL
        ? 'mixed'
        : 'neutral';
  return { stance, score, weight: round(weight, 2) };
}

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}
