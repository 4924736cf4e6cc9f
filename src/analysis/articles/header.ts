// An article's head as journals print it: maybe a classification line (UDC, JEL, DOI…), then a
// title of one or more short lines, then an author line of names — where the title's last line
// and the names may share one paragraph («… НОВОГО ПОКОЛЕНИЯ Узденова С.Б., Астафьев В.А.») —
// or the author line first and the title under it.
// A header is only read where the lines are short: prose ends the search.
import { startsWith } from '../structure/markers.js';
import { isAllCaps, isProse, script, wordCount } from '../structure/paragraph.js';
import { authorsOf, lineOfNames, namesWithInitials } from './authors.js';

/** A title and the classification lines above it take at most this many paragraphs. */
const MAX_HEADER_PARAGRAPHS = 8;
/** A title line is short; longer text is a paragraph of prose or an abstract. */
const MAX_TITLE_WORDS = 40;
/** An author line names a few people, not a paragraph's worth. */
const MAX_AUTHOR_WORDS = 24;
/** Names glued after a title's last line: at most this many words at its end. */
const MAX_TAIL_WORDS = 16;
/** A title says something: at least this many letters. */
const MIN_TITLE_LETTERS = 8;

export interface ArticleHeader {
  /** Index of the header's first paragraph (the classification line if any, else the title). */
  first: number;
  /** Index of the paragraph after the author line. */
  after: number;
  title: string;
  authors: string[];
  classified: boolean;
}

/** A classification or identifier line printed above a title: UDC, JEL, DOI, BBK… */
export function isClassificationLine(text: string): boolean {
  return wordCount(text) <= 12 && startsWith('front', text) && /\d/.test(text);
}

/**
 * The header starting at paragraph `from`, or null. `texts[i]` is paragraph i as one line;
 * `display(i)` says whether the paragraph is printed larger than the body (when the layout knows),
 * `sizeOf(i)` its print size relative to the body (null when unknown).
 * A classification line met after some title lines starts the header again: what came before
 * was a section rubric of the issue («ПЕДАГОГИКА»), not the title.
 */
export function readHeader(texts: readonly string[], from: number, requireDisplay: (i: number) => boolean, sizeOf: (i: number) => number | null = () => null): ArticleHeader | null {
  let first = from;
  let classified = false;
  const title: string[] = [];
  /** Names printed above the title, as some journals put them: the title then ends where its print does. */
  let namesAbove: string[] = [];
  const titleEnds = (i: number) => (namesAbove.length > 0 && title.length > 0 ? finish(first, i, title, namesAbove, classified) : null);
  for (let i = from; i < Math.min(texts.length, from + MAX_HEADER_PARAGRAPHS); i++) {
    const text = texts[i]!;
    if (isClassificationLine(text)) {
      first = i;
      classified = true;
      title.length = 0;
      continue;
    }
    if (title.length === 0 && namesAbove.length === 0 && wordCount(text) <= MAX_AUTHOR_WORDS) {
      namesAbove = lineOfNames(text);
      if (namesAbove.length > 0) continue;
    }
    if (title.length > 0 && namesAbove.length === 0 && wordCount(text) <= MAX_AUTHOR_WORDS) {
      const authors = sameSize(sizeOf(i - 1), sizeOf(i)) ? namesWithInitials(text) : authorsOf(text);
      if (authors.length > 0) return finish(first, i + 1, title, authors, classified);
    }
    if (wordCount(text) > MAX_TITLE_WORDS || isProse(text) || startsWith('abstract', text) || startsWith('keywords', text)) return titleEnds(i);
    if (!classified && !requireDisplay(i)) return titleEnds(i);
    // The title's translation starts (another script): the author line between was not read.
    if (title.length > 0 && script(text) !== script(title[0]!)) return finish(first, i, title, namesAbove, classified);
    if (namesAbove.length > 0 && title.length > 0 && !sameSize(sizeOf(i - 1), sizeOf(i))) return titleEnds(i);
    const glued = namesAbove.length === 0 ? splitTrailingNames(text) : null;
    if (glued) return finish(first, i + 1, [...title, glued.title], glued.authors, classified);
    title.push(text);
  }
  return titleEnds(Math.min(texts.length, from + MAX_HEADER_PARAGRAPHS));
}

/** Print sizes differing by less than this share are one size. */
const SAME_SIZE = 0.05;

function sameSize(a: number | null, b: number | null): boolean {
  return a !== null && b !== null && Math.abs(a - b) <= SAME_SIZE * Math.max(a, b);
}

function finish(first: number, after: number, title: string[], authors: string[], classified: boolean): ArticleHeader | null {
  const text = title.join(' ').replace(/\s+/g, ' ').trim();
  if ((text.match(/\p{L}/gu) ?? []).length < MIN_TITLE_LETTERS) return null;
  return { first, after, title: text, authors, classified };
}

/** A title line in capitals followed by names in ordinary print: the two parts, or null. */
function splitTrailingNames(text: string): { title: string; authors: string[] } | null {
  const words = text.trim().split(/\s+/);
  for (let k = Math.min(MAX_TAIL_WORDS, words.length - 1); k >= 2; k--) {
    const head = words.slice(0, words.length - k).join(' ');
    const tail = words.slice(words.length - k).join(' ');
    // The names must take the whole tail: every part of it read as a name.
    if (/^\p{Lu}\p{Ll}/u.test(tail) && isAllCaps(head)) {
      const authors = lineOfNames(tail);
      if (authors.length > 0) return { title: head, authors };
    }
  }
  return null;
}
