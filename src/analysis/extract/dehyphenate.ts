// Joining lines into a paragraph, undoing line-end hyphenation: «проведе-» + «нием» → «проведением»,
// but «научно-» + «технического» → «научно-технического». The document itself is the best judge
// (a word split at one line end is usually written whole somewhere else); the compound list in
// lexicons/hyphen-compounds.txt and a few spelling rules decide when the document is silent.
import { acrossLanguages } from '../languages/index.js';
import { phrasesPattern } from '../languages/markers.js';
import { LexiconError, readLexiconFile } from '../lexicon-files.js';
import { lexiconLines } from '../lexicon-lines.js';

const WORD = /[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)*/gu;
/** The last word of a line when it ends in a hyphen directly after a letter or digit (not a spaced dash). */
const HYPHENATED_WORD = /^[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)*[-‐‑]$/u;
const SOFT_HYPHEN_END = /\u00ad$/;
const HYPHENS = '-‐‑';
const LEADING_WORD = /^[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)*/u;
const MIN_SECOND_PART = 3;
const MIN_DOCUMENT_FIRST_PART = 4;
const MIN_PHRASE_PART = 4;

/**
 * Every analyzed language's hyphenation words and rules (the text's language is not known yet):
 * words after which a hanging hyphen is a suspended compound («научно- и опытно-конструкторские»);
 * suffixes that end a broken word ("public-" + "ity"); and endings of compound parts: first parts
 * of Russian compound adjectives are adverb-like stems («социально», «российско») followed by a
 * full adjective, and a plain word split at a line end rarely looks like that.
 */
const spelling = acrossLanguages((profiles) => ({
  suspensionWords: new Set(profiles.flatMap((p) => p.markers.suspension)),
  wordSuffixes: new Set(profiles.flatMap((p) => [...p.hyphenation.wordSuffixes])),
  compounds: profiles
    .filter((p) => p.hyphenation.compoundFirstEndings.length > 0 && p.hyphenation.compoundSecondEndings.length > 0)
    .map(({ hyphenation: h }) => ({
      first: new RegExp(`\\p{L}{2,}${phrasesPattern(h.compoundFirstEndings)}$`, 'u'),
      second: new RegExp(`\\p{L}{2,}${phrasesPattern(h.compoundSecondEndings)}$`, 'u'),
    })),
}));

interface CompoundList {
  firstParts: Set<string>;
  secondParts: Set<string>;
  /** Stems of second parts that inflect («посредник» for «банков-посредников»). */
  secondStems: string[];
  words: Set<string>;
}

let compoundList: CompoundList | undefined;

function loadCompoundList(): CompoundList {
  if (compoundList) return compoundList;
  const file = readLexiconFile('hyphen-compounds.txt');
  const list: CompoundList = { firstParts: new Set(), secondParts: new Set(), secondStems: [], words: new Set() };
  for (const { text: line, line: n } of lexiconLines(file)) {
    if (line !== line.toLowerCase() || /\s/.test(line)) throw new LexiconError(file.path, n, 'entries are single lower-case words');
    if (/^[^*-]+-\*$/.test(line)) list.firstParts.add(line.slice(0, -2));
    else if (/^\*-[^*-]+$/.test(line)) list.secondParts.add(line.slice(2));
    else if (/^\*-[^*-]+\*$/.test(line)) list.secondStems.push(line.slice(2, -1));
    else if (/^[^*]+-[^*]+$/.test(line)) list.words.add(line);
    else throw new LexiconError(file.path, n, 'expected "first-*", "*-second", "*-stem*" or a hyphenated word');
  }
  compoundList = list;
  return list;
}

/**
 * How often each word form occurs in the document away from line ends, where no hyphenation can
 * have touched it. Built once per document from all its lines.
 */
export class DocumentVocabulary {
  private readonly counts = new Map<string, number>();
  /** First parts of the hyphenated words («научно» of «научно-исследовательский»). */
  private readonly firstParts = new Map<string, number>();

  /**
   * Pairs of adjacent words, "local content", within one line: the words that follow each word.
   * Keyed by word rather than by the two words joined, which would build and hash a new string for
   * every word of the document (words hold no spaces, so either way tells the same pairs).
   */
  private readonly pairs = new Map<string, Set<string>>();

  constructor(paragraphs: readonly (readonly string[])[]) {
    for (const lines of paragraphs) {
      let previousHyphenated = false;
      for (const line of lines) {
        const words = (line.match(WORD) ?? []).map((w) => w.toLowerCase());
        const hyphenated = endsWithHyphen(line);
        const first = previousHyphenated ? 1 : 0;
        const last = hyphenated ? words.length - 1 : words.length;
        for (let w = first; w < last; w++) {
          this.add(words[w]!);
          if (w > first) this.addPair(words[w - 1]!, words[w]!);
        }
        previousHyphenated = hyphenated;
      }
    }
  }

  /** Whether the two words stand next to each other somewhere in the document. */
  hasPair(first: string, second: string): boolean {
    return this.pairs.get(first.toLowerCase())?.has(second.toLowerCase()) ?? false;
  }

  private addPair(first: string, second: string): void {
    const following = this.pairs.get(first);
    if (following) following.add(second);
    else this.pairs.set(first, new Set([second]));
  }

  count(word: string): number {
    return this.counts.get(word.toLowerCase()) ?? 0;
  }

  /** How many hyphenated words in the document begin with this part. */
  firstPartCount(part: string): number {
    return this.firstParts.get(part.toLowerCase()) ?? 0;
  }

  private add(word: string): void {
    this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
    const hyphen = word.search(/[-‐‑]/);
    if (hyphen > 0) {
      const first = word.slice(0, hyphen);
      this.firstParts.set(first, (this.firstParts.get(first) ?? 0) + 1);
    }
  }
}

function endsWithHyphen(line: string): boolean {
  const text = line.trimEnd();
  return SOFT_HYPHEN_END.test(text) || lineEndHyphenWord(text) !== null;
}

/** Longer "words" (no space in this many characters) are no hyphenated words: not examined. */
const MAX_WORD = 200;

/** Where the last run of non-space characters of `text` starts, looking back at most MAX_WORD + 1 characters. */
function lastWordStart(text: string): number {
  let i = text.length;
  while (i > 0 && text.length - i <= MAX_WORD && !/\s/.test(text[i - 1]!)) i--;
  return i;
}

/** "проведе" for a line ending in "…с проведе-"; null when the line does not end in a word hyphen. */
function lineEndHyphenWord(line: string): string | null {
  // Checked on the last word only: a regex anchored at the end of a long line would rescan it.
  if (!HYPHENS.includes(line[line.length - 1] ?? '')) return null;
  const start = lastWordStart(line);
  if (line.length - start > MAX_WORD) return null;
  const word = /[\p{L}\p{N}].*$/u.exec(line.slice(start))?.[0] ?? '';
  return HYPHENATED_WORD.test(word) ? word.slice(0, -1) : null;
}

/**
 * The lines of one paragraph as one line of text, hyphenation undone where it was a word break.
 * Each join looks at the previous line (and the word it continues) only, never at the text joined
 * so far: a paragraph of a million short lines is joined in linear time.
 */
export function joinLines(lines: readonly string[], vocabulary: DocumentVocabulary): string {
  const parts: string[] = [];
  /** The end of the text so far that a join decides on: the last line, after the word it continued. */
  let tail = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!parts.length) {
      parts.push(line);
      tail = line;
      continue;
    }
    const { dropLast, glue } = joinPair(tail, line, vocabulary);
    if (dropLast) {
      parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -1);
      tail = tail.slice(0, -1);
    }
    parts.push(glue + line);
    // Joined inside a word: the word goes on into this line and the next join must see all of it.
    tail = glue === ' ' ? line : tail.slice(lastWordStart(tail)) + glue + line;
  }
  return parts.join('');
}

/** How two lines meet: whether the first loses its last character (a hyphen), and what stands between. */
function joinPair(before: string, after: string, vocabulary: DocumentVocabulary): { dropLast: boolean; glue: '' | ' ' | '-' } {
  if (SOFT_HYPHEN_END.test(before)) return { dropLast: true, glue: '' };
  const left = lineEndHyphenWord(before);
  const next = LEADING_WORD.exec(after);
  if (left === null || !next) return { dropLast: false, glue: ' ' };
  switch (decideHyphen(left, next[0], vocabulary)) {
    case 'join':
      return { dropLast: true, glue: '' };
    case 'keep':
      return { dropLast: true, glue: '-' };
    case 'suspended':
      return { dropLast: false, glue: ' ' };
  }
}

export type HyphenDecision = 'join' | 'keep' | 'suspended';

/**
 * Whether "left-" at a line end followed by "right" on the next line is one word split by
 * hyphenation ('join'), a compound whose hyphen stays ('keep'), or a hanging hyphen before a
 * conjunction ('suspended': «научно- и опытно-»).
 */
export function decideHyphen(left: string, right: string, vocabulary: DocumentVocabulary): HyphenDecision {
  const leftPart = lastPart(left).toLowerCase();
  const rightPart = firstPart(right).toLowerCase();
  const rules = spelling();
  if (rules.suspensionWords.has(right.toLowerCase())) return 'suspended';
  // Numbers and ranges ("2014-2024", "COVID-19") and letters after digits keep their hyphen.
  if (/\p{N}$/u.test(left) || /^\p{N}/u.test(right)) return 'keep';

  // Evidence from the document: the joined or the hyphenated form written elsewhere in it.
  const joined = vocabulary.count(leftPart + rightPart) + vocabulary.count(left + right);
  const hyphenated = vocabulary.count(`${leftPart}-${rightPart}`) + vocabulary.count(`${left}-${right}`);
  if (joined > hyphenated) return 'join';
  if (hyphenated > joined) return 'keep';

  const leftWord = lastPart(left);
  // Capitals after the hyphen («Азиатско-Тихоокеанский») and abbreviations before it («ВЭБ-а»).
  if (/^\p{Lu}/u.test(right)) return 'keep';
  if (leftWord.length >= 2 && leftWord === leftWord.toUpperCase() && /\p{Lu}/u.test(leftWord)) return 'keep';

  const compounds = loadCompoundList();
  if (compounds.words.has(`${leftPart}-${rightPart}`)) return 'keep';
  if (compounds.secondParts.has(rightPart) && rightPart === right.toLowerCase()) return 'keep';
  if (compounds.secondStems.some((stem) => rightPart.startsWith(stem))) return 'keep';
  // "public-\nity", "local-\nly": an English suffix after the hyphen ends a word, it is no compound part.
  if (rules.wordSuffixes.has(rightPart)) return 'join';
  if (rightPart.length >= MIN_SECOND_PART) {
    if (compounds.firstParts.has(leftPart)) return 'keep';
    // Used as a compound's first part elsewhere in the document; short parts («по-» in
    // «по-прежнему») are also ordinary prefixes («по-\nставки»), so they do not count.
    if (leftPart.length >= MIN_DOCUMENT_FIRST_PART && vocabulary.firstPartCount(leftPart) > 0) return 'keep';
    if (rules.compounds.some((c) => c.first.test(leftPart) && c.second.test(rightPart))) return 'keep';
  }
  // Both parts are words of this document ("local", "content"), or even stand side by side in it:
  // "local-\ncontent" is then a compound of two words. Parts this long are rarely syllables that
  // happen to be words as well; the document shows a closed compound ("furthermore") written whole.
  const longParts = leftPart.length >= MIN_PHRASE_PART && rightPart.length >= MIN_PHRASE_PART;
  if (longParts && (vocabulary.hasPair(leftPart, rightPart) || (vocabulary.count(leftPart) > 0 && vocabulary.count(rightPart) > 0))) {
    return 'keep';
  }
  return 'join';
}

function lastPart(word: string): string {
  const parts = word.split(/[-‐‑]/);
  return parts[parts.length - 1]!;
}

function firstPart(word: string): string {
  return word.split(/[-‐‑]/)[0]!;
}
