// Parallel sentences agree: a bilingual paper states its title, abstract and keywords in both
// languages, and a factor named in both versions is one statement said twice. Its stance is the
// more decided of the two readings (the cue lexicons of one language may miss what the other has),
// so the Russian and the English version of one sentence never get opposite labels.
import type { BlockKind } from '../types.js';
import type { MentionDraft } from './confidence.js';

/** The blocks a bilingual paper repeats in its second language. */
const PARALLEL_KINDS: ReadonlySet<BlockKind> = new Set(['title', 'abstract', 'keywords']);

export function alignParallel(mentions: MentionDraft[]): MentionDraft[] {
  const byFactor = new Map<string, MentionDraft[]>();
  for (const m of mentions) {
    if (!PARALLEL_KINDS.has(m.kind)) continue;
    const list = byFactor.get(m.factor);
    if (list) list.push(m);
    else byFactor.set(m.factor, [m]);
  }
  for (const list of byFactor.values()) {
    for (const kind of PARALLEL_KINDS) {
      const same = list.filter((m) => m.kind === kind);
      const languages = new Set(same.map((m) => m.language));
      if (languages.size < 2) continue;
      const decided = same.reduce((best, m) => (Math.abs(m.score) > Math.abs(best.score) ? m : best));
      if (decided.stance === 'neutral') continue;
      for (const m of same) {
        if (m.language === decided.language || m.stance === decided.stance) continue;
        m.stance = decided.stance;
        m.cues = decided.cues;
      }
    }
  }
  return mentions;
}
