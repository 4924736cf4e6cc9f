// Long forms taken from the text, given in dictionary form as well as written:
// «национальной инновационной системе» → «национальная инновационная система»,
// "multinational corporations" (for TNCs) → "multinational corporation".
import { profileOf } from '../languages/index.js';
import type { GlossaryEntry } from './glossary.js';

/**
 * Dictionary form of a long form written in the text, by its language's profile (Russian: by
 * morphology; English: in the singular when the short form was plural, TNCs), else as written.
 * When the glossary lists the same words, its form is taken.
 */
export function dictionaryForm(written: string, language: string, pluralShort: boolean, entry: GlossaryEntry | undefined): string {
  const form = profileOf(language)?.dictionaryForm(written, pluralShort) ?? written;
  // The glossary's spelling of the same words settles case and number: «Нематериальные активы (НМА)»
  // at the start of a sentence → «нематериальные активы», a plural-only term.
  return entry && sameWords(form, entry.long) ? entry.long : form;
}

/** The same words in any case, number or capitalization (compared by their first four letters). */
function sameWords(a: string, b: string): boolean {
  const words = (s: string) => s.toLowerCase().replace(/ё/gu, 'е').split(/[^\p{L}]+/u).filter(Boolean);
  const wa = words(a);
  const wb = words(b);
  return wa.length === wb.length && wa.every((w, i) => w.slice(0, 4) === wb[i]!.slice(0, 4));
}

/**
 * Whether two long forms share a content word (compared by their first five letters, which is
 * enough to see through inflection): "multinational corporations" and "transnational corporation"
 * do, «национальной инновационной системе» and «национальная инновационная система» do; a
 * different expansion of the same letters does not.
 */
export function sameConcept(a: string, b: string): boolean {
  const stems = (s: string) =>
    new Set(s.toLowerCase().replace(/ё/gu, 'е').split(/[^\p{L}]+/u).filter((w) => w.length > 3).map((w) => w.slice(0, 5)));
  const sb = stems(b);
  return [...stems(a)].some((w) => sb.has(w));
}
