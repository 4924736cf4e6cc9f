// The parallel abstracts of a bilingual paper say the same thing twice: a factor named in the
// Russian abstract is named again in the English one. Their sentences are paired by position
// (translations keep the order of sentences; a sentence may be split or merged, so the pair is
// looked for within one sentence either side of the proportional position), and a mention whose
// paired sentence mentions the same factor is linked to it: kept as evidence, counted once, with
// the stance of the mention it translates.
import { isAnalyzed } from '../languages/index.js';
import type { FactorMention, TextContext } from '../types.js';

/** How far from the proportional position the paired sentence may stand. */
const PAIR_WINDOW = 1;

export function linkTranslations(context: TextContext, mentions: FactorMention[]): FactorMention[] {
  const byLanguage = new Map<string, number[]>();
  context.sentences.forEach((s, i) => {
    const paragraph = context.doc.paragraphs[s.paragraph]!;
    if (paragraph.kind !== 'abstract' || !isAnalyzed(paragraph.language)) return;
    byLanguage.set(paragraph.language, [...(byLanguage.get(paragraph.language) ?? []), i]);
  });
  if (byLanguage.size < 2) return mentions;
  // The abstract printed first is the original; the other one translates it.
  const [original, ...translations] = [...byLanguage.values()].sort((a, b) => a[0]! - b[0]!);
  const bySentence = new Map<number, FactorMention[]>();
  for (const m of mentions) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
  const linked = new Map<FactorMention, FactorMention>();
  const used = new Set<FactorMention>();
  for (const translation of translations) {
    translation.forEach((sentence, j) => {
      const centre = Math.round((j * original!.length) / translation.length);
      for (const m of bySentence.get(sentence) ?? []) {
        const source = nearestSameFactor(original!, centre, bySentence, m.factor, used);
        if (!source) continue;
        used.add(source);
        linked.set(m, source);
      }
    });
  }
  return mentions.map((m) => {
    const source = linked.get(m);
    return source ? { ...m, stance: source.stance, translationOf: context.sentences[source.sentence]!.start } : m;
  });
}

function nearestSameFactor(original: number[], centre: number, bySentence: Map<number, FactorMention[]>, factor: string, used: Set<FactorMention>): FactorMention | null {
  for (let distance = 0; distance <= PAIR_WINDOW; distance++) {
    for (const k of distance === 0 ? [centre] : [centre - distance, centre + distance]) {
      const sentence = original[k];
      if (sentence === undefined) continue;
      const found = (bySentence.get(sentence) ?? []).find((m) => m.factor === factor && !used.has(m));
      if (found) return found;
    }
  }
  return null;
}
