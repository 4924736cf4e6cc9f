// Page furniture in plain text: a PDF-to-text conversion keeps each page's running header and page
// number, printed in the middle of whatever sentence the page break cut («…имеющие / 116 /
// Экономические и гуманитарные исследования регионов. № 5, 2012 г. / низкий уровень…»). A line
// repeated several times (its digits aside) is a running header; a bare number next to one is a
// page number. They are taken out of the text, so that the cut sentence joins again, and kept as
// furniture: they carry the journal's name, the issue and the year.
import type { FurnitureLine } from '../types.js';
import { wordCount } from './paragraph.js';

/** A running header repeats on at least this many pages. */
const MIN_REPEATS = 3;
const MAX_HEADER_WORDS = 20;
/** A page number stands within this many non-blank lines of its header. */
const PAGE_NUMBER_REACH = 2;
const LINK = /(?:https?:\/\/|www\.|doi:?\s*)\S*/giu;
const BARE_NUMBER = /^\s*[-–—]?\s*\d{1,4}\s*[-–—]?\s*$/;

export function removeTextFurniture(text: string): { text: string; furniture: FurnitureLine[] } {
  const lines = text.split('\n');
  const byKey = new Map<string, number[]>();
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    // A link or a DOI is a cited work's, not a header: their digits masked, many look alike.
    if (!/\p{L}{3}/u.test(trimmed.replace(LINK, '')) || wordCount(trimmed) > MAX_HEADER_WORDS) return;
    const key = trimmed.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
    // Appended in place: copying the list per line made a file of one repeated line quadratic.
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const drop = new Set<number>();
  for (const list of byKey.values()) if (list.length >= MIN_REPEATS) for (const i of list) drop.add(i);
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
