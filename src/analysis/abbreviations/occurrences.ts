// Every use of an abbreviation in the text, inflected and plural forms included (ТНК, ВЭБ-а, НИСа,
// TNCs, NIS's), grouped under the bare abbreviation with a count and the first offset.
import { isAuthorInitials, isInsideAddress, isNoiseInContext, type Spot } from './context.js';
import { isNoise, isNoiseInText } from './noise.js';
import { abbreviationInText, abbreviationTail, endingFits, upperCount, withoutItemNumber } from './shape.js';

/** A span of text to scan: a sentence, with the start of its sentence for context filters. */
export interface Span {
  start: number;
  end: number;
}

export interface Occurrences {
  count: number;
  firstOffset: number;
}

/**
 * Abbreviations used in the spans. `known` holds the bare forms defined in the text or listed in the
 * glossary: those are always counted (multi-word ones such as «ЦБ РФ» as one), while other
 * abbreviation-shaped words must pass the noise filters.
 */
export function findOccurrences(text: string, spans: Span[], known: ReadonlySet<string>): Map<string, Occurrences> {
  const found = new Map<string, Occurrences>();
  const add = (bare: string, start: number) => {
    const o = found.get(bare);
    if (o) o.count++;
    else found.set(bare, { count: 1, firstOffset: start });
  };
  const irregular = irregularPattern([...known].filter((bare) => !bare.includes(' ') && !isRegular(bare)));
  // «вуз» is also written «ВУЗ»: the capitals are the same abbreviation.
  const lowerCase = new Map([...known].filter((bare) => /^\p{Ll}+$/u.test(bare)).map((bare) => [bare.toUpperCase(), bare]));
  for (const span of spans) {
    const spots = abbreviationSpots(text, span).map((spot) => ({ ...spot, bare: lowerCase.get(spot.bare) ?? spot.bare }));
    for (let i = 0; i < spots.length; i++) {
      const spot = spots[i]!;
      const next = spots[i + 1];
      // «ЦБ РФ», «ТН ВЭД»: two words that together are a known abbreviation count once.
      if (next && text.slice(spot.end, next.start) === ' ' && known.has(`${spot.bare} ${next.bare}`)) {
        add(`${spot.bare} ${next.bare}`, spot.start);
        i++;
        continue;
      }
      if (known.has(spot.bare) ? isNoise(spot.bare) || isAuthorInitials(text, spot) : isNoiseHere(text, spot, span)) continue;
      add(known.has(spot.bare) ? spot.bare : withoutItemNumber(spot.bare), spot.start);
    }
    for (const spot of irregularSpots(text, span, irregular)) add(spot.bare, spot.start);
  }
  return found;
}

/** Noise for an unknown abbreviation-shaped word: its shape (МВт is a unit, not МВ with an ending) or its place. */
function isNoiseHere(text: string, spot: Spot, span: Span): boolean {
  const written = text.slice(spot.start, spot.end);
  return isNoiseInText(spot.bare) || isNoiseInText(written) || isNoiseInContext(text, spot, span.start);
}

/** Words shaped like abbreviations: two capitals or more, with an ending that fits their script. */
function abbreviationSpots(text: string, span: Span): Spot[] {
  const spots: Spot[] = [];
  const re = new RegExp(abbreviationInText().source, 'gu');
  for (const m of text.slice(span.start, span.end).matchAll(re)) {
    const bare = m[1]!;
    if (upperCount(bare) < 2 || !endingFits(bare, m[2])) continue;
    const spot = { start: span.start + m.index, end: span.start + m.index + m[0].length, bare };
    if (!isInsideAddress(text, spot)) spots.push(spot);
  }
  return spots;
}

/** Known abbreviations that the capitals pattern misses («Минфин», "PhD"), found by their spelling. */
function irregularSpots(text: string, span: Span, irregular: RegExp | null): Spot[] {
  if (!irregular) return [];
  const spots: Spot[] = [];
  for (const m of text.slice(span.start, span.end).matchAll(irregular)) {
    spots.push({ start: span.start + m.index, end: span.start + m.index + m[0].length, bare: m[1]! });
  }
  return spots;
}

/** One pattern for all irregular forms (longest first), kept while the same forms are asked for: the glossary's are the same in every paper. */
let irregularCache: { key: string; pattern: RegExp | null } | undefined;

function irregularPattern(forms: string[]): RegExp | null {
  const key = forms.join('\n');
  if (irregularCache?.key !== key) {
    const alternatives = [...forms].sort((a, b) => b.length - a.length).map((bare) => bare.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
    const pattern = alternatives.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives.join('|')})(?:${abbreviationTail()})?(?![\\p{L}\\p{N}])`, 'gu')
      : null;
    irregularCache = { key, pattern };
  }
  return irregularCache.pattern;
}

const regular = new Map<string, boolean>();

/** Whether the capitals pattern finds this abbreviation as a whole. */
function isRegular(bare: string): boolean {
  let answer = regular.get(bare);
  if (answer === undefined) {
    const m = new RegExp(abbreviationInText().source, 'u').exec(bare);
    answer = upperCount(bare) >= 2 && m !== null && m.index === 0 && m[1] === bare;
    // Bounded: the glossary's forms and one paper's definitions at a time.
    if (regular.size > 10_000) regular.clear();
    regular.set(bare, answer);
  }
  return answer;
}
