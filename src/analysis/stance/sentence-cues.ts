// The stance cues of one sentence and the structure that decides what each cue applies to:
// negation and its scope, contrast segments, concessive and relative clauses, and the composition
// of trends and counter-moves with the evaluative words they govern.
import { profileOf } from '../languages/index.js';
import { isStopWord } from '../tokens.js';
import type { Token } from '../types.js';
import type { PatternMatch } from '../factors/patterns.js';
import { cueIndex, type CueEntry, type CueKind } from './stance-cues.js';

/** How many words after a negation its scope reaches (не способствует, "not very effective"). */
const NEGATION_SCOPE = 3;
/** How many words before a negation a Russian predicate negation reaches back («становления … не произошло»). */
const BACKWARD_NEGATION_SCOPE = 5;
/**
 * Weight of a negation that governs no cue («не создают», "does not qualify"), times its lexicon
 * weight: below the decision threshold, so that a negation alone does not make a sentence negative
 * (a fact stated negatively, "no other firm can use it", is not an evaluation), only with another cue.
 */
const BARE_NEGATION_WEIGHT = 0.25;
/** How close a trend or counter-move must be to the evaluative word it changes («снижение издержек»). */
const MODIFIER_SCOPE = 2;
/**
 * How many words may stand between a negative word and the positive one it governs when they are
 * the head and a modifier of one phrase, coordinated adjectives included («отсутствие равных и
 * конкурентоспособных условий», "lack of stable and effective funding").
 */
const GOVERNED_SCOPE = 3;
const MODIFIER_SIGN: Partial<Record<CueKind, number>> = { up: 1, down: -1, counter: -1 };
/** Marks that end a clause inside a sentence. A point is not one: inside a sentence it ends an initial or an abbreviation (Г. Чесбро). */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([';', ':', '(', ')', '–', '—']);

/**
 * How a factor reads by itself: `negative`, a threat (sanctions, brain drain): negative unless the
 * sentence clearly says otherwise; `burden`, more of it is worse (costs, interest rates): its rise
 * is negative and its fall positive, but naming it is neutral; `neutral`, everything else.
 */
export type Inherent = 'negative' | 'burden' | 'neutral';
export const INHERENT_VALUES: readonly Inherent[] = ['negative', 'burden', 'neutral'];
/** The `names` mask of findSentenceCues holds, per token, 0 or the code of the factor it names: its index here plus one. */
export const NAME_CODES: readonly Inherent[] = ['neutral', 'negative', 'burden'];

export type PolarKind = 'positive' | 'negative' | 'role' | 'up' | 'down' | 'advice' | 'duty' | 'need' | 'counter';
const POLAR_KINDS: ReadonlySet<CueKind> = new Set(['positive', 'negative', 'role', 'up', 'down', 'advice', 'duty', 'need', 'counter']);

/** Whether a cue recommends something (an impersonal recommendation or a personal modal). */
export function isRecommendation(kind: CueKind): boolean {
  return kind === 'advice' || kind === 'duty';
}

export interface PolarCue {
  kind: PolarKind;
  weight: number;
  from: number;
  to: number;
  /** Index of the negation that flips it, or -1. */
  negatedBy: number;
  /** Number of contrast markers before it: its clause in the contrast structure. */
  segment: number;
  /** Inside a concessive clause (хотя …,). */
  conceded: boolean;
  /** For a trend, the factor name it governs («рост санкций», "costs rose") and how that factor reads. */
  governs?: { from: number; to: number; inherent: Inherent };
  /** A negation («не», not «без») that flips no cue and stands as a weak negative cue by itself («не создают»). */
  bare?: true;
  /** A full-weight evaluative phrase that is a whole factor wording by itself ("costly", «нехватка производств»): see isWholeName. */
  wording?: true;
  /** For a composed cue, its two words: the trend or counter-move, and the evaluation it changes. */
  parts?: { modifier: PolarCue; evaluation: PolarCue };
}

/** The cues of one sentence, found once and reused for every target in it. */
export interface SentenceCues {
  tokens: Token[];
  language: string;
  cues: PolarCue[];
  /** Token index → contrast segment. */
  segmentOf: Int32Array;
  segments: number;
  /** contrastAt[k]: token index of the contrast marker that opens segment k + 1. */
  contrastAt: number[];
  /** breaksBefore[i]: clause breaks among tokens [0, i). */
  breaksBefore: Int32Array;
  /** Token index → id (from 1) of the relative clause («, который …,», ", which …,") it is in, or 0. */
  relativeOf: Int32Array;
  /** Ends of «без» / "without" markers: a target right after one is what the sentence lacks. */
  withoutEnds: number[];
  /** Ends of negations («не», "not"), for telling whether a target is itself denied. */
  negationEnds: number[];
  /** Starts of hedges and conditions (если, возможно, may, if). */
  hedgesAt: number[];
  /** Starts of counterfactuals (должно было, бы, "should have"), whose clause evaluates nothing that is. */
  counterfactualAt: number[];
  /** Starts of attribution markers (по мнению, according to, argues). */
  citedAt: number[];
  /** Where what a research aim or an open question introduces starts (this paper examines, whether, «… ли»). */
  aimEnds: number[];
  /** Parentheses that hold a list ([from, to) of the words inside): their items are named, not evaluated. */
  listSpans: (readonly [number, number])[];
  /** Where a purpose's words start ("aimed at", «меры по»): they name an intended effect. */
  purposeEnds: number[];
  /** Starts of research gaps (little is known, «мало изучено»), whose whole clause is a topic not yet studied. */
  gapsAt: number[];
  /** Starts of markers of means (посредством, through), which name a remedy after a counter-move. */
  meansAt: number[];
  /** What «несмотря на» / "despite" governs: [end of the marker, next comma or clause break). */
  despiteSpans: (readonly [number, number])[];
  /** Starts of negative words inside factor names («торговые барьеры», "cost of capital"): such a name is a burden. */
  negativeInNames: number[];
}

/** `names` marks the tokens of factor names in the sentence with their NAME_CODES (see isInsideName, governedName). */
export function findSentenceCues(tokens: Token[], language: string, names?: Uint8Array): SentenceCues {
  const breaksBefore = new Int32Array(tokens.length + 1);
  for (let i = 0; i < tokens.length; i++) breaksBefore[i + 1] = breaksBefore[i]! + (CLAUSE_BREAKS.has(tokens[i]!.text) ? 1 : 0);
  const index = cueIndex(language);
  const all = index ? longestMatches(index.matchAll(tokens)) : [];
  const matches = all.filter((m) => !isInsideName(m, names, all));
  const of = (kind: CueKind): PatternMatch<CueEntry>[] => matches.filter((m) => m.entry.kind === kind);

  const contrastAt = of('contrast').map((m) => m.from);
  const segmentOf = new Int32Array(tokens.length);
  for (let i = 0, segment = 0; i < tokens.length; i++) {
    if (contrastAt.includes(i)) segment++;
    segmentOf[i] = segment;
  }
  const concessions = [...of('concession'), ...of('despite')].map((m) => [m.from, nextComma(tokens, m.to)] as const);
  const conceded = (at: number): boolean => concessions.some(([from, to]) => at > from && at < to);
  const sameClause = (a: number, b: number): boolean => breaksBefore[a]! === breaksBefore[b]!;

  const negations = [...of('negation'), ...of('without')].sort((a, b) => a.from - b.from);
  const cues: PolarCue[] = [];
  const usedNegations = new Set<number>();
  for (const m of matches) {
    if (!POLAR_KINDS.has(m.entry.kind)) continue;
    // Function words do not use up the scope ("do not appear to be at a disadvantage"), as far as the first cue after the negation.
    const inScope = (n: PatternMatch<CueEntry>): boolean => m.from - n.to < NEGATION_SCOPE || (contentWords(tokens, n.to, m.from, language) < NEGATION_SCOPE && !matches.some((c) => POLAR_KINDS.has(c.entry.kind) && c.from >= n.to && c.from < m.from));
    const negation = negations.find((n) => n.to <= m.from && inScope(n) && sameClause(m.from, n.to));
    if (negation) usedNegations.add(negation.from);
    const cue: PolarCue = { kind: m.entry.kind as PolarKind, weight: m.entry.weight, from: m.from, to: m.to, negatedBy: negation?.from ?? -1, segment: segmentOf[m.from]!, conceded: conceded(m.from) };
    if (names && isWholeName(m, names)) cue.wording = true;
    const governed = names && (cue.kind === 'up' || cue.kind === 'down') ? governedName(tokens, names, cue) : undefined;
    if (governed) cue.governs = governed;
    cues.push(cue);
  }
  const lexiconCues = [...cues];
  for (const n of negations) {
    if (usedNegations.has(n.from) || n.to >= tokens.length || !/\p{L}/u.test(tokens[n.to]!.text)) continue;
    // A negated predicate after its subject negates the evaluation before it: «полноценного
    // становления модели пока не произошло».
    const before = !profileOf(language)?.negationReachesBack ? [] : lexiconCues.filter((c) => c.negatedBy < 0 && c.to <= n.from && n.from - c.to <= BACKWARD_NEGATION_SCOPE && noCommaBetween(tokens, c.to, n.from) && sameClause(c.to, n.from));
    if (before.length && n.entry.kind === 'negation') {
      for (const c of before) c.negatedBy = n.from;
      continue;
    }
    cues.push({ kind: 'negative', weight: BARE_NEGATION_WEIGHT * n.entry.weight, from: n.from, to: n.to + 1, negatedBy: -1, segment: segmentOf[n.from]!, conceded: conceded(n.from), ...(n.entry.kind === 'negation' ? { bare: true as const } : {}) });
  }
  cues.sort((a, b) => a.from - b.from);
  return {
    tokens,
    language,
    cues: composeModifiers(cues, tokens, breaksBefore, language),
    segmentOf,
    segments: contrastAt.length,
    contrastAt,
    breaksBefore,
    relativeOf: relativeClauses(tokens, of('relative')),
    withoutEnds: of('without').map((m) => m.to),
    negationEnds: of('negation').map((m) => m.to),
    hedgesAt: of('hedge').map((m) => m.from),
    counterfactualAt: of('counterfactual').map((m) => m.from),
    citedAt: of('cited').map((m) => m.from),
    meansAt: of('means').map((m) => m.from),
    despiteSpans: of('despite').map((m) => [m.to, nextComma(tokens, m.to)] as const),
    negativeInNames: names ? all.filter((m) => m.entry.kind === 'negative' && names[m.from]).map((m) => m.from) : [],
    gapsAt: of('gap').map((m) => m.from),
    listSpans: breaksBefore[tokens.length]! > 0 ? parenthesisedLists(tokens) : [],
    purposeEnds: of('purpose').map((m) => m.to),
    aimEnds: [...of('aim').map((m) => m.to), ...of('question').map((m) => Math.max(0, m.from - 1))],
  };
}

const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'these', 'those']);
/**
 * Comparative adverbs, which grade a trend rather than name its object ("grew faster", «выросли
 * быстрее»): the Russian comparative ends in -ее (быстрее, сильнее, медленнее), the English ones are few.
 */
const COMPARATIVE_ADVERBS: ReadonlySet<string> = new Set(['faster', 'slower', 'quicker', 'further', 'more', 'less', 'most', 'least']);
const RUSSIAN_COMPARATIVE = /^\p{L}{3,}ее$/u;
/** Short passive participles: созданы, сокращена, открыт, введено. */
const RUSSIAN_SHORT_PASSIVE = /^\p{L}{3,}(?:[аяеё]н|[ыи]т)[аоы]?$/u;

/**
 * Whether the word after a trend is a content word it governs («сократили поставки», "cut
 * deliveries"), rather than a preposition, an adverb or punctuation («выросли на 20 %»).
 */
export function governsNextWord(tokens: Token[], at: number, language: string): boolean {
  // A Russian short passive participle takes no object: what follows is its agent or an adverbial
  // («были созданы группой специалистов», «сокращены вдвое»).
  if (language === 'ru' && RUSSIAN_SHORT_PASSIVE.test(tokens[at - 1]?.lower ?? '')) return false;
  // An article or a possessive stands between a verb and its object ("reduce the costs", "cut their prices").
  const next = DETERMINERS.has(tokens[at]?.lower ?? '') ? tokens[at + 1] : tokens[at];
  if (next === undefined || !/^\p{L}{3,}$/u.test(next.text) || isStopWord(next.lower, language)) return false;
  return !next.lower.endsWith('ly') && !COMPARATIVE_ADVERBS.has(next.lower) && !(language === 'ru' && RUSSIAN_COMPARATIVE.test(next.lower));
}

/**
 * The factor name a trend governs: right after it, past a determiner or one modifier («рост
 * санкционного давления», "raised input costs"). Not a name before it: a predicate's subject may end
 * in a modifier of another factor ("competition for talent intensified").
 */
function governedName(tokens: Token[], names: Uint8Array, cue: PolarCue): PolarCue['governs'] {
  const span = (at: number): PolarCue['governs'] => {
    const code = names[at]!;
    let from = at;
    let to = at + 1;
    while (from > 0 && names[from - 1] === code) from--;
    while (to < tokens.length && names[to] === code) to++;
    return { from, to, inherent: NAME_CODES[code - 1]! };
  };
  const after = DETERMINERS.has(tokens[cue.to]?.lower ?? '') ? cue.to + 1 : cue.to;
  for (const at of [after, after + 1]) if (at < tokens.length && names[at]) return span(at);
  return undefined;
}

/**
 * A cue word inside a factor's name names it («ключевая ставка», «точки роста», «инфляция
 * издержек»), except a negative word that a trend next to it governs: «снизил транзакционные
 * издержки», "raised input costs" still say something good or bad about the words around them.
 */
function isInsideName(m: PatternMatch<CueEntry>, names: Uint8Array | undefined, all: PatternMatch<CueEntry>[]): boolean {
  if (!names || !POLAR_KINDS.has(m.entry.kind)) return false;
  const governedByTrend = (t: PatternMatch<CueEntry>): boolean =>
    (t.entry.kind === 'up' || t.entry.kind === 'down') && ((t.to <= m.from && m.from - t.to <= MODIFIER_SCOPE) || (t.from >= m.to && t.from - m.to < MODIFIER_SCOPE));
  if (m.entry.kind === 'negative' && all.some(governedByTrend)) return false;
  if (isWholeName(m, names)) return false;
  for (let i = m.from; i < m.to; i++) if (names[i]) return true;
  return false;
}

/**
 * A full-weight cue that is a whole factor wording by itself ("costly", "leading position") is an
 * evaluative phrase the lexicon also reads as a factor: it evaluates the other factors of the
 * sentence ("IPR … making access costly") and its own factor too ("shipping is costly", «самое
 * дешёвое топливо»: stanceToward's `named`). A cue word inside a longer name («ключевая ставка»,
 * «точки роста») names, and evaluates nothing.
 */
function isWholeName(m: PatternMatch<CueEntry>, names: Uint8Array): boolean {
  if (m.entry.weight < 1 || (m.from > 0 && names[m.from - 1]) || names[m.to]) return false;
  for (let i = m.from; i < m.to; i++) if (!names[i]) return false;
  return true;
}

/** A year as citations write it: 2013, 2013a. */
export const CITED_YEAR = /^(?:1[89]|20)\d{2}[a-z]?$/;
/** How many semicolons make the inside of a parenthesis a list: two give three items. */
const LIST_SEPARATORS = 2;

/**
 * Parentheses that enumerate (three items or more parted by semicolons, no year, which would make
 * them citations): such a list of indicators or components names its items ("(efficiency of
 * support; quality of services; reach of programmes)", «(уровень развития …; результативность …;
 * инновационная активность …)»), and the evaluative words that name them evaluate nothing. Not
 * items parted by commas: those are as often examples that do evaluate («(остановка производств,
 * рост безработицы)») or a clause of their own.
 */
function parenthesisedLists(tokens: Token[]): (readonly [number, number])[] {
  const spans: (readonly [number, number])[] = [];
  let open = -1;
  let separators = 0;
  let cited = false;
  for (let i = 0; i < tokens.length; i++) {
    const text = tokens[i]!.text;
    if (text === '(') [open, separators, cited] = [i, 0, false];
    else if (open < 0) continue;
    else if (text === ')') {
      if (separators >= LIST_SEPARATORS && !cited) spans.push([open + 1, i]);
      open = -1;
    } else if (text === ';') separators++;
    else if (CITED_YEAR.test(text)) cited = true;
  }
  return spans;
}

/** Overlapping cue matches: the longest wins, so «не только» (inert) beats «не» (negation). */
function longestMatches(matches: PatternMatch<CueEntry>[]): PatternMatch<CueEntry>[] {
  const sorted = [...matches].sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  const taken = new Set<number>();
  const kept: PatternMatch<CueEntry>[] = [];
  for (const m of sorted) {
    let free = true;
    for (let i = m.from; i < m.to && free; i++) if (taken.has(i)) free = false;
    if (!free) continue;
    for (let i = m.from; i < m.to; i++) taken.add(i);
    kept.push(m);
  }
  return kept.sort((a, b) => a.from - b.from);
}

/** Where a subordinate clause ends: the next comma or clause break. */
function nextComma(tokens: Token[], from: number): number {
  for (let i = from; i < tokens.length; i++) if (tokens[i]!.text === ',' || CLAUSE_BREAKS.has(tokens[i]!.text)) return i;
  return tokens.length;
}

/**
 * Function words that join the words of one phrase: coordinated modifiers, the English genitive and
 * determiners ("reduce their costs"); a relative word ("a downturn that threatens") starts another.
 */
const PHRASE_JOINERS: ReadonlySet<string> = new Set(['and', 'or', 'of', 'the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'these', 'those', 'и', 'или', 'этих', 'этого', 'этой', 'этим', 'этот', 'эта', 'это', 'эти', 'их', 'его', 'её', 'ее', 'своих', 'своего', 'своей', 'свои']);

/**
 * Whether the words between two cues keep them in one noun phrase: content words and joiners only,
 * no comma and no preposition that starts a phrase of its own («проблемных регионов для определения
 * приоритетов»).
 */
function onePhrase(tokens: Token[], from: number, to: number, language: string): boolean {
  for (let i = from; i < to; i++) {
    const word = tokens[i]!.lower;
    if (!/\p{L}/u.test(word) || (isStopWord(word, language) && !PHRASE_JOINERS.has(word))) return false;
  }
  return true;
}

/** Content words among tokens [from, to): function words ("to be at a") do not use up a negation's scope. */
function contentWords(tokens: Token[], from: number, to: number, language: string): number {
  let n = 0;
  for (let i = from; i < to; i++) if (!isStopWord(tokens[i]!.lower, language)) n++;
  return n;
}

function noCommaBetween(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens[i]!.text === ',') return false;
  return true;
}

/** A relative clause starts at a comma followed (within two words) by a relative word and ends at the next comma. */
function relativeClauses(tokens: Token[], relatives: PatternMatch<CueEntry>[]): Int32Array {
  const relativeOf = new Int32Array(tokens.length);
  let id = 0;
  for (const r of relatives) {
    const comma = tokens[r.from - 1]?.text === ',' ? r.from - 1 : tokens[r.from - 2]?.text === ',' ? r.from - 2 : -1;
    if (comma < 0) continue;
    id++;
    const end = nextComma(tokens, r.to);
    for (let i = comma + 1; i < end; i++) relativeOf[i] = id;
  }
  return relativeOf;
}

/**
 * A trend or counter-move applied to an evaluative word is one cue whose sign is the product of
 * both: «снижение издержек», "reduce barriers", «компенсировала потери» are positive, «рост
 * эффективности» positive, «снижение эффективности» and «эффективность … уменьшается» negative.
 */
function composeModifiers(cues: PolarCue[], tokens: Token[], breaksBefore: Int32Array, language: string): PolarCue[] {
  // A role noun evaluates like a positive word («снижение роли», "lack of key factors").
  const isEvaluation = (c: PolarCue): boolean => (c.kind === 'positive' || c.kind === 'role' || c.kind === 'negative') && c.negatedBy < 0;
  const result: PolarCue[] = [];
  for (let i = 0; i < cues.length; i++) {
    const first = cues[i]!;
    const next = cues[i + 1];
    if (!next) {
      result.push(first);
      continue;
    }
    const within = (scope: number): boolean => next.from >= first.to && next.from - first.to < scope && breaksBefore[next.from]! === breaksBefore[first.to]!;
    const close = within(MODIFIER_SCOPE);
    // The modifier before the evaluation (any, in its phrase), a trend after it (its predicate), or a negative
    // word before a positive one, which it governs ("undermines the effectiveness", «ограничивает
    // возможности»), also as the head of a phrase whose modifiers it is («отсутствие равных и
    // конкурентоспособных условий»).
    const modifierSign =
      close && isEvaluation(next) && MODIFIER_SIGN[first.kind] !== undefined && onePhrase(tokens, first.to, next.from, language)
        ? MODIFIER_SIGN[first.kind]
        : close && isEvaluation(first) && (next.kind === 'up' || next.kind === 'down') && next.negatedBy < 0 && !governsNextWord(tokens, next.to, language)
          ? MODIFIER_SIGN[next.kind]
          : isEvaluation(first) && first.kind === 'negative' && isEvaluation(next) && next.kind !== 'negative' && (close || (within(GOVERNED_SCOPE + 1) && onePhrase(tokens, first.to, next.from, language)))
            ? -1
            : undefined;
    if (modifierSign === undefined) {
      result.push(first);
      continue;
    }
    const evaluation = isEvaluation(next) && (MODIFIER_SIGN[first.kind] !== undefined || first.kind === 'negative') ? next : first;
    const modifier = evaluation === first ? next : first;
    const sign = modifierSign * (evaluation.kind === 'negative' ? -1 : 1);
    result.push({ ...first, kind: sign > 0 ? 'positive' : 'negative', weight: Math.max(first.weight, next.weight), to: next.to, parts: { modifier, evaluation } });
    i++;
  }
  return result;
}
