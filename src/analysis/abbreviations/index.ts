// Abbreviations of a document: definitions in its text (definitions.ts), every use counted
// (occurrences.ts), undefined ones expanded from the bilingual glossary (glossary.ts), Russian and
// English ones linked through their equivalents (НИС ↔ NIS). A definition in the text wins over the
// glossary; an abbreviation found in neither is reported as unknown, with its count.
//
// Call `await loadMorphology()` once before analysis: without it the Russian long forms taken from
// the text stay as written instead of being put in dictionary form.
import { languageOfLetters } from '../languages/index.js';
import type { SummaryAbbreviation, TextContext, Zone } from '../types.js';
import { findDefinitions, type Definition } from './definitions.js';
import { glossary, glossaryEntry } from './glossary.js';
import { dictionaryForm, sameConcept } from './long-forms.js';
import { findOccurrences, type Occurrences, type Span } from './occurrences.js';
import { bareAbbreviation, upperCount } from './shape.js';
import { spelledOutForms } from './spelled-out.js';
import { translationOf, withPaperName } from './translation.js';
import { isClipping, isWordInCapitals } from './variable-names.js';

export { glossary, type GlossaryEntry } from './glossary.js';
export { loadMorphology } from './morphology.js';

/** Clipped definitions a paper needs before they are read as its variables' names (variableNames). */
const MIN_VARIABLES = 2;

const PROVENANCE_ZONES: ReadonlySet<Zone> = new Set<Zone>(['title', 'authors', 'affiliation', 'front']);

export function findAbbreviations(context: TextContext): SummaryAbbreviation[] {
  const { text, paragraphs } = context.doc;
  const analyzed = (p: number) => paragraphs[p]?.kind !== 'references';
  const definitions = textDefinitions(context, analyzed);
  const variables = variableNames(definitions);
  const known = new Set([...glossary().map((e) => e.short), ...definitions.keys()]);
  // Uses are counted in what the paper says, not in the lines that say where it comes from: the
  // title page's provenance (УДК, DOI, JEL codes), affiliations and author lines, and a title
  // whose capitals are typography («ПО» in an all-caps title). An abbreviation the paper uses is
  // used again in its text.
  const spans: Span[] = context.sentences.filter((s) => analyzed(s.paragraph) && !PROVENANCE_ZONES.has(paragraphs[s.paragraph]!.kind));
  const argument = paragraphs.flatMap((p, i) => (analyzed(i) ? [text.slice(p.start, p.end)] : [])).join('\n');
  const occurrences = findOccurrences(text, spans, known);
  for (const bare of occurrences.keys()) {
    if (variables.has(bare) || (!known.has(bare) && isWordInCapitals(bare, argument))) occurrences.delete(bare);
  }
  const spelledOut = spelledOutForms(argument, [...occurrences.keys()].filter((bare) => !definitions.has(bare)));
  let lower: string | undefined;
  const argumentLower = (): string => (lower ??= argument.toLowerCase().replace(/ё/gu, 'е'));
  const readerLanguage = readerLanguageAt(context);
  const found = [...occurrences]
    .sort((a, b) => a[1].firstOffset - b[1].firstOffset)
    .map(([bare, o]) => describe(bare, o, readerLanguage(o.firstOffset), definitions.get(bare) ?? spelledOutDefinition(bare, spelledOut.get(bare), argumentLower)));
  return linkEquivalents(found);
}

/**
 * The language of the paragraph at an offset: an abbreviation is read in the language of the
 * paragraph it first appears in (NIS in the English half of a parallel paper needs no Russian name).
 */
function readerLanguageAt(context: TextContext): (offset: number) => string {
  const { paragraphs } = context.doc;
  return (offset) => {
    let lo = 0;
    let hi = paragraphs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (paragraphs[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return paragraphs[lo]?.language ?? 'und';
  };
}

/** The first definition of each abbreviation in the text, keyed by its bare form (TNCs → TNC). */
function textDefinitions(context: TextContext, analyzed: (p: number) => boolean): Map<string, Definition> {
  const byBare = new Map<string, Definition>();
  context.doc.paragraphs.forEach((p, i) => {
    if (!analyzed(i)) return;
    for (const d of findDefinitions(context.doc.text.slice(p.start, p.end))) {
      const bare = bareAbbreviation(d.short);
      // One-letter and all-lower-case short forms are definitions, but counting their uses in a
      // whole paper would count ordinary letters and words.
      if (bare.length < 2 || upperCount(bare) < 1 || byBare.has(bare)) continue;
      // A Latin capitalised word is a word: a name cited "(Freeman, 1974)" or a variable "(Project)".
      if (/^[A-Z][a-z]+$/u.test(bare)) continue;
      byBare.set(bare, { ...d, shortStart: d.shortStart + p.start, shortEnd: d.shortEnd + p.start, longStart: d.longStart + p.start, longEnd: d.longEnd + p.start });
    }
  });
  return byBare;
}

/**
 * The text's definitions that name the variables of its models by clipping one word ("patenting
 * (PATT)", "number of employees (EMPL)"): taken out of the definitions and, with their uses, out of
 * the abbreviations. A paper names its variables in a list, so it takes two such definitions; a
 * glossary abbreviation stays one.
 */
function variableNames(definitions: Map<string, Definition>): Set<string> {
  const clipped = [...definitions].filter(([bare, d]) => !glossaryEntry(bare) && isClipping(bare, d.long)).map(([bare]) => bare);
  const variables = new Set<string>();
  if (clipped.length < MIN_VARIABLES) return variables;
  for (const bare of clipped) {
    // The variable is written in capitals too (DsCL defined, DSCL used).
    variables.add(bare).add(bare.toUpperCase());
    definitions.delete(bare);
  }
  return variables;
}

/**
 * An undefined abbreviation spelled out somewhere in the paper is defined by that: it wins over the
 * glossary when the paper never writes the glossary's words (ВНП spelled «ведомственная научная
 * программа» in a paper that never mentions the gross national product); a glossary expansion the
 * paper does write is kept.
 */
function spelledOutDefinition(bare: string, long: string | undefined, argumentLower: () => string): Definition | undefined {
  if (!long) return undefined;
  const entry = glossaryEntry(bare);
  if (entry && (sameConcept(long, entry.long) || writesWords(argumentLower(), entry.long))) return undefined;
  return { short: bare, long, form: 'spelled out', shortStart: -1, shortEnd: -1, longStart: -1, longEnd: -1 };
}

/** Whether the text (lower case, ё as е) writes every content word of the phrase (by its first five letters, through inflection). */
function writesWords(lower: string, phrase: string): boolean {
  const stems = phrase.toLowerCase().replace(/ё/gu, 'е').split(/[^\p{L}]+/u).filter((w) => w.length > 3).map((w) => w.slice(0, 5));
  return stems.length > 0 && stems.every((stem) => lower.includes(stem));
}

function describe(bare: string, { count, firstOffset }: Occurrences, paper: string, definition: Definition | undefined): SummaryAbbreviation {
  const language = languageOfLetters(bare);
  let entry = glossaryEntry(bare);
  if (definition) {
    // The text's own definition wins; the glossary still gives links and the factor when it
    // describes the same thing (NIS: "national innovation system" in both, WEF: «Всемирный
    // экономический форум» is its Russian name).
    const translation = entry && translationOf(entry, paper);
    if (entry && !sameConcept(definition.long, entry.long) && !(translation && sameConcept(definition.long, translation))) entry = undefined;
    return {
      short: bare,
      long: withPaperName(dictionaryForm(definition.long, languageOfLetters(definition.long, language), definition.short !== bare, entry), entry, paper),
      longAsWritten: definition.long,
      source: 'text',
      language,
      count,
      firstOffset,
      equivalents: entry?.equivalents ?? [],
      factor: entry?.factor ?? null,
    };
  }
  return {
    short: bare,
    long: entry ? withPaperName(entry.long, entry, paper) : null,
    source: entry ? 'glossary' : 'unknown',
    language,
    count,
    firstOffset,
    equivalents: entry?.equivalents ?? [],
    factor: entry?.factor ?? null,
  };
}

/**
 * Links hold both ways within a paper: when НИС lists NIS as its equivalent and NIS is in the paper
 * too, NIS lists НИС, whether or not the glossary says so in that direction.
 */
function linkEquivalents(found: SummaryAbbreviation[]): SummaryAbbreviation[] {
  const byShort = new Map(found.map((a) => [a.short, a]));
  for (const a of found) {
    for (const e of a.equivalents) {
      const other = byShort.get(e);
      if (other && !other.equivalents.includes(a.short)) other.equivalents = [...other.equivalents, a.short];
    }
  }
  return found;
}

