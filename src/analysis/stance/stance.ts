// Rule-based stance of a sentence toward a target inside it (a factor mention, or any span).
//
// Each cue found in the sentence (sentence-cues.ts) votes with a sign and a weight:
// - the sign comes from the cue kind, its negation, and, for trends, advice and counter-moves,
//   from how the target reads by itself (рост инвестиций is positive, рост санкций and рост
//   издержек negative);
// - the weight falls with the distance to the target (attachment by proximity: «отсутствие ТНК»
//   binds tighter than a cue three clauses away), across ; : ( ) dashes, into relative clauses
//   that do not contain the target, and across contrast: the clause after «но» / "but" dominates
//   the one before it; a concessive clause (хотя, although) counts half.
// A target governed by «без» / "without" is what the sentence says is missing: «без X сделки не
// состоялись бы», "impossible without X" present X as necessary, so the votes turn around.
import { isStopWord, tokenize } from '../tokens.js';
import type { Stance, Token } from '../types.js';
import { CITED_YEAR, findSentenceCues, governsNextWord, isRecommendation, type Inherent, type PolarCue, type PolarKind, type SentenceCues } from './sentence-cues.js';

export { INHERENT_VALUES, type Inherent } from './sentence-cues.js';

/** |score| at or above which a mention is positive or negative rather than neutral. */
const DECISION_THRESHOLD = 0.3;
const MAX_CUES_REPORTED = 3;
/** How far before the target a «без» / "without" may stand to govern it («без кредитования через ВЭБ»). */
const WITHOUT_SCOPE = 4;

export interface StanceResult {
  stance: Stance;
  /** The words that decided it, as written (a negated cue keeps its negation: «не способствует»). */
  cues: string[];
  score: number;
}

export interface TokenSpan {
  /** First token of the target. */
  from: number;
  /** One past its last token. */
  to: number;
}

/**
 * Stance of the sentence toward the target; `inherent` is how the target reads by itself, `names`
 * marks (by token, 1 = a name) the other wordings of the same target in the sentence, whose words are
 * not evaluations of it either; the mask makes each cue's test independent of how many there are.
 */
export function stanceToward(sentence: SentenceCues, target: TokenSpan, inherent: Inherent = 'neutral', names?: Uint8Array): StanceResult {
  // A name that holds a negative word («торговые барьеры», "cost of capital", "financially
  // constrained") is a burden, whatever its factor: barriers that rise are bad news, lower ones good.
  if (inherent === 'neutral' && sentence.negativeInNames.some((at) => at >= target.from && at < target.to)) inherent = 'burden';
  const lacking = sentence.withoutEnds.some(
    (end) => end <= target.from && target.from - end < WITHOUT_SCOPE && sentence.breaksBefore[end] === sentence.breaksBefore[target.from] && !sentence.tokens.slice(end, target.from).some((t) => t.text === ','),
  );
  const votes: { text: string; value: number }[] = [];
  const named = (c: PolarCue): boolean => {
    // An evaluative phrase that is the whole wording ("costly", «нехватка производств», "leading
    // position") evaluates its factor as it names it.
    if (c.wording && c.from === target.from && c.to === target.to) return false;
    if (c.to > target.from && c.from < target.to) return true;
    if (names) for (let i = c.from; i < c.to; i++) if (names[i]) return true;
    return false;
  };
  // A counterfactual bears on its clause, and one inside a relative clause («…, которые решали бы …»)
  // on that relative clause only.
  const counterfactual = (c: PolarCue): boolean =>
    sentence.counterfactualAt.some((at) => sentence.breaksBefore[at] === sentence.breaksBefore[c.from] && sentence.relativeOf[at] === sentence.relativeOf[c.from]);
  // «Несмотря на санкции, экспорт растет»: the target is what the main clause holds against.
  const despite = sentence.despiteSpans.find(([from, to]) => target.from >= from && target.from < to && target.from - from <= DESPITE_SCOPE);
  for (const composed of sentence.cues) {
    // «Государство должно было поддержать…» says what did not happen: no evaluation of what is.
    // (Unless the target is what the sentence lacks: «без X сделки не состоялись бы» argues for X.)
    if (!lacking && counterfactual(composed)) continue;
    // An item of a list in parentheses is named, not evaluated (parenthesisedLists).
    if (sentence.listSpans.some(([from, to]) => composed.from >= from && composed.from < to)) continue;
    // A composed cue whose evaluated word is the target's own name says, by its trend, how the
    // target itself changes («издержки выросли»).
    const parts = composed.parts;
    const cue = !parts ? (named(composed) ? undefined : composed) : named(parts.modifier) ? undefined : named(parts.evaluation) ? parts.modifier : composed;
    if (!cue || recommendsItsSubject(sentence, cue, target) || recommendsACounterMove(sentence, cue, target) || outcomeOfARole(sentence, cue, target) || groupCompared(sentence, cue, target)) continue;
    // A cue of the main clause says how that clause turns out; the target is what it turned out against.
    if (despite !== undefined && (composed.from < despite[0] || composed.from >= despite[1])) {
      votes.push({ text: cueText(sentence.tokens, cue), value: -cueSign(cue.kind, 'neutral') * (cue.negatedBy >= 0 ? -1 : 1) * cue.weight * OPPOSED_WEIGHT });
      continue;
    }
    // «Без X сделки не состоялись бы»: the negated outcome is what the sentence says of X's absence, a full cue.
    const weight = lacking && cue.bare ? 1 : cue.weight;
    // A trend that governs another factor's name reads by that factor: «рост санкций затронул МСП» is bad news for SMEs.
    const reading = cue.governs && !named({ ...cue, from: cue.governs.from, to: cue.governs.to }) ? cue.governs.inherent : inherent;
    const value = counterMove(sentence, composed, target) ?? needRole(sentence, cue, target) ?? cueSign(cue.kind, reading) * (cue.negatedBy >= 0 ? -1 : 1) * weight * attachment(sentence, cue, target) * (lacking ? -1 : 1);
    if (value !== 0) votes.push({ text: cueText(sentence.tokens, cue), value: value * (underStudy(sentence, composed) ? STUDIED_WEIGHT : 1) });
  }
  return decide(votes, inherent);
}

/** How far after «несмотря на» / "despite" the noun it governs may start («несмотря на жесткие санкции»). */
const DESPITE_SCOPE = 2;
/** How much each cue of the main clause counts, turned around, for what «несмотря на» governs: wherever it stands in that clause. */
const OPPOSED_WEIGHT = 0.6;

/** How much a cue counts inside a research aim or an open question: even two cues stay below the decision threshold. */
const STUDIED_WEIGHT = 0.1;
/** Marks that end what an aim or a question covers: a new sentence part, not a parenthesis («(R&D)»). */
const AIM_ENDS: ReadonlySet<string> = new Set([';', ':']);
/**
 * Words after a purpose that name what is intended: its verb or noun and a word or two of its object
 * ("aimed at supporting", «меры по поддержке»): the first two; the predicate further on is what the sentence claims
 * ("policies aimed at SMEs proved ineffective").
 */
const PURPOSE_WORDS = 2;

/**
 * Whether a cue stands in what a research aim, an open question or a research gap introduces ("we examine whether
 * subsidies encourage R&D", «в работе исследуется вклад вузов»): the words there name what is
 * studied or asked, and the sentence asserts none of them. The scope runs to the next contrast or
 * semicolon, across commas and parentheses, which in such sentences hold lists and acronyms.
 */
function underStudy(sentence: SentenceCues, cue: PolarCue): boolean {
  // A research gap is often said after its topic («влияние X мало изучено», "whether X helps remains
  // unclear"): it covers its whole clause.
  if (sentence.gapsAt.some((at) => sentence.segmentOf[at] === cue.segment && sentence.breaksBefore[at] === sentence.breaksBefore[cue.from])) return true;
  const covers = (end: number) => {
    if (end > cue.from || sentence.segmentOf[end] !== cue.segment) return false;
    for (let i = end; i < cue.from; i++) if (AIM_ENDS.has(sentence.tokens[i]!.text)) return false;
    return true;
  };
  return sentence.aimEnds.some(covers) || sentence.purposeEnds.some((end) => cue.from < end + PURPOSE_WORDS && covers(end));
}

/** The passive after a personal modal: an auxiliary and a participle ("should be supported", «должны быть поддержаны»). */
const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set(['be', 'быть']);
const PARTICIPLE = /(?:ed|en|wn|[нт][аоы]?)$/u;

/**
 * A personal modal (should, must, должен) recommends what its subject does: the target before it,
 * in its clause, is that subject («государство должно поддерживать …», "policy-makers should be
 * cautious"), not what is recommended, unless the modal is passive ("X should be supported").
 */
function recommendsItsSubject(sentence: SentenceCues, cue: PolarCue, target: TokenSpan): boolean {
  if (cue.kind !== 'duty' || cue.from < target.to) return false;
  if (sentence.breaksBefore[target.from] !== sentence.breaksBefore[cue.from]) return false;
  const [auxiliary, verb] = [sentence.tokens[cue.to], sentence.tokens[cue.to + 1]];
  return !(auxiliary && verb && PASSIVE_AUXILIARIES.has(auxiliary.lower) && PARTICIPLE.test(verb.lower));
}

/** How far after a role noun what it governs may start: "drivers of ICT adoption", «основных факторов регионального развития». */
const ROLE_DEPENDENT_SCOPE = 3;

/**
 * What a role noun governs right after it, in its phrase, is the outcome the role is played in
 * ("the drivers of ICT adoption", «факторы регионального развития», "plays a key role in exports"):
 * the noun evaluates what plays the role, not that.
 */
function outcomeOfARole(sentence: SentenceCues, cue: PolarCue, target: TokenSpan): boolean {
  if (cue.kind !== 'role' || target.from < cue.to || target.from - cue.to > ROLE_DEPENDENT_SCOPE) return false;
  return sentence.breaksBefore[cue.to] === sentence.breaksBefore[target.from] && !sentence.tokens.slice(cue.to, target.from).some((t) => t.text === ',');
}

/** Levels, as opposed to changes: a level compared across groups describes them ("higher", «выше»). */
const LEVEL_WORDS: ReadonlySet<string> = new Set(['high', 'higher', 'highest', 'low', 'lower', 'lowest', 'more', 'less', 'fewer', 'выше', 'ниже', 'больше', 'меньше']);
/**
 * Prepositions of place that introduce the group in which a level is measured ("higher in
 * manufacturing", «выше в регионах Сибири»). Not "for" / «для»: what is higher for a group is often
 * what it gains ("the effect is highest for collaborating firms").
 */
const GROUP_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'among', 'across', 'at', 'в', 'во', 'у', 'среди']);
/** How far after a level word the preposition that introduces the group may stand ("more likely to be implemented at the regional level"). */
const GROUP_SCOPE = 5;

/**
 * A level said of something in a group ("adoption is higher in manufacturing", "such policies are
 * more likely to be implemented at the regional level", «доля импорта выше в регионах Сибири»)
 * compares the groups by what is measured in them: the group after the preposition is where the
 * level is observed, not what the level evaluates.
 */
function groupCompared(sentence: SentenceCues, cue: PolarCue, target: TokenSpan): boolean {
  if ((cue.kind !== 'up' && cue.kind !== 'down') || target.from < cue.to || target.from - cue.to > GROUP_SCOPE) return false;
  const { tokens } = sentence;
  if (!LEVEL_WORDS.has(tokens[cue.from]!.lower) || sentence.breaksBefore[cue.to] !== sentence.breaksBefore[target.from]) return false;
  for (let i = cue.to; i < target.from; i++) {
    if (tokens[i]!.text === ',') return false;
    if (GROUP_PREPOSITIONS.has(tokens[i]!.lower)) return true;
  }
  return false;
}

/**
 * A recommendation of a counter-move recommends the remedy, not what it counters: in «необходимо
 * преодолеть отставание», "we need to mitigate the risks" the target after the counter-move is
 * read by the counter-move alone.
 */
function recommendsACounterMove(sentence: SentenceCues, cue: PolarCue, target: TokenSpan): boolean {
  if (!isRecommendation(cue.kind) || cue.to > target.from) return false;
  return sentence.cues.some((c) => (c.kind === 'counter' || c.parts?.modifier.kind === 'counter') && c.from >= cue.to && c.from < target.from && sentence.breaksBefore[c.from] === sentence.breaksBefore[target.from]);
}

/** How far after a counter-move its object may stand: «парировать негативные последствия … от санкционных ограничений». */
const COUNTERED_SCOPE = 10;
/**
 * How far after a counter-move that names its object («решения локальных проблем», "respond to the
 * challenges") the owner of that object may stand («проблем регионов»): what follows further is no
 * longer what is countered.
 */
const OWNER_SCOPE = 3;

/**
 * A counter-move (преодоление, парировать, mitigate, overcome — alone or composed with the harm it
 * counters: «парировать негативные последствия») reads by the target's role: what it acts on, after
 * it in the same clause, is a threat («преодоление санкций», "mitigate the effects of sanctions"
 * are negative for sanctions), whatever else the sentence says; what acts, before it, or what it
 * comes by way of («… посредством развития регионов», "by means of X"), is the remedy and reads
 * positive («НИС позволит парировать …»). Null when the cue is no counter-move or when
 * the clause does not relate it to the target.
 */
function counterMove(sentence: SentenceCues, cue: PolarCue, target: TokenSpan): number | null {
  const move = cue.kind === 'counter' ? cue : cue.parts?.modifier.kind === 'counter' ? cue.parts.modifier : null;
  if (!move || move.negatedBy >= 0) return null;
  const sameClause = sentence.breaksBefore[Math.min(move.from, target.from)] === sentence.breaksBefore[Math.max(move.from, target.from)];
  if (!sameClause) return null;
  // «преодоление отставания посредством развития регионов»: what comes by way of a means is the remedy.
  const byMeans = sentence.meansAt.some((at) => at >= move.to && at < target.from);
  if (target.from >= move.to && target.from - move.to <= (namesItsObject(sentence, move) ? OWNER_SCOPE : COUNTERED_SCOPE)) return byMeans ? move.weight : -move.weight;
  if (target.to <= move.from) return move.weight * attachment(sentence, move, target);
  return null;
}

/**
 * Whether a counter-move phrase ends in what it counters (three words or more, the last a content
 * word: «решения локальных проблем»), rather than in the verb or the preposition that governs it
 * (overcome, «борьба с», "insure firms against").
 */
function namesItsObject(sentence: SentenceCues, move: PolarCue): boolean {
  const last = sentence.tokens[move.to - 1]!;
  return move.to - move.from >= 3 && !isStopWord(last.lower, sentence.language);
}

/**
 * Needing reads by role, in its clause: the subject before it lacks something (negative: «предприятия
 * нуждаются в заказах», "the region needs investment"), what it needs, after it, is presented as
 * necessary (positive: «нуждается в поддержке государства»). Null when the cue is no need; 0 when
 * the target stands in another clause.
 */
/** How far its subject or what it needs may stand from a need: «предприятия Кыргызской Республики нуждаются». */
const NEED_SCOPE = 4;

function needRole(sentence: SentenceCues, cue: PolarCue, target: TokenSpan): number | null {
  if (cue.kind !== 'need') return null;
  const sameClause = sentence.breaksBefore[Math.min(cue.from, target.from)] === sentence.breaksBefore[Math.max(cue.from, target.from)];
  const subject = target.to <= cue.from;
  const distance = subject ? cue.from - target.to : target.from - cue.to;
  if (!sameClause || distance > NEED_SCOPE) return 0;
  return (subject ? -1 : 1) * (cue.negatedBy >= 0 ? -1 : 1) * cue.weight;
}

/** Stance of the whole sentence, for sentences without a target: the last contrast clause dominates. */
export function sentenceStance(sentence: SentenceCues): StanceResult {
  const votes = sentence.cues.map((cue) => {
    const contrast = sentence.segments === 0 ? 1 : cue.segment === sentence.segments ? 1.5 : 0.5;
    const value = cueSign(cue.kind, 'neutral') * (cue.negatedBy >= 0 ? -1 : 1) * cue.weight * contrast * (cue.conceded ? 0.5 : 1);
    return { text: cueText(sentence.tokens, cue), value: value * (underStudy(sentence, cue) ? STUDIED_WEIGHT : 1) };
  });
  return decide(votes, 'neutral');
}

function cueSign(kind: PolarKind, inherent: Inherent): number {
  switch (kind) {
    case 'positive':
    case 'role':
      return 1;
    case 'negative':
      return -1;
    // Any trend, recommendation or counter-move around a threat presents it as a threat; a burden
    // is worse when it grows and better when it falls.
    case 'up':
      return inherent === 'neutral' ? 1 : -1;
    case 'down':
      return inherent === 'burden' ? 1 : -1;
    case 'advice':
    case 'duty':
      return inherent === 'negative' ? -1 : 1;
    case 'counter':
      return inherent === 'neutral' ? 0.5 : -1;
    // Read by role (needRole), not as a stance of the whole sentence.
    case 'need':
      return 0;
  }
}

function attachment(sentence: SentenceCues, cue: PolarCue, target: TokenSpan): number {
  const targetSegment = sentence.segmentOf[target.from]!;
  // A clause opened by a contrast after the target is read as said of the target: «НИС обладает
  // потенциалом, но функционирует фрагментарно». Its cues are as far as they are from the contrast.
  const distance =
    cue.segment > targetSegment
      ? cue.from - sentence.contrastAt[cue.segment - 1]!
      : cue.from >= target.to
        ? cue.from - target.to - insertedRelative(sentence, target.to, cue.from) - insertedParentheses(sentence, target.to, cue.from).tokens
        : target.from - cue.to - insertedRelative(sentence, cue.to, target.from) - insertedParentheses(sentence, cue.to, target.from).tokens;
  // Trends and levels bind to the word next to them («рост санкций»); after the target only as its
  // predicate («инвестиции выросли на 20 %»), not when they modify a noun of their own («ограничивает
  // возможности ускоренной модернизации»). Evaluations reach further (a predicate: «ТНК … становятся
  // основой»).
  // A recommendation governs everything it introduces, lists included («необходимо: 1) …; 3) развивать ГЧП»).
  const trend = cue.kind === 'up' || cue.kind === 'down';
  const [lo, hi] = cue.from < target.from ? [cue.to, target.from] : [target.to, cue.from];
  // A trend reaches across a long subject or object when no comma, clause break or contrast parts it
  // from the target: the predicate after "patent filings by firms in the targeted economy", the
  // object of «сокращены поставки за рубеж продукции станкостроения» with its genitive chain.
  const withinOnePhrase = hi > lo && sentence.breaksBefore[hi] === sentence.breaksBefore[lo] && sentence.segmentOf[lo] === sentence.segmentOf[hi] && !sentence.tokens.slice(lo, hi).some((t) => t.text === ',');
  const introduces = isRecommendation(cue.kind) && cue.to <= target.from;
  let weight = trend
    ? cue.from >= target.to && governsNextWord(sentence.tokens, cue.to, sentence.language) ? 0.2 : distance <= 2 ? 1 : distance <= 5 || withinOnePhrase ? 0.6 : 0.2
    : introduces
      ? distance <= 12 ? 1 : 0.7
      : distance <= 3 ? 1 : distance <= 6 ? 0.8 : distance <= 12 ? 0.5 : 0.3;
  if (!introduces && hi > lo && sentence.breaksBefore[hi]! - sentence.breaksBefore[lo]! > insertedParentheses(sentence, lo, hi).breaks) weight *= 0.6;
  const relative = sentence.relativeOf[cue.from]!;
  if (relative && relative !== sentence.relativeOf[target.from]) weight *= 0.3;
  // The clause after a contrast dominates: it keeps its full weight even across the contrast,
  // while the clause before it is discounted.
  if (cue.segment < targetSegment) weight *= 0.3;
  else if (cue.segment === targetSegment && targetSegment < sentence.segments) weight *= 0.5;
  if (cue.conceded) weight *= 0.5;
  return weight;
}

/**
 * The words of relative clauses that stand between two words ([from, to)) and contain neither: the
 * predicate after a subject's relative clause is its own («технологии, которые …, устарели», "X,
 * which was once …, has dried up"), as near as if the clause were not there.
 */
function insertedRelative(sentence: SentenceCues, from: number, to: number): number {
  const { relativeOf } = sentence;
  const [outer1, outer2] = [relativeOf[from - 1] ?? 0, relativeOf[to] ?? 0];
  let n = 0;
  for (let i = from; i < to; i++) if (relativeOf[i] && relativeOf[i] !== outer1 && relativeOf[i] !== outer2) n++;
  return n;
}

/**
 * The citations in parentheses that stand whole between two words ([from, to)): "claiming of the
 * IPR (Della Malva et al., 2013) could be detrimental" is one clause, and the citation's words and
 * its two marks are as if they were not there.
 */
function insertedParentheses(sentence: SentenceCues, from: number, to: number): { tokens: number; breaks: number } {
  const { tokens } = sentence;
  let inserted = 0;
  let breaks = 0;
  for (let i = from; i < to; i++) {
    if (tokens[i]!.text !== '(') continue;
    let close = i + 1;
    while (close < to && tokens[close]!.text !== ')' && tokens[close]!.text !== '(') close++;
    if (close >= to || tokens[close]!.text !== ')') continue;
    // Only a citation, which names a year (its works may be parted by semicolons); other parentheses hold asides and clauses of their own.
    if (!tokens.slice(i + 1, close).some((t) => CITED_YEAR.test(t.text))) continue;
    inserted += close - i + 1;
    breaks += sentence.breaksBefore[close + 1]! - sentence.breaksBefore[i]!;
    i = close;
  }
  return { tokens: inserted, breaks };
}

function cueText(tokens: Token[], cue: PolarCue): string {
  const from = cue.negatedBy >= 0 ? Math.min(cue.negatedBy, cue.from) : cue.from;
  const to = cue.negatedBy >= cue.to ? cue.negatedBy + 1 : cue.to;
  return tokens
    .slice(from, to)
    .map((t) => t.text)
    .join(' ');
}

function decide(votes: { text: string; value: number }[], inherent: Inherent): StanceResult {
  const score = Math.round(votes.reduce((sum, v) => sum + v.value, 0) * 1000) / 1000;
  const stance: Stance = score >= DECISION_THRESHOLD ? 'positive' : score <= -DECISION_THRESHOLD ? 'negative' : inherent === 'negative' ? 'negative' : 'neutral';
  const sign = stance === 'positive' ? 1 : stance === 'negative' ? -1 : 0;
  const cues = [...new Set(votes.filter((v) => Math.sign(v.value) === sign).sort((a, b) => Math.abs(b.value) - Math.abs(a.value)).map((v) => v.text))];
  return { stance, cues: cues.slice(0, MAX_CUES_REPORTED), score };
}

/**
 * Stance of a text toward a character span in it (or the whole text when no span is given), for
 * callers outside the pipeline such as eval:polarity.
 */
export function classifyStance(text: string, language: string, span?: [number, number], inherent: Inherent = 'neutral'): StanceResult {
  const tokens = tokenize(text, 0, text.length, language);
  const sentence = findSentenceCues(tokens, language);
  if (!span) return sentenceStance(sentence);
  const inside = tokens.flatMap((t, i) => (t.end > span[0] && t.start < span[1] ? [i] : []));
  if (inside.length === 0) return sentenceStance(sentence);
  return stanceToward(sentence, { from: inside[0]!, to: inside[inside.length - 1]! + 1 }, inherent);
}
