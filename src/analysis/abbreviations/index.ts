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
import { findOccurrences, type Span } from './occurrences.js';
import { bareAbbreviation, upperCount } from './shape.js';
import { spelledOutForms } from './spelled-out.js';

export { glossary, type GlossaryEntry } from './glossary.js';
export { loadMorphology } from './morphology.js';

const PROVENANCE_ZONES: ReadonlySet<Zone> = new Set<Zone>(['title', 'authors', 'affiliation', 'front']);

export function findAbbreviations(context: TextContext): SummaryAbbreviation[] {
  const { text, paragraphs } = context.doc;
  const analyzed = (p: number) => paragraphs[p]?.kind !== 'references';
  const definitions = textDefinitions(context, analyzed);
  const known = new Set([...glossary().map((e) => e.short), ...definitions.keys()]);
  // Uses are counted in what the paper says, not in the lines that say where it comes from: the
  // title page's provenance (УДК, DOI, JEL codes), affiliations and author lines, and a title
  // whose capitals are typography («ПО» in an all-caps title). An abbreviation the paper uses is
  // used again in its text.
  const spans: Span[] = context.sentences.filter((s) => analyzed(s.paragraph) && !PROVENANCE_ZONES.has(paragraphs[s.paragraph]!.kind));
  const occurrences = findOccurrences(text, spans, known);
  const argument = paragraphs.flatMap((p, i) => (analyzed(i) ? [text.slice(p.start, p.end)] : [])).join('\n');
  const spelledOut = spelledOutForms(argument, [...occurrences.keys()].filter((bare) => !definitions.has(bare)));
  let lower: string | undefined;
  const argumentLower = (): string => (lower ??= argument.toLowerCase().replace(/ё/gu, 'е'));
  const found = [...occurrences]
    .sort((a, b) => a[1].firstOffset - b[1].firstOffset)
    .map(([bare, o]) => describe(bare, o.count, o.firstOffset, definitions.get(bare) ?? spelledOutDefinition(bare, spelledOut.get(bare), argumentLower)));
  return linkEquivalents(found);
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
      byBare.set(bare, { ...d, shortStart: d.shortStart + p.start, shortEnd: d.shortEnd + p.start, longStart: d.longStart + p.start, longEnd: d.longEnd + p.start });
    }
  });
  return byBare;
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

function describe(bare: string, count: number, firstOffset: number, definition: Definition | undefined): SummaryAbbreviation {
  const language = languageOfLetters(bare);
  let entry = glossaryEntry(bare);
  if (definition) {
    // The text's own definition wins; the glossary still gives links and the factor when it
    // describes the same thing (NIS: "national innovation system" in both).
    if (entry && !sameConcept(definition.long, entry.long)) entry = undefined;
    return {
      short: bare,
      long: dictionaryForm(definition.long, language, definition.short !== bare, entry),
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
    long: entry?.long ?? null,
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

