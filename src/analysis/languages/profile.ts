// What PolicyLens knows about one language, in one place: every step of the analysis asks the
// profile of a paragraph's language (or of a word's script) instead of testing scripts or listing
// languages itself. The code-level facts (stemmer, script, search configuration, detection hints)
// are written in languages/<code>.ts; the words are data, read lazily from lexicons/<code>/.
import { LexiconError, readLexiconFile, type LexiconFile } from '../lexicon-files.js';
import { lexiconLines } from '../lexicon-lines.js';
import { completeMarkers, markerKindNames, markerKindOf, type Markers } from './markers.js';

/** The script a language is written in; paragraphs' letters are counted per script (language.ts). */
export type Script = 'cyrillic' | 'latin';

/**
 * What a dot after an abbreviation means before a capitalised word:
 * inner — nothing (т. е., см., Dr.); final — the end of the sentence (и т. д., etc.);
 * unit — 'final' after a number (2007 г., 5 млн.), 'inner' otherwise (г. Москва);
 * proper — the end only before a capitalised stop word (in the U.S. The…, but U.S. Department).
 */
export type AbbreviationClass = 'inner' | 'final' | 'unit' | 'proper';
const ABBREVIATION_CLASSES: ReadonlySet<string> = new Set<AbbreviationClass>(['inner', 'final', 'unit', 'proper']);
const SENTENCE_ABBREVIATION_SHAPE = /^[\p{L}.\- ]+\.$/u;

export interface SentenceAbbreviation {
  class: AbbreviationClass;
  /** Its space-separated parts as written ("и т. д." has 3). */
  parts: number;
}

/** How the language step may recognise the language from a paragraph's letters (language.ts). */
export interface DetectionHints {
  /**
   * Prose of the script whose first `sample` characters hold at least `minWords` words (as
   * `word` finds them), of which at least `share` are this language's stop words, is this language.
   */
  stopWords?: { share: number; minWords: number; sample: number; word: RegExp };
  /** The language that text of this script is taken to be when nothing else decides. */
  scriptDefault?: boolean;
}

/** The part of a profile written in TypeScript; the rest comes from lexicons/<code>/. */
export interface LanguageDefinition {
  /** ISO 639-1 code, also the name of its folder in lexicons/. */
  code: string;
  script: Script;
  /** Stem of a lower-case word of this language (one part of a hyphenated compound at a time). */
  stem(word: string): string;
  /** The case or plural endings the tokenizer strips from an abbreviation (ВЭБ-а, TNCs), as a regular-expression source. */
  abbreviationEnding: string;
  /**
   * The looser tail the abbreviation finder allows after an abbreviation in running text (any short
   * lower-case ending in Russian, a plural or possessive s in English), as a regular-expression source.
   */
  abbreviationTail: string;
  /**
   * A long form found in the text, in dictionary form (national innovation systems → … system);
   * `pluralShort` tells that its short form was written in the plural (TNCs).
   */
  dictionaryForm(written: string, pluralShort: boolean): string;
  /** Whether a negated predicate follows its subject and so negates the evaluation before it. */
  negationReachesBack: boolean;
  /** The shape of every stop word of the language (lexicons/<code>/stopwords.txt is checked against it). */
  stopWordShape: RegExp;
  /** PostgreSQL text-search configuration for the language's sentences. */
  textSearch: string;
  /** Tesseract's model for the language, read by OCR of scanned pages by default (Config OCR_LANGUAGES). */
  tesseract: string;
  detection: DetectionHints;
}

/** Spelling rules for a hyphen at a line end (lexicons/<code>/hyphenation.txt). */
export interface HyphenationRules {
  /** A part after the hyphen that is one of these ends a broken word ("public-" + "ity"). */
  wordSuffixes: ReadonlySet<string>;
  /** A first part with one of these endings … */
  compoundFirstEndings: readonly string[];
  /** … followed by a second part with one of these is a compound («социально-экономический»). */
  compoundSecondEndings: readonly string[];
}

/** Lower-case words for the digits of short forms: whole words, or stems written with a trailing '*'. */
export type NumberWords = ReadonlyMap<string, { words: ReadonlySet<string>; stems: readonly string[] }>;

export interface LanguageProfile extends LanguageDefinition {
  readonly stopWords: ReadonlySet<string>;
  /** Abbreviations a dot does not always end a sentence after, keyed by abbreviationKey. */
  readonly sentenceAbbreviations: ReadonlyMap<string, SentenceAbbreviation>;
  /** Words that carry no letter of an abbreviation (of, and, для, и). */
  readonly functionWords: ReadonlySet<string>;
  readonly numberWords: NumberWords;
  readonly markers: Markers;
  readonly hyphenation: HyphenationRules;
  /** A file of lexicons/<code>/, for the steps that parse their own (stance cues). */
  lexicon(name: string): LexiconFile;
}

/** A profile whose word lists are read from lexicons/<code>/ the first time a step asks for them. */
export function defineLanguage(definition: LanguageDefinition): LanguageProfile {
  const lexicon = (name: string): LexiconFile => readLexiconFile(`${definition.code}/${name}`);
  const words: { [K in Exclude<keyof LanguageProfile, keyof LanguageDefinition | 'lexicon'>]: () => LanguageProfile[K] } = {
    stopWords: () => readStopWords(lexicon('stopwords.txt'), definition.stopWordShape),
    sentenceAbbreviations: () => readSentenceAbbreviations(lexicon('sentence-abbreviations.txt')),
    functionWords: () => readWordSet(lexicon('function-words.txt')),
    numberWords: () => readNumberWords(lexicon('number-words.txt')),
    markers: () => readMarkers(lexicon('markers.txt')),
    hyphenation: () => readHyphenation(lexicon('hyphenation.txt')),
  };
  const profile = { ...definition, lexicon } as LanguageProfile;
  // Each list is read on first access and then stays a plain property (tokenizing reads stop words often).
  for (const [key, read] of Object.entries(words)) {
    Object.defineProperty(profile, key, {
      configurable: true,
      enumerable: true,
      get() {
        const value = read();
        Object.defineProperty(profile, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return profile;
}

function readStopWords(file: LexiconFile, shape: RegExp): ReadonlySet<string> {
  const words = new Set<string>();
  for (const { fields, line } of lexiconLines(file)) {
    const word = fields[0]!;
    if (fields.length > 1 || !shape.test(word)) throw new LexiconError(file.path, line, `"${fields.join(' ')}" is not one lower-case word of the list's alphabet`);
    if (words.has(word)) throw new LexiconError(file.path, line, `"${word}" is listed twice`);
    words.add(word);
  }
  return words;
}

function readWordSet(file: LexiconFile): ReadonlySet<string> {
  const words = new Set<string>();
  for (const { text, line } of lexiconLines(file)) {
    if (/\s/.test(text) || text !== text.toLowerCase()) throw new LexiconError(file.path, line, `"${text}" is not one lower-case word`);
    if (words.has(text)) throw new LexiconError(file.path, line, `"${text}" is listed twice`);
    words.add(text);
  }
  return words;
}

function readSentenceAbbreviations(file: LexiconFile): ReadonlyMap<string, SentenceAbbreviation> {
  const abbreviations = new Map<string, SentenceAbbreviation>();
  for (const { fields, line } of lexiconLines(file)) {
    const [cls, written] = fields;
    if (fields.length !== 2 || !ABBREVIATION_CLASSES.has(cls!)) throw new LexiconError(file.path, line, 'expected: inner|final|unit|proper<TAB>abbreviation');
    if (!SENTENCE_ABBREVIATION_SHAPE.test(written!) || written !== written!.toLowerCase()) {
      throw new LexiconError(file.path, line, `"${written}" must be lower-case letters ending with a dot`);
    }
    const key = abbreviationKey(written!);
    if (abbreviations.has(key)) throw new LexiconError(file.path, line, `"${written}" is listed twice`);
    abbreviations.set(key, { class: cls as AbbreviationClass, parts: written!.split(' ').length });
  }
  return abbreviations;
}

/** The key of a sentence abbreviation: lower case without spaces ("т. е." → "т.е."). */
export function abbreviationKey(written: string): string {
  return written.toLowerCase().replace(/\s+/g, '');
}

function readNumberWords(file: LexiconFile): NumberWords {
  const digits = new Map<string, { words: Set<string>; stems: string[] }>();
  for (const { fields, line } of lexiconLines(file)) {
    const [digit, ...words] = fields.flatMap((f) => f.split(/\s+/));
    if (!/^[1-9]$/.test(digit!) || words.length === 0) throw new LexiconError(file.path, line, 'expected: a digit, a TAB, then its words (stems end with *)');
    const entry = digits.get(digit!) ?? { words: new Set<string>(), stems: [] };
    for (const word of words) {
      if (word !== word.toLowerCase()) throw new LexiconError(file.path, line, `"${word}" must be lower case`);
      if (word.endsWith('*')) entry.stems.push(word.slice(0, -1));
      else entry.words.add(word);
    }
    digits.set(digit!, entry);
  }
  return digits;
}

const HYPHENATION_KINDS = ['word-suffix', 'compound-first-ending', 'compound-second-ending'] as const;

function readHyphenation(file: LexiconFile): HyphenationRules {
  const rules = { wordSuffixes: new Set<string>(), compoundFirstEndings: [] as string[], compoundSecondEndings: [] as string[] };
  for (const { fields, line } of lexiconLines(file)) {
    const [kind, part] = fields;
    if (fields.length !== 2 || !(HYPHENATION_KINDS as readonly string[]).includes(kind!) || !/^\p{Ll}+$/u.test(part!)) {
      throw new LexiconError(file.path, line, `expected: ${HYPHENATION_KINDS.join('|')}, a TAB, then lower-case letters`);
    }
    if (kind === 'word-suffix') rules.wordSuffixes.add(part!);
    else if (kind === 'compound-first-ending') rules.compoundFirstEndings.push(part!);
    else rules.compoundSecondEndings.push(part!);
  }
  return rules;
}

function readMarkers(file: LexiconFile): Markers {
  const markers: Record<string, string[]> = {};
  for (const { fields, line } of lexiconLines(file)) {
    const [kind, phrase] = fields;
    const key = markerKindOf(kind!);
    if (fields.length !== 2 || !key) throw new LexiconError(file.path, line, `expected: a marker kind, a TAB, then a lower-case phrase (kinds: ${markerKindNames()})`);
    if (phrase !== phrase!.toLowerCase()) throw new LexiconError(file.path, line, `"${phrase}" must be lower case`);
    (markers[key] ??= []).push(phrase!);
  }
  return completeMarkers(markers);
}
