// Plain text loses the layout that sets the front matter apart: a title, an author line and a
// marker line may come as one block of lines. Before zones are assigned, such a block of the first
// paragraphs is cut where a line is an author line, a marker line (keywords, abstract, UDC…), or
// where print switches between capitals and small letters — the places a reader sees a new part.
import { startsWith } from './markers.js';
import { authorNames } from './names.js';
import { isAllCaps, wordCount } from './paragraph.js';

/** Only the first paragraphs of a text hold its front matter. */
const FRONT_PARAGRAPHS = 40;
/** An author line is short. */
const MAX_AUTHOR_LINE_WORDS = 20;

/** The groups of lines each paragraph splits into (one group when it stays whole). */
export function splitFrontLines(paragraphs: readonly { lines: readonly string[]; page: number | null }[]): string[][][] {
  return paragraphs.map((p, index) => {
    if (p.page !== null || index >= FRONT_PARAGRAPHS || p.lines.length < 2) return [[...p.lines]];
    const groups: string[][] = [];
    let current: string[] = [];
    p.lines.forEach((line, i) => {
      if (i > 0 && startsPart(p.lines[i - 1]!, line)) {
        groups.push(current);
        current = [];
      }
      current.push(line);
    });
    groups.push(current);
    return groups;
  });
}

function startsPart(previous: string, line: string): boolean {
  const text = line.trim();
  if (isAuthorLine(text) || isAuthorLine(previous.trim())) return true;
  if (startsWith('keywords', text) || startsWith('abstract', text) || startsWith('front', text)) return true;
  return isAllCaps(previous) !== isAllCaps(text) && /^\p{Lu}/u.test(text);
}

function isAuthorLine(text: string): boolean {
  return wordCount(text) <= MAX_AUTHOR_LINE_WORDS && authorNames(text).length > 0;
}
