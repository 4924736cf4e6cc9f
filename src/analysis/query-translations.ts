// A search query in the other analyzed languages, for the opt-in "both languages" search. Two
// bilingual sources the analyzer already trusts: the glossary (an abbreviation and its equivalents:
// НИС ⇄ NIS, ТНК ⇄ TNC) and the factor lexicon (a query that is one factor's wording, in any of its
// forms, is translated into the factor's label in every other language: санкции ⇄ sanctions,
// «утечка мозгов» ⇄ brain drain). Anything else stays untranslated: no guessing.
import { glossary } from './abbreviations/glossary.js';
import { factorLexicon } from './factors/lexicon.js';
import { languageOfLetters, LANGUAGES } from './languages/index.js';
import { tokenize } from './tokens.js';

/** The query's translations (not the query itself), each once. */
export function queryTranslations(query: string): string[] {
  const text = query.trim();
  const translations = new Set<string>();
  for (const entry of glossary()) {
    if (entry.short === text) entry.equivalents.forEach((e) => translations.add(e));
    else if (entry.equivalents.includes(text)) translations.add(entry.short);
  }
  const language = languageOfLetters(text);
  const index = factorLexicon().index[language];
  if (index) {
    const tokens = tokenize(text, 0, text.length, language);
    const words = tokens.filter((t) => /[\p{L}\p{N}]/u.test(t.text));
    for (const match of index.matchAll(tokens)) {
      // Only a query that is the wording as a whole: a factor named inside a longer query would
      // translate part of it and drop the rest.
      const covered = tokens.slice(match.from, match.to).filter((t) => /[\p{L}\p{N}]/u.test(t.text)).length;
      if (match.entry.exclude || covered !== words.length) continue;
      const label = factorLexicon().byId.get(match.entry.factor)?.label;
      for (const other of LANGUAGES) if (other.code !== language && label?.[other.code]) translations.add(label[other.code]!);
    }
  }
  translations.delete(text);
  return [...translations];
}
