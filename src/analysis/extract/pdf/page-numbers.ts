// The page numbers a reader cites: the ones printed on the pages, not the PDF's page indexes. A
// journal article printed on pages 1437–1447 has page index 2 on page 1438. The PDF's own page
// labels are used when it has them (and they say more than the index); otherwise the numbers at
// the start or end of the running headers and footers, where most publishers print them. A number
// counts only when the same offset from the index holds on at least two pages, so a volume number
// or a year in a header cannot pass for a page number.
import type { FurnitureLine } from '../../types.js';

/** A number at either end of a header or footer row ("1438 A. Caloffi et al. / …", "… 2015 г. 117"). */
const EDGE_NUMBER = /^(\d{1,5})(?!\d)|(?<![\d(])(\d{1,5})$/;

export function printedPageNumbers(pageCount: number, labels: string[] | null, furniture: FurnitureLine[]): (string | null)[] {
  if (labels && labels.length === pageCount && labels.some((label, i) => label !== String(i + 1))) {
    return labels.map((label) => label.trim() || null);
  }
  const offsets = new Map<number, Set<number>>();
  for (const line of furniture) {
    const match = EDGE_NUMBER.exec(line.text.trim());
    const number = match ? Number(match[1] ?? match[2]) : NaN;
    if (!Number.isFinite(number) || line.page === null) continue;
    const offset = number - line.page;
    offsets.set(offset, (offsets.get(offset) ?? new Set()).add(line.page));
  }
  let best: number | null = null;
  let bestPages = 1;
  for (const [offset, pages] of offsets) if (pages.size > bestPages) [best, bestPages] = [offset, pages.size];
  if (best === null) return new Array<string | null>(pageCount).fill(null);
  const offset = best;
  // Pages of one run of numbering (an article's first page often prints none) follow the same offset.
  return Array.from({ length: pageCount }, (_, i) => (i + 1 + offset > 0 ? String(i + 1 + offset) : null));
}
