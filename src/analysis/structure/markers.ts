// The words with which papers mark their parts — the markers of every analyzed language's profile
// (lexicons/<code>/markers.txt) — compiled into patterns per kind. A Russian paper prints an
// English abstract and an English one cites Russian works, so every language's markers serve
// every paper. Where a phrase must stand (a heading of its own, the start of a paragraph, anywhere)
// is part of what it means and is decided by the caller (startsWith, isMarkerHeading, contains).
import { acrossLanguages } from '../languages/index.js';
import type { Markers } from '../languages/markers.js';

/** The marker kinds of the profiles (src/analysis/languages/markers.ts) that the structure step reads. */
const STRUCTURE_KINDS = [
  'abstract',
  'keywords',
  'references',
  'appendix',
  'afterReferences',
  'acknowledgements',
  'introduction',
  'contents',
  'front',
  'genre',
  'authorLabel',
  'caption',
  'captionNote',
  'citation',
  'affiliation',
  'conclusions',
  'post',
] as const satisfies readonly (keyof Markers)[];

export type MarkerKind = (typeof STRUCTURE_KINDS)[number];


/** A heading's optional numbering: "1.", "7 ", "IV.", "Глава 2.", "Section 3". */
const NUMBERING = String.raw`(?:(?:глава|раздел|chapter|section|part)\s+)?(?:\d{1,2}(?:\.\d{1,2})*\.?|[ivx]{1,5}\.)?\s*`;
/** After the phrase: the end, or a non-letter (a colon, a dash, a space, a number). */
const AFTER = String.raw`(?![\p{L}])`;

interface MarkerPatterns {
  /** The phrase at the start of the text. */
  start: RegExp;
  /** The phrase, maybe numbered, as the whole text (a heading), with final punctuation allowed. */
  whole: RegExp;
  /** The phrase at the start of any word. */
  anywhere: RegExp;
  /** The phrase anywhere, also glued to the word before it (a text layer that lost its spaces). */
  inside: RegExp;
}

const patterns = acrossLanguages((profiles) => {
  const compiled = new Map<MarkerKind, MarkerPatterns>();
  for (const kind of STRUCTURE_KINDS) {
    // Longest first, so that "список использованной литературы" wins over "список".
    const phrases = [...new Set(profiles.flatMap((p) => p.markers[kind]))].sort((a, b) => b.length - a.length);
    const alternatives = phrases.length ? phrases.map(phraseSource).join('|') : '(?!)';
    compiled.set(kind, {
      // Matched against markerKey (lower case), so without the costly case-insensitive flag.
      start: new RegExp(`^(?:${alternatives})${AFTER}`, 'u'),
      whole: new RegExp(`^${NUMBERING}(?:${alternatives})\\s*[.:]?$`, 'u'),
      anywhere: new RegExp(`(?<![\\p{L}])(?:${alternatives})`, 'iu'),
      inside: new RegExp(`(?:${alternatives})${AFTER}`, 'u'),
    });
  }
  return compiled;
});

/** Any spacing between the words, also none ("ARTICLEINFO"); a final '*' stands for the rest of a word. */
function phraseSource(phrase: string): string {
  return phrase
    .split(/\s+/)
    .map((word) => (word.endsWith('*') ? `${escape(word.slice(0, -1))}\\p{L}*` : escape(word)))
    .join('\\s*');
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function get(kind: MarkerKind): MarkerPatterns {
  return patterns().get(kind)!;
}

/** Markers stand at the start: a paragraph's first characters are all that is read. */
const KEY_CHARS = 120;
let lastText = '';
let lastKey = '';

/**
 * The start of a paragraph as markers are matched against it, in lower case, with letter-spaced
 * print ("a b s t r a c t", "A R T I C L E  I N F O") read as words. The rules ask about one
 * paragraph several times in a row, so the last key is kept.
 */
export function markerKey(text: string): string {
  if (text === lastText) return lastKey;
  let head = text.slice(0, KEY_CHARS).trim().toLowerCase();
  if (head[1] === ' ' && head[3] === ' ' && /^(?:\p{L} ){3,}\p{L}/u.test(head)) head = head.replace(/(?<=\p{L}) (?=\p{L}(?: |$|[^\p{L}]))/gu, '');
  lastText = text;
  lastKey = head;
  return head;
}

/** The text starts with a marker of this kind (after letter-spacing is undone). */
export function startsWith(kind: MarkerKind, text: string): boolean {
  return get(kind).start.test(markerKey(text));
}

/** Length of the marker phrase at the start of the text (0 when none), to read what follows it. */
export function markerLength(kind: MarkerKind, text: string): number {
  const head = text.slice(0, KEY_CHARS).toLowerCase();
  const match = get(kind).start.exec(head);
  return match ? match[0].length : 0;
}

/** The whole text is a heading made of a marker of this kind (maybe numbered). */
export function isMarkerHeading(kind: MarkerKind, text: string): boolean {
  return text.length <= 80 && get(kind).whole.test(markerKey(text));
}

/** A marker of this kind stands within the first `chars` characters, also glued to the word before it. */
export function opensWith(kind: MarkerKind, text: string, chars: number): boolean {
  return get(kind).inside.test(markerKey(text).slice(0, chars));
}

/** A marker of this kind stands anywhere in the text, at the start of a word. */
export function contains(kind: MarkerKind, text: string): boolean {
  return get(kind).anywhere.test(text);
}
