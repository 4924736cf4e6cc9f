// The words with which papers mark their parts (lexicons/structure-markers.txt), compiled into one
// pattern per kind. Russian and English journals, theses and reports use the same few dozen
// phrases; where a phrase must stand (a heading of its own, the start of a paragraph, anywhere)
// is part of what it means and is decided here, per kind.
import { LexiconError } from '../lexicon-files.js';
import { readLexiconEntries } from '../lexicon-entries.js';

export type MarkerKind =
  | 'abstract'
  | 'keywords'
  | 'references'
  | 'appendix'
  | 'after'
  | 'acknowledgements'
  | 'introduction'
  | 'contents'
  | 'front'
  | 'genre'
  | 'author-label'
  | 'caption'
  | 'note'
  | 'citation'
  | 'affiliation';

const KINDS: readonly MarkerKind[] = [
  'abstract', 'keywords', 'references', 'appendix', 'after', 'acknowledgements', 'introduction', 'contents', 'front', 'genre',
  'author-label', 'caption', 'note', 'citation', 'affiliation',
];

/** A heading's optional numbering: "1.", "7 ", "IV.", "Глава 2.", "Section 3". */
const NUMBERING = String.raw`(?:(?:глава|раздел|chapter|section|part)\s+)?(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.)?\s*`;
/** After the phrase: the end, or a non-letter (a colon, a dash, a space, a number). */
const AFTER = String.raw`(?![\p{L}])`;

interface MarkerPatterns {
  /** The phrase at the start of the text. */
  start: RegExp;
  /** The phrase, maybe numbered, as the whole text (a heading), with final punctuation allowed. */
  whole: RegExp;
  /** The phrase at the start of any word. */
  anywhere: RegExp;
}

const patterns = new Map<MarkerKind, MarkerPatterns>();

{
  const phrases = new Map<MarkerKind, string[]>(KINDS.map((k) => [k, []]));
  const { path, entries } = readLexiconEntries('structure-markers.txt');
  for (const { fields, line } of entries) {
    const [kind, phrase] = fields;
    if (fields.length !== 2 || !phrases.has(kind as MarkerKind)) throw new LexiconError(path, line, `expected: KIND<TAB>phrase, KIND one of ${KINDS.join(', ')}`);
    if (phrase !== phrase!.toLowerCase()) throw new LexiconError(path, line, `"${phrase}" must be in lower case`);
    phrases.get(kind as MarkerKind)!.push(phrase!);
  }
  for (const [kind, list] of phrases) {
    // Longest first, so that "список использованной литературы" wins over "список".
    const alternatives = list.sort((a, b) => b.length - a.length).map(phraseSource).join('|');
    patterns.set(kind, {
      start: new RegExp(`^(?:${alternatives})${AFTER}`, 'iu'),
      whole: new RegExp(`^${NUMBERING}(?:${alternatives})\\s*[.:]?$`, 'iu'),
      anywhere: new RegExp(`(?<![\\p{L}])(?:${alternatives})`, 'iu'),
    });
  }
}

function phraseSource(phrase: string): string {
  return phrase
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('\\s*');
}

function get(kind: MarkerKind): MarkerPatterns {
  return patterns.get(kind)!;
}

/** Letter-spaced print ("a b s t r a c t", "A R T I C L E  I N F O") read as words. */
export function markerKey(text: string): string {
  const head = text.slice(0, 120).trim();
  if (!/^(?:\p{L} ){3,}\p{L}/u.test(head)) return head;
  return head.replace(/(?<=\p{L}) (?=\p{L}(?: |$|[^\p{L}]))/gu, '');
}

/** The text starts with a marker of this kind (after letter-spacing is undone). */
export function startsWith(kind: MarkerKind, text: string): boolean {
  return get(kind).start.test(markerKey(text));
}

/** Length of the marker phrase at the start of the text (0 when none), to read what follows it. */
export function markerLength(kind: MarkerKind, text: string): number {
  const match = get(kind).start.exec(text);
  return match ? match[0].length : 0;
}

/** The whole text is a heading made of a marker of this kind (maybe numbered). */
export function isMarkerHeading(kind: MarkerKind, text: string): boolean {
  return text.length <= 80 && get(kind).whole.test(markerKey(text));
}

/** A marker of this kind stands anywhere in the text, at the start of a word. */
export function contains(kind: MarkerKind, text: string): boolean {
  return get(kind).anywhere.test(text);
}
