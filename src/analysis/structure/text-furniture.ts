// Page furniture in plain text: a PDF-to-text conversion keeps each page's running header and page
// number, printed in the middle of whatever sentence the page break cut («…имеющие / 116 /
// Экономические и гуманитарные исследования регионов. № 5, 2012 г. / низкий уровень…»). A line
// repeated several times (its digits aside) is a running header; a bare number next to one is a
// page number. They are taken out of the text, so that the cut sentence joins again, and kept as
// furniture: they carry the journal's name, the issue and the year.
import type { FurnitureLine } from '../types.js';
import { markerLength } from './markers.js';
import { wordCount } from './paragraph.js';

/** A running header repeats on at least this many pages. */
const MIN_REPEATS = 3;
const MAX_HEADER_WORDS = 20;
/** A page number stands within this many non-blank lines of its header. */
const PAGE_NUMBER_REACH = 2;
const LINK = /(?:https?:\/\/|www\.|doi:?\s*|\burl:)\S*/giu;
const BARE_NUMBER = /^\s*[-–—]?\s*\d{1,4}\s*[-–—]?\s*$/;
/** A header starts as a name does (a capital, a digit); a line starting in lower case or with an
 * opening bracket is a piece of a sentence that justified print or a narrow column broke off. */
const HEADER_START = /^[\p{Lu}\p{N}]/u;
/** "Таблица 2", "Приложение 1", "Figure 3.": a numbered label of the paper's own, repeated with other numbers. */
const LABEL_NUMBER = /^\s*(?:\d{1,3}(?:\.\d{1,3})*|[A-ZА-Я]|[IVX]{1,5})\.?\s*$/u;

/** A line that may start a running header: short, not a fragment of a sentence, not a label. */
export function mayBeHeader(line: string): boolean {
  if (!HEADER_START.test(line) || wordCount(line) > MAX_HEADER_WORDS) return false;
  const label = markerLength('caption', line) || markerLength('appendix', line);
  return !(label > 0 && LABEL_NUMBER.test(line.slice(label)));
}

export function removeTextFurniture(text: string): { text: string; furniture: FurnitureLine[] } {
  const lines = text.split('\n');
  const byKey = new Map<string, number[]>();
  const keys: (string | null)[] = lines.map((line, i) => {
    const trimmed = line.trim();
    // A link or a DOI is a cited work's, not a header: their digits masked, many look alike.
    if (wordCount(trimmed) > MAX_HEADER_WORDS || !/\p{L}{3}/u.test(trimmed.replace(LINK, ''))) return null;
    const key = trimmed.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
    // Appended in place: copying the list per line made a file of one repeated line quadratic.
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
    return key;
  });
  const repeated = (i: number) => keys[i] !== null && byKey.get(keys[i]!)!.length >= MIN_REPEATS;
  const drop = new Set<number>();
  // A repeated line that starts as a header does, and the lines continuing a header it wrapped.
  lines.forEach((line, i) => {
    if (repeated(i) && (mayBeHeader(line.trim()) || (drop.has(i - 1) && /^\p{Ll}/u.test(line.trim())))) drop.add(i);
  });
  if (drop.size === 0) return { text, furniture: [] };
  for (const i of [...drop]) {
    for (const step of [-1, 1]) {
      let j = i + step;
      for (let seen = 0; j >= 0 && j < lines.length && seen < PAGE_NUMBER_REACH; j += step) {
        if (!lines[j]!.trim()) continue;
        seen++;
        if (BARE_NUMBER.test(lines[j]!)) drop.add(j);
      }
    }
  }
  const furniture: FurnitureLine[] = [...drop].sort((a, b) => a - b).map((i) => ({ page: null, text: lines[i]!.trim(), top: true }));
  return { text: lines.filter((_, i) => !drop.has(i)).join('\n'), furniture };
}
