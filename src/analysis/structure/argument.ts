// What the factor step reads: the paper's argument — the sentences of its abstract and body — and
// nothing else. Mentions in the other zones (a journal name in a running header, a bibliography,
// an affiliation, a caption) are counted per zone for the Summary, never as mentions.
import { ARGUMENT_ZONES, type FactorMention, type TextContext, type Zone } from '../types.js';

export interface ZoneSplit {
  /** The argument's sentences, as a context of their own. */
  argument: TextContext;
  /** For each argument sentence, its index in the whole document's sentence list. */
  argumentIndex: number[];
  /** The other sentences, their paragraphs read as if they were body text (to count what they would give). */
  rest: TextContext;
  restIndex: number[];
}

export function splitByZone(context: TextContext): ZoneSplit {
  const argumentIndex: number[] = [];
  const restIndex: number[] = [];
  context.sentences.forEach((s, i) => (ARGUMENT_ZONES.has(context.doc.paragraphs[s.paragraph]!.kind) ? argumentIndex : restIndex).push(i));
  const pick = (ctx: TextContext, index: number[]): TextContext => ({ doc: ctx.doc, sentences: index.map((i) => ctx.sentences[i]!), tokens: index.map((i) => ctx.tokens[i]!) });
  const asBody = { ...context, doc: { ...context.doc, paragraphs: context.doc.paragraphs.map((p) => ({ ...p, kind: 'body' as Zone })) } };
  return { argument: pick(context, argumentIndex), argumentIndex, rest: pick(asBody, restIndex), restIndex };
}

/** Mentions found in the rest, counted by the zone of their sentence. */
export function countByZone(context: TextContext, split: ZoneSplit, restMentions: FactorMention[]): Partial<Record<Zone, number>> {
  const counts: Partial<Record<Zone, number>> = {};
  for (const m of restMentions) {
    const sentence = context.sentences[split.restIndex[m.sentence]!]!;
    const zone = context.doc.paragraphs[sentence.paragraph]!.kind;
    counts[zone] = (counts[zone] ?? 0) + 1;
  }
  return counts;
}

/** Mentions of the argument context, their sentence indexes turned into the whole document's. */
export function toDocumentMentions(mentions: FactorMention[], split: ZoneSplit): FactorMention[] {
  return mentions.map((m) => ({ ...m, sentence: split.argumentIndex[m.sentence]! }));
}
