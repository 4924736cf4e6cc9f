// A foreign abbreviation is read by someone who reads the paper's language: WTO in a Russian paper
// is «World Trade Organization (Всемирная торговая организация)», its own long form with the
// paper's name for it, which the glossary gives as an equivalent (an abbreviation of the paper's
// language, whose long form is taken, or a term).
import { hasScript, profileOf } from '../languages/index.js';
import { glossaryEntry, type GlossaryEntry } from './glossary.js';
import { sameConcept } from './long-forms.js';
import { upperCount } from './shape.js';

/** The paper language's long form of a glossary entry of another language, if the glossary gives one. */
export function translationOf(entry: GlossaryEntry, language: string): string | undefined {
  if (entry.language === language) return undefined;
  for (const equivalent of entry.equivalents) {
    const other = glossaryEntry(equivalent);
    if (other) {
      if (other.language === language) return other.long;
    } else if (upperCount(equivalent) < 2 && sameLanguage(equivalent, language)) {
      return equivalent;
    }
  }
  return undefined;
}

/** Written in the language's script (a term of one script could be of another language of it, not here). */
function sameLanguage(term: string, language: string): boolean {
  const profile = profileOf(language);
  return profile !== undefined && hasScript(term, profile.script);
}

/**
 * A long form with the paper's name for the thing beside it: «World Economic Forum (Всемирный
 * экономический форум)». The text's own long form, when written in the paper's language, is that
 * name; otherwise the glossary's translation is added. Unchanged when neither is known.
 */
export function withPaperName(long: string, entry: GlossaryEntry | undefined, language: string): string {
  if (!entry || entry.language === language) return long;
  const translation = translationOf(entry, language);
  if (sameLanguage(long, language) && !sameLanguage(entry.long, language)) {
    return sameConcept(long, entry.long) || (translation && sameConcept(long, translation)) ? `${entry.long} (${long})` : long;
  }
  return translation && !sameConcept(long, translation) ? `${long} (${translation})` : long;
}
