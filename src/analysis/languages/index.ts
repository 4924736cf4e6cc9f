// The languages PolicyLens analyzes, and the profile of each. Adding a language is one profile
// here, one lexicon folder and its lines in the shared lexicons (lexicons/README.md: "Adding a
// language"); nothing else lists languages.
import { charFlags, charLength, CYRILLIC, LATIN } from '../char-classes.js';
import { en } from './en.js';
import type { LanguageProfile, Script } from './profile.js';
import { ru } from './ru.js';

export type { LanguageProfile, Script } from './profile.js';

/** The analyzed languages, in order of precedence where two share a script (the first is its default). */
const registry: LanguageProfile[] = [ru, en];
export const LANGUAGES: readonly LanguageProfile[] = registry;

/** The profile of an analyzed language, or undefined for any other code ('uk', 'und'). */
export function profileOf(code: string): LanguageProfile | undefined {
  return registry.find((p) => p.code === code);
}

/**
 * Adds a language at run time, before the first analysis reads the lexicons (the analysis builds
 * its per-language indexes once, from the languages registered then). For tests and embedders;
 * the languages shipped are the ones listed above.
 */
export function registerLanguage(profile: LanguageProfile): void {
  if (profileOf(profile.code)) throw new Error(`language "${profile.code}" is already registered`);
  registry.push(profile);
}

/**
 * A value computed from all analyzed languages (their function words together, say), computed
 * on first use and again after a language is registered.
 */
export function acrossLanguages<T>(compute: (profiles: readonly LanguageProfile[]) => T): () => T {
  let value: T | undefined;
  let computedFor = -1;
  return () => {
    if (computedFor !== registry.length) {
      value = compute(registry);
      computedFor = registry.length;
    }
    return value!;
  };
}

/** Whether `code` is an analyzed language. */
export function isAnalyzed(code: string): boolean {
  return profileOf(code) !== undefined;
}

const SCRIPT_LETTER: Record<Script, RegExp> = { cyrillic: /\p{Script=Cyrillic}/u, latin: /\p{Script=Latin}/u };

/** Whether the text holds a character of the script. */
export function hasScript(text: string, script: Script): boolean {
  return SCRIPT_LETTER[script].test(text);
}

/**
 * The profile a word is read by in a paragraph of `language`: the paragraph's own when the word is
 * written in its script, else the first analyzed language of the word's script (a Russian paper
 * quotes English terms, an English one Russian names); undefined when no analyzed language writes it.
 */
export function profileForWord(word: string, language: string): LanguageProfile | undefined {
  const own = profileOf(language);
  if (own && hasScript(word, own.script)) return own;
  return registry.find((p) => hasScript(word, p.script));
}

/**
 * The language of a piece of text by its letters: of the script most of its letters are written
 * in, the `preferred` language (the paragraph's) when it is written in that script, else the first
 * analyzed language of it; 'und' without letters of an analyzed script.
 */
export function languageOfLetters(text: string, preferred?: string): string {
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i += charLength(text, i)) {
    const flags = charFlags(text, i);
    if (flags & CYRILLIC) cyrillic++;
    else if (flags & LATIN) latin++;
  }
  const counts: Record<Script, number> = { cyrillic, latin };
  const count = (script: Script): number => counts[script];
  let best: LanguageProfile | undefined;
  for (const p of registry) if (count(p.script) > (best ? count(best.script) : 0)) best = p;
  const own = preferred === undefined ? undefined : profileOf(preferred);
  return own && best && own.script === best.script ? own.code : (best?.code ?? 'und');
}

/** The default language of a script (see DetectionHints.scriptDefault), if an analyzed language has it. */
export function scriptDefault(script: string): string | undefined {
  return registry.find((p) => p.script === script && p.detection.scriptDefault)?.code;
}
