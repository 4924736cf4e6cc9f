// What kind of statement a sentence makes about a factor mention: its modality (a claim, a
// recommendation, a hypothesis or condition, or a denial of the factor) and whose view it is (the
// author's, or someone the paper cites). Read from the same cue lexicons as stance (kinds advice,
// hedge, cited, negation) and from citation marks.
import type { Attribution, Modality, Token } from '../types.js';
import { isRecommendation, type SentenceCues } from './sentence-cues.js';
import type { TokenSpan } from './stance.js';

export interface Statement {
  modality: Modality;
  attribution: Attribution;
}

/** How many words before the target a negation denies it («не является ТНК», "no patents"). */
const NEGATION_REACH = 3;
/** "(Chesbrough, 2003)", "(Lee and Malerba 2017a; …)", «[12]», «[3, с. 45]», «[Burwitz, 2006]». */
const CITATION = /\([^()]*\b(?:1[89]|20)\d{2}[a-z]?\b[^()]*\)|\[[^\[\]]*\b(?:1[89]|20)\d{2}[a-z]?\b[^\[\]]*\]|\[\d+(?:\s*[,;–-]\s*\d+)*(?:,\s*[сcp]\.\s*\d+(?:[–-]\d+)?)?\]/u;
/** An attribution verb after these is the author's own: "we argue", «мы считаем». */
const FIRST_PERSON: ReadonlySet<string> = new Set(['we', 'i', 'мы', 'я']);

export function describeStatement(sentence: SentenceCues, target: TokenSpan, text: string): Statement {
  return { modality: modalityOf(sentence, target), attribution: attributionOf(sentence, text) };
}

function modalityOf(sentence: SentenceCues, target: TokenSpan): Modality {
  const { breaksBefore } = sentence;
  const denies = (end: number): boolean => end <= target.from && target.from - end < NEGATION_REACH && breaksBefore[end] === breaksBefore[target.from];
  if (sentence.negationEnds.some(denies) || sentence.withoutEnds.some(denies)) return 'negated';
  if (sentence.cues.some((c) => isRecommendation(c.kind) && c.negatedBy < 0)) return 'recommendation';
  if (sentence.hedgesAt.length > 0 || sentence.counterfactualAt.length > 0) return 'hypothetical';
  return 'claim';
}

function attributionOf(sentence: SentenceCues, text: string): Attribution {
  if (CITATION.test(text)) return 'cited';
  const tokens: Token[] = sentence.tokens;
  return sentence.citedAt.some((at) => !FIRST_PERSON.has(tokens[at - 1]?.lower ?? '')) ? 'cited' : 'author';
}
