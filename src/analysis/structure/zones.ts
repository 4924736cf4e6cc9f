// Every paragraph's zone, read as a reader reads a paper: first the front matter (title, authors,
// affiliations, the journal's lines, abstracts and keywords) up to where the body starts, then the
// body with its headings, captions, tables and footnotes, until the bibliography, appendices and
// notes on the authors. Cues are the ones any paper gives: the marker words of
// lexicons/structure-markers.txt, print size and small print from the PDF layout, Markdown
// headings, the shape of a line (a name, a numbered reference entry, a row of numbers), text
// repeated on many pages. Nothing here knows a particular journal.
import type { Zone } from '../types.js';
import { readFrontMatter, type FrontMatter } from './front-matter.js';
import { isMarkerHeading, markerLength, opensWith, startsWith } from './markers.js';
import { mayBeHeader } from './text-furniture.js';
import { isProse, letterShare, script, wordCount, type StructureParagraph } from './paragraph.js';

/** Where the body starts when nothing marks it: within the first pages or paragraphs of the paper. */
const FRONT_PAGES = 3;
const FRONT_TEXT_PARAGRAPHS = 60;
const FRONT_TEXT_SHARE = 0.15;
/** Lines of a list under "Keywords:" or "JEL classification:" are this short. */
const LIST_LINE_WORDS = 6;
/** Front-matter lines met in the body (a corresponding author's note, a DOI line) are short. */
const SHORT_FRONT_WORDS = 30;
const SHORT_FRONT_CHARS = 400;
/** A heading is short and not a sentence. */
const MAX_HEADING_CHARS = 150;
const MAX_HEADING_WORDS = 15;
/** Print this much smaller than the body is small print (as the PDF layout reads footnotes). */
const SMALL_PRINT = 0.9;
/** Print this much larger than the body is a heading whatever its punctuation. */
const HEADING_SIZE = 1.1;
/** A trailing run of at least this many entry-like paragraphs is a bibliography without a heading. */
const MIN_UNHEADED_REFERENCES = 3;
const MAX_NUMBER_GAP = 4;
/** An item of a numbered list: "1. …", "[2] …", "3) …". */
const NUMBERED_ITEM = /^\[?(\d{1,3})[.)\]]\s*\S/;
/** What cited works carry: a year, a link, «//» before the journal, a page range. */
const CITES = /(?<!\d)(?:1[89]|20)\d{2}(?!\d)|https?:|www\.|\s\/\/\s|\d+\s?[–-]\s?\d+/;
/** A line repeated this often in plain text is a running header (page furniture). */
const TEXT_FURNITURE_REPEATS = 3;

const TABLE_SAMPLE = 300;
const TABLE_CELL = /^(?:[-–+−]?[\d\s.,%()$€₽*]+|[A-Z]\d{2}|—|–|-|n\/a|н\/д|x|×)$/iu;
const PAGE_NUMBER = /^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$/;
const REFERENCE_ENTRY = new RegExp(
  [
    // 1. Иванов И.И. … / [12] Smith J. … / Smith, J., 2015. …
    String.raw`^(?:\[?\d{1,3}[.)\]]\s*)?\p{Lu}[\p{L}'’-]+,?\s+(?:\p{Lu}\.\s?){1,3}`,
    // «//» between the work and the journal, as Russian bibliographies print it
    String.raw`\s//\s`,
    // Surname, F., Surname, F., (2015) or 2015.
    String.raw`^\p{Lu}[\p{L}'’-]+,\s+\p{Lu}[\p{L}.\s-]{0,40}[,(]\s*(?:19|20)\d{2}[a-z]?[).,]`,
  ].join('|'),
  'u',
);
/** A note on an author opens with a full name, and the town, a dash, "is" or the post follows (isAuthorNote). */
const AUTHOR_NOTE_NAME = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2}/u;
const AFTER_AUTHOR_NOTE_NAME = /^(?:\s\([\p{L}\s.-]+\)|\s?[–—]\s|\sis\s)/u;
/** A biography names the author's post within its first characters ("X is Associate Professor of …"). */
const BIOGRAPHY_POST_CHARS = 60;
const HAS_YEAR = /(?<!\d)(?:1[89]|20)\d{2}(?!\d)/;
/**
 * What only a bibliographic entry writes: a link's label and access date, «//» before the journal,
 * the slash before the authors, page counts and ranges, the publisher.
 */
const BIBLIOGRAPHIC_APPARATUS = /URL:|\(дата обращения|\baccessed\b|\s\/\/\s|\s\/\s\p{Lu}\.|[–-]\s?\d+\s?с\.|\b[СC]\.\s?\d+\s?[–-]\s?\d|\bpp\.\s?\d|\bVol\.\s?\d|Изд-во|[Ии]здательство/u;
const YEARS = /(?<!\d)(?:1[89]|20)\d{2}(?!\d)/g;
/** In a bibliography a name comes every dozen words or so; prose names people far more rarely. */
const WORDS_PER_CITED_NAME = 15;
const BIBLIOGRAPHIC_SAMPLE = 600;
/** An author as a bibliography lists them: «Иванов И.И.», "Smith, J.", "Smith, J.R.". */
const CITED_NAME = /\p{Lu}[\p{Ll}'’-]+,?\s(?:\p{Lu}\.\s?){1,3}(?:,|\s|$)/gu;
/** An appendix's heading: "Appendix A.", "Appendix B. Supplementary data", «Приложение 1». */
const APPENDIX_HEADING_WORDS = 8;
const CAPTION_LABEL_END = /^\s*(?:\d+(?:\.\d+)*|[IVX]+|[A-ZА-Я])(?:\s*$|\s*[.:|—–-]|\s+(?=[\p{Lu}«"(]))/u;
const DOI = /\b10\.\d{4,9}\/\S+/;
const FOOTNOTE_MARK = /^[¹²³⁴⁵⁶⁷⁸⁹⁰*∗†‡]+\s*\S/u;
/** What opens a note at a page's foot: its number or sign. */
const NOTE_START = /^(?:\d{1,3}(?!\d)[).]?(?=\s|\p{L})|[¹²³⁴⁵⁶⁷⁸⁹⁰*∗†‡§¶☆★])/u;
const LEADING_MARKS = /^[\s*∗†‡§⁎¹²³⁴⁵⁶⁷⁸⁹⁰\u0002]+/u;

export interface ZoneResult {
  zones: Zone[];
  front: FrontMatter;
}

export function assignZones(paragraphs: readonly StructureParagraph[], furnitureTexts: readonly string[]): ZoneResult {
  const zones: Zone[] = paragraphs.map(() => 'body');
  const repeated = textFurniture(paragraphs);
  const bodyStart = findBodyStart(paragraphs, repeated);
  const front = readFrontMatter(paragraphs, bodyStart, repeated, furnitureTexts);
  front.zones.forEach((zone, i) => (zones[i] = zone));
  markBody(paragraphs, zones, bodyStart, repeated);
  markUnheadedReferences(paragraphs, zones, bodyStart);
  markCitationNotes(paragraphs, zones, bodyStart);
  return { zones, front };
}

/**
 * Plain text keeps the running headers and page numbers that a PDF-to-text tool printed: lines
 * repeated several times (digits aside), and lines that are only a number.
 */
function textFurniture(paragraphs: readonly StructureParagraph[]): Set<number> {
  const found = new Set<number>();
  if (paragraphs.some((p) => p.page !== null)) return found;
  const byKey = new Map<string, number[]>();
  paragraphs.forEach((p, i) => {
    if (PAGE_NUMBER.test(p.text.trim())) found.add(i);
    if (p.heading || !mayBeHeader(p.text.trim())) return;
    const key = p.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  for (const list of byKey.values()) if (list.length >= TEXT_FURNITURE_REPEATS) for (const i of list) found.add(i);
  return found;
}

/**
 * The first paragraph of the body: the introduction's heading (or the first numbered heading) when
 * the front pages have one, else the paragraph after the last keywords, abstract or front line of
 * the front pages, else the first paragraph of prose.
 */
function findBodyStart(paragraphs: readonly StructureParagraph[], repeated: Set<number>): number {
  const window = frontWindow(paragraphs);
  let lastMarked = -1;
  let inAbstract = false;
  for (let i = 0; i < window; i++) {
    const p = paragraphs[i]!;
    if (repeated.has(i) || p.footnote) continue;
    const text = stripLeadingMarks(p.text);
    if (isMarkerHeading('introduction', text) || (isNumberedHeading(p) && !startsWith('front', text))) return i;
    if (isMarkerHeading('references', text)) break;
    if (startsWith('keywords', text) || startsWith('abstract', text)) {
      lastMarked = i;
      inAbstract = startsWith('abstract', text);
      continue;
    }
    // The paragraphs of an abstract under its own heading belong to it.
    if (inAbstract && isProse(p.text)) lastMarked = i;
    else inAbstract = false;
  }
  if (lastMarked >= 0) {
    let end = lastMarked + 1;
    // Keywords listed one per line under their marker.
    while (end < window && isListLine(paragraphs[end]!)) end++;
    return end;
  }
  return firstProse(paragraphs, window, repeated);
}

function frontWindow(paragraphs: readonly StructureParagraph[]): number {
  const firstPage = paragraphs.find((p) => p.page !== null)?.page;
  if (firstPage !== undefined && firstPage !== null) {
    const end = paragraphs.findIndex((p) => p.page !== null && p.page >= firstPage + FRONT_PAGES);
    return end < 0 ? paragraphs.length : end;
  }
  return Math.min(paragraphs.length, Math.max(FRONT_TEXT_PARAGRAPHS, Math.round(FRONT_TEXT_SHARE * paragraphs.length)));
}

/**
 * Without markers the body starts at the first paragraph of prose — unless it is followed by a
 * paragraph of prose in the other script of similar length: two parallel abstracts, as bilingual
 * papers open.
 */
function firstProse(paragraphs: readonly StructureParagraph[], window: number, repeated: Set<number>): number {
  for (let i = 0; i < window; i++) {
    const p = paragraphs[i]!;
    if (repeated.has(i) || !isProse(p.text)) continue;
    const next = paragraphs[i + 1];
    if (next && isProse(next.text) && script(next.text) !== script(p.text)) {
      const ratio = next.text.length / p.text.length;
      if (ratio > 0.5 && ratio < 2) return i + 2;
    }
    return i;
  }
  return 0;
}

/** The body's zones, section by section, from bodyStart on. */
function markBody(paragraphs: readonly StructureParagraph[], zones: Zone[], bodyStart: number, repeated: Set<number>): void {
  // 'notes': notes on the authors after the bibliography; their short lines look like headings,
  // but nothing of the body follows them, so only another marked part ends them.
  let section: 'body' | 'references' | 'appendix' | 'front' | 'notes' | 'abstract' = 'body';
  let afterBibliography = false;
  for (let i = bodyStart; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const text = stripLeadingMarks(p.text);
    if (repeated.has(i)) {
      zones[i] = 'front';
      continue;
    }
    if (p.footnote || (p.page === null && FOOTNOTE_MARK.test(p.text) && section === 'body' && !p.heading)) {
      // A figure or table set small at a column's foot has its caption there too: the label tells
      // it apart, and small print after it that no note's mark opens is the table's. The first
      // page's notes carry front lines (the corresponding author's e-mail, the DOI, the copyright).
      if (isCaption(text)) zones[i] = 'caption';
      else if (isFrontLine(text)) zones[i] = 'front';
      else zones[i] = (zones[i - 1] === 'caption' || zones[i - 1] === 'table') && !NOTE_START.test(p.text) ? 'table' : 'footnote';
      continue;
    }
    const heading = isHeading(p);
    if (isMarkerHeading('references', text) || startsReferences(text) || (heading && /^\p{Lu}/u.test(text) && startsWith('references', text))) {
      zones[i] = 'references';
      section = 'references';
      afterBibliography = true;
    } else if (section !== 'references' && isBibliographic(text)) {
      // Entries of a bibliography that the layout ran together with other text (two columns).
      zones[i] = 'references';
      afterBibliography = true;
    } else if (isMarkerHeading('appendix', text) || (startsWith('appendix', text) && /^\p{Lu}/u.test(text) && wordCount(text) <= APPENDIX_HEADING_WORDS)) {
      zones[i] = 'appendix';
      section = 'appendix';
    } else if (isMarkerHeading('afterReferences', text) && afterBibliography) {
      zones[i] = 'front';
      section = 'notes';
    } else if (isMarkerHeading('afterReferences', text) || isMarkerHeading('acknowledgements', text) || (heading && startsWith('acknowledgements', text))) {
      zones[i] = 'front';
      section = 'front';
    } else if (startsWith('keywords', text)) {
      zones[i] = 'keywords';
      // Russian journals print the English title, authors and abstract after the bibliography.
      if (section === 'references') reclaimTranslatedFront(paragraphs, zones, i);
    } else if (startsWith('abstract', text) && (section === 'references' || section === 'front' || text.length < 20 + markerLength('abstract', text))) {
      // An abstract in the other language printed after the bibliography (Russian journals).
      zones[i] = text.length < 20 + markerLength('abstract', text) ? 'heading' : 'abstract';
      section = 'abstract';
    } else if (!citesAnything(text) && ((section === 'references' && isAuthorNote(text)) || (afterBibliography && opensWith('post', text, BIOGRAPHY_POST_CHARS)))) {
      // A note on an author: a full name, then the town in brackets, a dash or "is" and the degree;
      // inside a marked section of notes it is one of them.
      zones[i] = 'front';
      if (section !== 'notes') section = 'front';
    } else if (section === 'references' && !citesAnything(text) && isProse(text)) {
      // Prose without a year, a link or page numbers is no entry: an abstract in the other language
      // printed after the bibliography, with its title and author lines above it.
      zones[i] = 'abstract';
      section = 'abstract';
      reclaimTranslatedFront(paragraphs, zones, i);
    } else if (section === 'references') {
      zones[i] = 'references';
    } else if (section === 'appendix') {
      zones[i] = 'appendix';
    } else if (section === 'notes') {
      zones[i] = 'front';
    } else if (section === 'front' || section === 'abstract') {
      if (heading) {
        zones[i] = 'heading';
        section = 'body';
      } else {
        zones[i] = section === 'abstract' && isProse(p.text) ? 'abstract' : 'front';
      }
    } else {
      zones[i] = bodyZone(p, text, heading);
      // Small print right after a table's text or a caption, before the text's own size resumes,
      // is the table's or the figure's: its title, the notes under it.
      if (zones[i] === 'body' && isSmallPrint(p) && (zones[i - 1] === 'table' || zones[i - 1] === 'caption')) zones[i] = 'table';
    }
  }
}

/** A paragraph of the body section: a caption, a table row, a heading, a stray front line, or text. */
function bodyZone(p: StructureParagraph, text: string, heading: boolean): Zone {
  if (isCaption(text)) return 'caption';
  if (startsWith('acknowledgements', text)) return 'front';
  if (isFrontLine(text)) return 'front';
  if (isTableRow(text) || isFigureOrTableText(p)) return 'table';
  if (heading) return 'heading';
  return 'body';
}

/**
 * Small print that is no prose: the cells of a table (its row labels, its column heads) or the
 * words of a figure (axis labels, the boxes of a diagram), which tables and figures set smaller than
 * the text. The paper's own text in small print (a note, a quotation) is written in sentences.
 */
function isFigureOrTableText(p: StructureParagraph): boolean {
  return isSmallPrint(p) && !isProse(p.text);
}

function isSmallPrint(p: StructureParagraph): boolean {
  return p.relativeSize !== null && p.relativeSize < SMALL_PRINT;
}

/** A short line of the front matter met later on: a corresponding author's e-mail, a DOI, a copyright. */
function isFrontLine(text: string): boolean {
  return text.length <= SHORT_FRONT_CHARS && wordCount(text) <= SHORT_FRONT_WORDS && (startsWith('front', text) || startsWith('citation', text) || DOI.test(text) || /©/.test(text));
}

export function isCaption(text: string): boolean {
  const label = markerLength('caption', text);
  if (label > 0 && CAPTION_LABEL_END.test(text.slice(label)) && wordCount(text) <= 60) return true;
  const note = markerLength('captionNote', text);
  return note > 0 && /^\s*[:.]/.test(text.slice(note));
}

/** Most words are numbers or codes: a row or cells of a table. */
export function isTableRow(text: string): boolean {
  // A row of a table is short; a long paragraph of numbers is judged by its start.
  const head = text.slice(0, TABLE_SAMPLE);
  if (/\|.*\|/.test(head)) return true;
  const cells = head.split(/\s+/).filter(Boolean);
  if (cells.length === 0 || (/[.!?]$/.test(text) && cells.length > 3)) return false;
  const numeric = cells.filter((c) => TABLE_CELL.test(c)).length;
  return numeric / cells.length >= 0.5 && letterShare(head) < 0.5;
}

export function isHeading(p: StructureParagraph): boolean {
  if (p.heading) return true;
  const text = p.text;
  if (text.length > MAX_HEADING_CHARS || wordCount(text) > MAX_HEADING_WORDS) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(text)) return false;
  // "А. В. Корнилов, Е. С. Добрынина": author lines look like headings but are not sections.
  if (/^(\p{Lu}\.\s?){1,2}\p{Lu}\p{Ll}+/u.test(text)) return false;
  if (p.relativeSize !== null && p.relativeSize >= HEADING_SIZE && !/[,;]$/.test(text)) return true;
  if (/[.,;:]$/.test(text) && !/^\d+(\.\d+)*\.?$/.test(text)) return false;
  if (p.relativeSize !== null && p.relativeSize < 0.95) return false;
  return true;
}

/** "1. Introduction", "2 Data", "IV. Выводы": a numbered heading of the body. */
function isNumberedHeading(p: StructureParagraph): boolean {
  return /^(?:1|I)\.?\s+\p{Lu}/u.test(p.text) && isHeading(p) && !/\d{4}/.test(p.text);
}

/** A short line of a list under a marker: a keyword, a JEL code, a date. */
function isListLine(p: StructureParagraph): boolean {
  return wordCount(p.text) <= LIST_LINE_WORDS && !/[.!?]$/.test(p.text) && !isMarkerHeading('introduction', p.text);
}

/**
 * A bibliography whose heading was lost (run into the text before it, or never printed): a list
 * numbered 1, 2, 3… whose items mostly cite (a year, a URL, «//», page numbers), or a trailing
 * run of entries by their shape («Иванов И.И.», "Smith, J.").
 */
function markUnheadedReferences(paragraphs: readonly StructureParagraph[], zones: Zone[], bodyStart: number): void {
  let run: number[] = [];
  let expected = 1;
  const close = () => {
    const citing = run.filter((i) => isReferenceEntry(paragraphs[i]!.text) || CITES.test(paragraphs[i]!.text)).length;
    if (run.length >= MIN_UNHEADED_REFERENCES && citing >= run.length / 2) {
      for (let i = run[0]!; i <= run[run.length - 1]!; i++) if (zones[i] === 'body' || zones[i] === 'heading') zones[i] = 'references';
    }
    run = [];
    expected = 1;
  };
  for (let i = bodyStart; i < paragraphs.length; i++) {
    const number = Number(NUMBERED_ITEM.exec(paragraphs[i]!.text)?.[1] ?? NaN);
    if (number === 1 && expected !== 1) close();
    // Entries run together by the text's line grouping leave gaps in the numbering.
    if (number === expected || (run.length > 0 && number > expected && number <= expected + MAX_NUMBER_GAP)) {
      run.push(i);
      expected = number + 1;
    } else if (run.length > 0 && Number.isNaN(number) && zones[i] !== 'body' && zones[i] !== 'references') {
      continue; // furniture or a footnote between two entries
    } else if (run.length > 0 && !(Number.isNaN(number) && i - run[run.length - 1]! <= 1)) {
      close();
    }
  }
  close();
  if (zones.includes('references')) return;
  const trailing: number[] = [];
  for (let i = paragraphs.length - 1; i >= bodyStart; i--) {
    const zone = zones[i]!;
    if (zone === 'footnote' || zone === 'front') continue;
    if (zone !== 'body' || !isReferenceEntry(paragraphs[i]!.text)) break;
    trailing.unshift(i);
  }
  if (trailing.length >= MIN_UNHEADED_REFERENCES) for (const i of trailing) zones[i] = 'references';
}

/**
 * Sources cited in notes that a text conversion set among the paragraphs (a thesis's footnotes,
 * after the page number): an entry's shape with the apparatus only bibliographies carry, standing
 * alone in the body, not in a run of entries (that is a bibliography, marked before).
 */
function markCitationNotes(paragraphs: readonly StructureParagraph[], zones: Zone[], bodyStart: number): void {
  for (let i = bodyStart; i < paragraphs.length; i++) {
    const text = paragraphs[i]!.text;
    if (zones[i] === 'body' && isReferenceEntry(text) && BIBLIOGRAPHIC_APPARATUS.test(text)) zones[i] = 'footnote';
  }
}

/**
 * Before keywords met inside the bibliography: the abstract (prose) and the title and author
 * lines above it, back to the last entry of the bibliography.
 */
function reclaimTranslatedFront(paragraphs: readonly StructureParagraph[], zones: Zone[], keywords: number): void {
  for (let i = keywords - 1; i >= 0 && zones[i] === 'references'; i--) {
    const text = paragraphs[i]!.text;
    if (isReferenceEntry(text) || isBibliographic(text) || NUMBERED_ITEM.test(text) || (CITES.test(text) && !isProse(text))) return;
    zones[i] = isProse(text) ? 'abstract' : 'front';
  }
}

/** "References Ericson, R., Pakes, A., 1995. …": the heading run into the entries by the layout. */
function startsReferences(text: string): boolean {
  const length = markerLength('references', text);
  const rest = text.slice(length).trim();
  return length > 0 && /^\p{Lu}/u.test(text) && (/^\d{1,3}[.)]?$/.test(rest) || isReferenceEntry(rest) || isBibliographic(text));
}

/**
 * Entries of a bibliography run together: "Surname, I." names dense enough (one in every few
 * words) with years — not a paragraph of prose that names a few people with their initials.
 */
function isBibliographic(text: string): boolean {
  // Judged on the paragraph's start: run-together entries are dense from their first line on.
  const head = text.slice(0, BIBLIOGRAPHIC_SAMPLE);
  let years = 0;
  for (const _ of head.matchAll(YEARS)) if (++years >= 2) break;
  if (years < 2) return false;
  let names = 0;
  for (const _ of head.matchAll(CITED_NAME)) names++;
  return names >= 3 && names * WORDS_PER_CITED_NAME >= wordCount(head);
}

/** A year, a link, «//» or page numbers: what any part of a bibliography's entry carries. */
export function citesAnything(text: string): boolean {
  return CITES.test(text.slice(0, BIBLIOGRAPHIC_SAMPLE)) || NUMBERED_ITEM.test(text);
}

/**
 * The start of a note on an author: a full name (surname and given names, no initials) followed by
 * the town in brackets, a dash, "is", or a comma and the author's post: «Иванов Иван Иванович
 * (Москва). Кандидат…», "Anthony Howell is an assistant…", «Сёмин Павел Олегович, аспирант кафедры…».
 */
function isAuthorNote(text: string): boolean {
  const name = AUTHOR_NOTE_NAME.exec(text);
  if (!name) return false;
  const rest = text.slice(name[0].length);
  return AFTER_AUTHOR_NOTE_NAME.test(rest) || (/^,\s/.test(rest) && startsWith('post', rest.slice(2)));
}

export function isReferenceEntry(text: string): boolean {
  return text.length < 1500 && REFERENCE_ENTRY.test(text) && HAS_YEAR.test(text);
}

export function stripLeadingMarks(text: string): string {
  return text.replace(LEADING_MARKS, '');
}


