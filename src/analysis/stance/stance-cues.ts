// Reads the stance cue lexicons (lexicons/<language>/stance-cues.txt; the header of each documents
// the format) into one pattern index per language.
import { profileOf } from '../languages/index.js';
import { LexiconError, type LexiconFile } from '../lexicon-files.js';
import { forEachLexiconLine } from '../lexicon-lines.js';
import { compilePattern, PatternIndex, PatternSyntaxError } from '../factors/patterns.js';

/**
 * What a cue does:
 * - positive / negative: evaluates what it governs (эффективный, отсутствие, barrier);
 * - role: a positive role noun (driver, key factor, двигатель, основа): positive for what is said to
 *   play the role («ТНК – двигатель экспорта»), while what it governs right after it, the outcome
 *   (drivers of adoption, «факторы регионального развития»), is not evaluated by it;
 * - up / down: a trend, whose reading depends on the factor (рост инвестиций is good, рост санкций bad);
 * - advice: a recommendation (необходимо, should): positive for what it recommends developing;
 * - duty: a personal modal (should, must, должен): a recommendation of what its subject does, so it
 *   recommends what follows it, not its subject («государство должно поддержать ГЧП») unless the
 *   modal is passive (universities should be supported, «ГЧП должно быть поддержано»);
 * - need: needing something (нуждается в, "X needs Y"): its subject lacks what it needs, which is
 *   presented as necessary («регион нуждается в поддержке государства»);
 * - counter: fighting something (преодолеть, counter): marks what it governs as a threat;
 * - negation: flips the next cue (не способствует, not effective);
 * - without: a negation that also marks what it governs as missing (без X, without X);
 * - contrast: the clause after it dominates (но, однако, but);
 * - concession: the clause it opens is subordinate (хотя, although);
 * - despite: a concession that governs a noun (несмотря на, despite): the clause counts half, and what
 *   it governs is what the main clause holds against, so it reads opposite to the main clause
 *   («несмотря на санкции, экспорт растет» is negative for sanctions);
 * - relative: opens a relative clause after a comma (который, which), whose cues are about its own subject;
 * - inert: fixed phrases that contain a cue word but are not cues (не только, not only);
 * - hedge: a condition, hedge or counterfactual (если бы, должно было, would, may): the statement is
 *   hypothetical; no cue of stance;
 * - counterfactual: what should or would have been (должно было, бы, "should have"): hypothetical, and
 *   the evaluations in its clause do not count;
 * - cited: an attribution (по мнению, according to, argues): the statement reports someone else's view;
 * - aim: a research aim or an open question (this paper examines, whether, «в данной работе», «ли»):
 *   what follows it in its clause is a topic under study, not something the sentence evaluates;
 * - purpose: the purpose of an action or a policy ("aimed at", "designed to", «направленные на», «меры
 *   по»): the words right after it name what is intended, not what is claimed; the clause's own
 *   predicate after them ("… proved ineffective") still counts;
 * - gap: a research gap (little is known, remains unclear, «мало изучено», «требует дальнейшего
 *   изучения»): its whole clause, before it and after it, is a topic not yet studied;
 * - means: introduces the means of an action (посредством, путём, through, by means of): after a
 *   counter-move it names the remedy, not what is countered;
 * - question: an enclitic question particle («ли»), which follows the word it asks about: that word
 *   and what follows are asked, as after an aim.
 */
export const CUE_KINDS = ['positive', 'negative', 'role', 'up', 'down', 'advice', 'duty', 'need', 'counter', 'negation', 'without', 'contrast', 'concession', 'despite', 'relative', 'inert', 'hedge', 'counterfactual', 'cited', 'aim', 'purpose', 'gap', 'question', 'means'] as const;
export type CueKind = (typeof CUE_KINDS)[number];

export interface CueEntry {
  kind: CueKind;
  weight: number;
}

const cache = new Map<string, PatternIndex<CueEntry>>();

export function cueIndex(language: string): PatternIndex<CueEntry> | undefined {
  const profile = profileOf(language);
  if (!profile) return undefined;
  let index = cache.get(language);
  if (!index) {
    index = parseCueLexicon(profile.lexicon('stance-cues.txt'), language);
    cache.set(language, index);
  }
  return index;
}

/** Lines are `kind pattern` or `kind:weight pattern` (weight in (0, 2], default 1). */
export function parseCueLexicon(file: LexiconFile, language: string): PatternIndex<CueEntry> {
  const index = new PatternIndex<CueEntry>();
  let count = 0;
  forEachLexiconLine(file, (line, n) => {
    const m = /^([a-z]+)(?::([\d.]+))?\s+(.+)$/.exec(line);
    if (!m) throw new LexiconError(file.path, n, `expected "kind pattern" or "kind:weight pattern", got "${line}"`);
    const [, kind, weightText, source] = m as unknown as [string, string, string | undefined, string];
    if (!(CUE_KINDS as readonly string[]).includes(kind)) {
      throw new LexiconError(file.path, n, `unknown cue kind "${kind}" (expected ${CUE_KINDS.join(', ')})`);
    }
    const weight = weightText === undefined ? 1 : Number(weightText);
    if (!(weight > 0 && weight <= 2)) throw new LexiconError(file.path, n, `weight "${weightText}" must be a number in (0, 2]`);
    try {
      index.add(compilePattern(source, language), { kind: kind as CueKind, weight });
    } catch (error) {
      if (error instanceof PatternSyntaxError) throw new LexiconError(file.path, n, error.message);
      throw error;
    }
    count++;
  });
  if (count === 0) throw new LexiconError(file.path, 1, 'no cues defined');
  return index;
}
