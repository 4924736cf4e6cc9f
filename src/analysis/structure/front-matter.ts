// The front matter — everything before the body starts: which paragraphs are the title (and its
// English version), the author lines, the affiliations, the abstracts, the keywords, and the
// journal's own lines (headers, codes, dates, licences).
//
// The title is found as a reader finds it. In a PDF it is the largest print of the first page —
// unless that print is the journal's name, which the running headers of the other pages repeat.
// In plain text (or a PDF whose title is set in the body size) it is the line that looks like a
// title (short, no final full stop) and stands where titles stand: a Markdown heading, a line in
// capitals, a line next to the author line, the line after "Master's thesis".
import type { Zone } from '../types.js';
import { contains, isMarkerHeading, markerLength, startsWith } from './markers.js';
import { authorNames } from './names.js';
import { isAllCaps, isProse, letterShare, script, wordCount, type StructureParagraph } from './paragraph.js';

/** A title is printed this much larger than the body text. */
const TITLE_MIN_SIZE = 1.15;
/** Lines of one title are printed in one size (within this share). */
const SAME_SIZE = 0.04;
const MAX_TITLE_CHARS = 350;
const MAX_TITLE_WORDS = 40;
/** Author lines follow the title within this many paragraphs (or precede it within AUTHORS_BEFORE). */
const AUTHORS_AFTER = 6;
const AUTHORS_BEFORE = 3;
/** The name follows "Author:" within this many paragraphs (a thesis's title page). */
const AFTER_AUTHOR_LABEL = 5;
/** An author line is no paragraph of prose. */
const MAX_AUTHOR_LINE_WORDS = 60;
/** A paragraph of an abstract printed without its heading has a sentence or more. */
const ABSTRACT_MIN_WORDS = 6;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
const POSTAL = /\b\d{5,6}\b.*\p{Lu}|\bул\.|\bstreet\b|\broad\b|\bavenue\b/iu;
/** A junk paragraph inside a title (a logo's letter): no word of two letters. */
const JUNK = /^[^\p{L}]*\p{L}?[^\p{L}]*$/u;
/** A logo's lettering beside a title ("MARK" of CrossMark): one word in smaller print. */
const LOGO_WORD = /^\S+$/u;

export interface FrontMatter {
  /** Zones of the front paragraphs (index < bodyStart). */
  zones: Zone[];
  bodyStart: number;
  title: number[];
  titleEn: number[];
  /** Paragraphs whose text is an author line, the title's script first. */
  authorLines: number[];
  /** The journal's name, when the largest print of page 1 turned out to be it. */
  venue: string | null;
}

type Candidate = { i: number; score: number };

export function readFrontMatter(
  paragraphs: readonly StructureParagraph[],
  bodyStart: number,
  furniture: ReadonlySet<number>,
  furnitureTexts: readonly string[],
): FrontMatter {
  const zones: Zone[] = [];
  const open: number[] = []; // paragraphs no marker decided
  let list: 'keywords' | 'front' | 'abstract' | null = null;
  for (let i = 0; i < bodyStart; i++) {
    const p = paragraphs[i]!;
    const text = p.text;
    if (p.footnote) {
      zones[i] = 'footnote';
      continue;
    }
    if (furniture.has(i)) {
      zones[i] = 'front';
      continue;
    }
    if (startsWith('keywords', text)) {
      zones[i] = 'keywords';
      list = introducesList(text, 'keywords') ? 'keywords' : null;
    } else if (startsWith('abstract', text)) {
      const rest = text.length - markerLength('abstract', text);
      zones[i] = rest > 20 ? 'abstract' : 'heading';
      list = 'abstract';
    } else if (startsWith('front', text) || startsWith('citation', text) || isMarkerHeading('genre', text) || isMarkerHeading('contents', text) || startsWith('acknowledgements', text)) {
      zones[i] = 'front';
      list = introducesList(text, 'front') || isMarkerHeading('contents', text) ? 'front' : null;
    } else if (list === 'abstract' && isProse(text)) {
      zones[i] = 'abstract';
    } else if (list === 'keywords' && zones[i - 1] === 'keywords' && !isProse(text)) {
      zones[i] = 'keywords'; // the keywords, one per line or run together in one paragraph
    } else if (list === 'front' && isShortListLine(text)) {
      zones[i] = 'front';
    } else {
      zones[i] = 'front';
      open.push(i);
      list = null;
    }
  }
  const venues = furnitureVenues(paragraphs, open, furnitureTexts);
  const title = findTitle(paragraphs, open, venues);
  const titleSet = new Set(title);
  const titleEn = title.length && script(paragraphs[title[0]!]!.text) === 'cyrillic' ? findEnglishTitle(paragraphs, open, titleSet, venues) : [];
  for (const i of title) zones[i] = 'title';
  for (const i of titleEn) zones[i] = 'title';
  const authorLines = findAuthorLines(paragraphs, open, title, titleEn, venues);
  for (const i of authorLines) zones[i] = 'authors';
  for (const i of open) {
    if (zones[i] !== 'front') continue;
    const text = paragraphs[i]!.text;
    const affiliation = contains('affiliation', text) || EMAIL.test(text) || POSTAL.test(text);
    if (affiliation && !isProse(text)) zones[i] = 'affiliation';
    else if (isSentences(text)) zones[i] = 'abstract'; // an abstract printed without its heading
    else if (affiliation) zones[i] = 'affiliation';
  }
  return { zones, bodyStart, title, titleEn, authorLines, venue: venueOf(paragraphs, venues) };
}

/** Sentences, not a line of front matter: words enough, mostly letters, a final full stop. */
function isSentences(text: string): boolean {
  return wordCount(text) >= ABSTRACT_MIN_WORDS && /[.!?…]$/.test(text.trim()) && letterShare(text) > 0.6;
}

function isShortListLine(text: string): boolean {
  return wordCount(text) <= 8 && !/[.!?]$/.test(text);
}

/** "Keywords:", "JEL classification:", "Article history:": a marker alone, its list below it. */
function introducesList(text: string, kind: 'keywords' | 'front'): boolean {
  return /:\s*$/.test(text) || text.length <= markerLength(kind, text) + 2;
}

/**
 * Front paragraphs that the running headers of other pages repeat: the journal's name printed
 * large on page 1 ("Research Policy", "Technovation"), never the title of the paper.
 */
function furnitureVenues(paragraphs: readonly StructureParagraph[], open: number[], furnitureTexts: readonly string[]): Set<number> {
  const venues = new Set<number>();
  if (furnitureTexts.length === 0) return venues;
  const headers = furnitureTexts.map(letterKey);
  for (const i of open) {
    // Only print set larger than the body can be the journal's name on a cover box; in plain text
    // the running headers repeat authors and titles too.
    if ((paragraphs[i]!.relativeSize ?? 0) < TITLE_MIN_SIZE) continue;
    const key = letterKey(paragraphs[i]!.text);
    if (key.length >= 4 && wordCount(paragraphs[i]!.text) <= 8 && headers.some((h) => h.includes(key))) venues.add(i);
  }
  return venues;
}

function venueOf(paragraphs: readonly StructureParagraph[], venues: Set<number>): string | null {
  // The largest print among them is the name on the cover box.
  let best: StructureParagraph | null = null;
  for (const i of venues) {
    const p = paragraphs[i]!;
    if (!best || (p.relativeSize ?? 0) > (best.relativeSize ?? 0)) best = p;
  }
  return best?.text ?? null;
}

function letterKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}]+/gu, '');
}

function titleLike(p: StructureParagraph): boolean {
  const text = p.text.trim();
  if (text.length < 3 || text.length > MAX_TITLE_CHARS || wordCount(text) > MAX_TITLE_WORDS) return false;
  if (letterShare(text) < 0.6 || !/^[\p{Lu}«"“'‘(\d]/u.test(text)) return false;
  if (/[,;:]$/.test(text)) return false;
  return authorNames(text).length === 0 && !EMAIL.test(text);
}

function findTitle(paragraphs: readonly StructureParagraph[], open: number[], venues: Set<number>): number[] {
  return findBySize(paragraphs, open, venues) ?? findByShape(paragraphs, open, venues, () => true);
}

/** PDF: the largest print of the first page, if it is larger than the body. */
function findBySize(paragraphs: readonly StructureParagraph[], open: number[], venues: Set<number>): number[] | null {
  const firstPage = open.length ? paragraphs[open[0]!]!.page : null;
  if (firstPage === null) return null;
  let best = -1;
  for (const i of open) {
    const p = paragraphs[i]!;
    if (p.page !== firstPage || venues.has(i) || p.relativeSize === null || p.relativeSize < TITLE_MIN_SIZE) continue;
    if (!/\p{L}{3}/u.test(p.text) || !titleLike(p)) continue;
    if (best < 0 || p.relativeSize > paragraphs[best]!.relativeSize! + 0.01) best = i;
  }
  if (best < 0) return null;
  const size = paragraphs[best]!.relativeSize!;
  const sameSize = (i: number) => open.includes(i) && !venues.has(i) && Math.abs((paragraphs[i]!.relativeSize ?? 0) - size) <= SAME_SIZE * size;
  const lines = [best];
  // Lines of the title set as paragraphs of their own, maybe around a logo's stray letter or word.
  const logo = (p: StructureParagraph) => JUNK.test(p.text) || (LOGO_WORD.test(p.text.trim()) && (p.relativeSize ?? size) < (1 - SAME_SIZE) * size);
  for (let i = best + 1; i < paragraphs.length; i++) {
    if (sameSize(i)) lines.push(i);
    else if (!(logo(paragraphs[i]!) && sameSize(i + 1))) break;
  }
  for (let i = best - 1; i >= 0 && sameSize(i); i--) lines.unshift(i);
  return lines;
}

/** Text: the best-placed title-like run of lines. */
function findByShape(paragraphs: readonly StructureParagraph[], open: number[], venues: Set<number>, accept: (i: number) => boolean): number[] {
  const openSet = new Set(open);
  const candidates: Candidate[] = [];
  for (const i of open) {
    const p = paragraphs[i]!;
    if (venues.has(i) || !accept(i) || !titleLike(p)) continue;
    let score = 0;
    if (contains('affiliation', p.text)) score -= 2;
    if (p.heading) score += 3;
    if (isAllCaps(p.text)) score += 2;
    if (isAuthorLine(paragraphs[nextOpen(paragraphs, i, 1)]?.text)) score += 2;
    if (isAuthorLine(paragraphs[nextOpen(paragraphs, i, -1)]?.text)) score += 1;
    if (previousIsGenre(paragraphs, i)) score += 2;
    if (/[.]$/.test(p.text) || /\s\/\s/.test(p.text)) score -= 1;
    if (/(?<!\d)(?:19|20)\d{2}(?!\d)/.test(p.text) && /(?:№|Vol|Т\.|No\.)/.test(p.text)) score -= 3;
    if (candidates.length === 0) score += 1;
    candidates.push({ i, score });
  }
  if (candidates.length === 0) return [];
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  const style = (i: number) => `${isAllCaps(paragraphs[i]!.text)}:${script(paragraphs[i]!.text)}:${paragraphs[i]!.heading ?? false}`;
  const continues = (i: number) => openSet.has(i) && !venues.has(i) && accept(i) && titleLike(paragraphs[i]!) && style(i) === style(best.i) && !paragraphs[i]!.heading;
  const lines = [best.i];
  // A title broken over lines: neighbouring title-like lines in the same style (capitals, script).
  if (!paragraphs[best.i]!.heading) {
    for (let i = best.i + 1; continues(i) && joinedLength(paragraphs, [...lines, i]) <= MAX_TITLE_CHARS; i++) lines.push(i);
    for (let i = best.i - 1; i >= 0 && continues(i) && joinedLength(paragraphs, [i, ...lines]) <= MAX_TITLE_CHARS; i--) lines.unshift(i);
  }
  return lines;
}

/** A Russian paper's English title: the best title-like run in Latin script after the title. */
function findEnglishTitle(paragraphs: readonly StructureParagraph[], open: number[], title: Set<number>, venues: Set<number>): number[] {
  const after = Math.max(...title);
  return findByShape(paragraphs, open.filter((i) => i > after), venues, (i) => !title.has(i) && script(paragraphs[i]!.text) === 'latin');
}

function joinedLength(paragraphs: readonly StructureParagraph[], lines: number[]): number {
  return lines.reduce((n, i) => n + paragraphs[i]!.text.length + 1, 0);
}

function nextOpen(paragraphs: readonly StructureParagraph[], i: number, step: 1 | -1): number {
  let j = i + step;
  while (j >= 0 && j < paragraphs.length && JUNK.test(paragraphs[j]!.text)) j += step;
  return j;
}

function previousIsGenre(paragraphs: readonly StructureParagraph[], i: number): boolean {
  const previous = paragraphs[nextOpen(paragraphs, i, -1)];
  return previous !== undefined && isMarkerHeading('genre', previous.text);
}

function isAuthorLine(text: string | undefined): boolean {
  return text !== undefined && wordCount(text) <= MAX_AUTHOR_LINE_WORDS && authorNames(text).length > 0;
}

/**
 * Author lines: next to the title (below it, or above it as some Russian journals print them),
 * next to the English title, or after an "Author:" label on a thesis's title page.
 */
function findAuthorLines(paragraphs: readonly StructureParagraph[], open: number[], title: number[], titleEn: number[], venues: Set<number>): number[] {
  const taken = new Set([...title, ...titleEn]);
  const candidates = open.filter((i) => !taken.has(i) && !venues.has(i) && isAuthorLine(paragraphs[i]!.text));
  const labelled = open.filter((i) => startsWith('authorLabel', paragraphs[i]!.text));
  let lines: number[];
  if (title.length) {
    const first = title[0]!;
    const last = title[title.length - 1]!;
    lines = candidates.filter((i) => i > last && i - last <= AUTHORS_AFTER);
    if (lines.length === 0) lines = candidates.filter((i) => i < first && first - i <= AUTHORS_BEFORE);
    if (titleEn.length) {
      const lastEn = titleEn[titleEn.length - 1]!;
      lines.push(...candidates.filter((i) => !lines.includes(i) && Math.abs(i - lastEn) <= 2));
    }
  } else {
    lines = candidates.slice(0, 1);
  }
  // A title page that labels its author ("Автор:") names supervisors and reviewers too: only the labelled name counts.
  const named = labelled.map((label) => candidates.find((i) => i > label && i - label <= AFTER_AUTHOR_LABEL)).filter((i): i is number => i !== undefined);
  if (named.length) return [...new Set(named)].sort((a, b) => a - b);
  return lines.sort((a, b) => a - b);
}
