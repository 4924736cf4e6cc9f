// The paper's bibliographic record from its zones: title (and English title), authors, year,
// venue, DOI and keywords — read from the front matter, the running headers and footers, never
// from the running text or the references.
import type { Bibliography, Zone } from '../types.js';
import type { FrontMatter } from './front-matter.js';
import { markerLength } from './markers.js';
import { authorNames, surnameKey } from './names.js';
import { script, type StructureParagraph } from './paragraph.js';
import { findYear, venueOfIssueLine } from './year.js';

const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+)/;
/** Zones that may carry the paper's own data (issue line, copyright, dates, DOI). */
const RECORD_ZONES: ReadonlySet<Zone> = new Set(['front', 'keywords', 'title', 'authors', 'affiliation', 'footnote']);
/** The imprint line of a thesis stands on its first pages. */
const IMPRINT_PAGES = 2;
const MAX_KEYWORDS = 30;

export function readBibliography(
  paragraphs: readonly StructureParagraph[],
  zones: readonly Zone[],
  front: FrontMatter,
  furnitureTexts: readonly string[],
): Bibliography {
  const record = paragraphs.filter((_, i) => RECORD_ZONES.has(zones[i]!) && (i < front.bodyStart || zones[i] !== 'footnote' || paragraphs[i]!.page === paragraphs[0]?.page)).map((p) => p.text);
  const sources = [...furnitureTexts, ...record];
  const firstPage = paragraphs[0]?.page ?? null;
  const imprint = paragraphs
    .filter((p, i) => (firstPage === null ? i < front.bodyStart : p.page !== null && p.page < firstPage + IMPRINT_PAGES) && zones[i] !== 'references')
    .map((p) => p.text);
  const title = joinTitle(paragraphs, front.title);
  return {
    title,
    titleEn: joinTitle(paragraphs, front.titleEn),
    authors: readAuthors(paragraphs, front, title),
    ...findYear({ front: sources, imprint, abstracts: paragraphs.filter((_, i) => zones[i] === 'abstract').map((p) => p.text) }),
    venue: front.venue ?? firstVenue(sources),
    // The paper's own DOI is printed in its front matter or its running headers, before any cited one.
    doi: firstDoi([...paragraphs.slice(0, front.bodyStart).map((p) => p.text), ...furnitureTexts, ...record]),
    keywords: readKeywords(paragraphs, zones),
  };
}

/** The record of a text that says nothing about itself. */
export function emptyBibliography(): Bibliography {
  return { title: null, titleEn: null, authors: [], year: null, yearSource: null, venue: null, doi: null, keywords: [] };
}

/** The title's lines as one line: hyphens at line ends joined, footnote marks and quotes dropped. */
function joinTitle(paragraphs: readonly StructureParagraph[], lines: number[]): string | null {
  if (lines.length === 0) return null;
  const text = lines
    .map((i) => paragraphs[i]!.text.trim())
    .join(' ')
    // "Master's thesis «…»" run together with the title in plain text
    .replace(/^.*$/s, (t) => t.slice(markerLength('genre', t)).trim())
    .replace(/(\p{L})[-‐] (\p{Ll})/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\p{L}?!.])\s?(?:[*∗†‡⁎☆★✩]+|\s\d{1,2})$/u, '')
    .replace(/^[«"“](.*)[»"”]$/u, '$1')
    .trim();
  return text || null;
}

function readAuthors(paragraphs: readonly StructureParagraph[], front: FrontMatter, title: string | null): string[] {
  const titleScript = title ? script(title) : null;
  const lines = front.authorLines.map((i) => paragraphs[i]!.text);
  // A Russian paper prints its authors again in Latin letters: those count only when there is no other.
  const own = lines.filter((line) => script(line) === titleScript);
  const names: string[] = [];
  const seen = new Set<string>();
  for (const line of own.length ? own : lines) {
    for (const name of authorNames(line)) {
      const key = surnameKey(name);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      names.push(name);
    }
  }
  return names;
}

function firstVenue(sources: string[]): string | null {
  for (const text of sources) {
    const venue = venueOfIssueLine(text);
    if (venue) return venue;
  }
  return null;
}

function firstDoi(sources: string[]): string | null {
  for (const text of sources) {
    const m = DOI.exec(text);
    if (m) return m[1]!.replace(/[.,;)\]]+$/, '');
  }
  return null;
}

/** The keywords after their marker, or listed one per line under it. */
function readKeywords(paragraphs: readonly StructureParagraph[], zones: readonly Zone[]): string[] {
  const keywords: string[] = [];
  paragraphs.forEach((p, i) => {
    if (zones[i] !== 'keywords') return;
    const text = p.text.slice(markerLength('keywords', p.text)).replace(/^[\s.:—–-]+/, '');
    // Without separators the keywords stand one per line.
    const items = /[;,·•]/.test(text) || !p.lines || p.lines.length < 2 ? text.split(/\s*[;,·•]\s*|\s{2,}/) : p.lines;
    for (const word of items) {
      const keyword = word.replace(/[.;]+$/, '').trim();
      if (keyword && keywords.length < MAX_KEYWORDS && !keywords.includes(keyword)) keywords.push(keyword);
    }
  });
  return keywords;
}
