// The publication year, from what the paper prints about itself — never from its running text
// (policy papers are full of target years: Стратегия-2030, "by 2035") nor from its references
// (the cited works' years). Sources, in order of trust:
//   1. the issue line of the journal, in running headers or the front matter: «№ 5, 2012 г.»,
//      "Research Policy 47 (2018) 1437–1447", «2024. Т. 48, № 2», "Vol. 12, No. 3, 2019"; or the
//      paper's own citation line («Для цитирования: …», "Reference: Chuttur M.Y. (2009). …");
//   2. a copyright line: © 2015 Elsevier, © Иванов И. И., 2021 — also as PDF-to-Markdown converters
//      write the sign ($\copyright$, $\circledcirc$), and at the end of the abstract, where the
//      publisher's line is printed under it and converters run it into the abstract's paragraph;
//   3. the dates of receipt and acceptance (the latest of them; publication follows);
//   4. the place-and-year line of a thesis or report: «Москва, 2021 г.», "London 2019".
// The year the uploader gives wins over all of these; that is the store's business.
import type { Bibliography } from '../types.js';
import { markerLength } from './markers.js';

const YEAR = String.raw`((?:19|20)\d{2})`;
const ISSUE_LINES: RegExp[] = [
  // № 5, 2012 г. / № 3 2015 г. / No. 2, 2019
  new RegExp(String.raw`(?:№|No\.?|Nr\.?)\s*\d{1,3}(?:\s*\(\d{1,4}\))?[,.\s]+${YEAR}(?!\d)`, 'iu'),
  // 2024. Т. 48, № 2 / 2019. Vol. 12 / 2015;3:1-12
  new RegExp(String.raw`(?<!\d)${YEAR}[.,;]\s*(?:Т\.|Том|Vol\.?|Volume|Вып\.|Issue|№|No\.?)\s*\d`, 'iu'),
  // Research Policy 47 (2018) 1437–1447 / Technovation 104 (2021) 102224 (an article number)
  new RegExp(String.raw`\p{L}\s+\d{1,4}\s*\(${YEAR}\)\s*\d{1,7}(?:\s*[-–]\s*\d{1,7})?(?!\d)`, 'u'),
  // Vol. 12, No. 3, 2019 / Т. 48, вып. 2, 2020
  new RegExp(String.raw`(?:Vol\.?|Volume|Т\.|Том)\s*\d{1,4}[^\n]{0,30}?[,.]\s*${YEAR}(?!\d)`, 'iu'),
];
const CITED_YEAR = new RegExp(String.raw`(?<![\d.])${YEAR}(?![\d])`);
const COPYRIGHT = new RegExp(String.raw`(?:©|\(c\)|copyright|\\circledcirc)[^0-9\n]{0,80}?${YEAR}(?!\d)`, 'iu');
/** In an abstract only the sign itself counts: the word "copyright" or "(c)" may be the paper's subject or a list item. */
const COPYRIGHT_SIGN = new RegExp(String.raw`(?:©|\\copyright|\\circledcirc)\$?\s*${YEAR}(?!\d)`, 'u');
const RECEIVED = new RegExp(String.raw`(?:received|accepted|revised|available online|published|поступила|получена|принята|одобрена|опубликована)[^\n]{0,50}?${YEAR}(?!\d)`, 'giu');
/** A city and a year on a line of their own: «Москва, 2021 г.», «г. Пермь 2019», "Cambridge, 2019". */
const IMPRINT = new RegExp(String.raw`^(?:г\.\s*)?\p{Lu}[\p{L}-]+(?:[\s-]+\p{Lu}?[\p{L}-]+)?[,\s–—-]+${YEAR}\s*(?:г\.?|год|года)?\.?$`, 'u');

export interface YearSources {
  /** Running headers and footers, and the front matter (issue lines, copyright, dates). */
  front: string[];
  /** Short lines of the first pages, where a thesis prints its place and year. */
  imprint: string[];
  /** The abstracts: read for a copyright line only (their text is the paper's, not its record). */
  abstracts?: string[];
}

export function findYear(sources: YearSources, now = new Date()): Pick<Bibliography, 'year' | 'yearSource'> {
  const latest = now.getUTCFullYear() + 1;
  const plausible = (year: number) => year >= 1900 && year <= latest;
  const issueYears = new Map<number, number>();
  for (const text of sources.front) {
    for (const pattern of ISSUE_LINES) {
      const m = pattern.exec(text);
      const year = m ? Number(m[1]) : NaN;
      if (plausible(year)) issueYears.set(year, (issueYears.get(year) ?? 0) + 1);
    }
    // The paper's own citation: the first year after the authors' names is its year.
    const cited = markerLength('citation', text);
    const year = cited > 0 && /^\s*:/.test(text.slice(cited)) ? Number(CITED_YEAR.exec(text.slice(cited))?.[1]) : NaN;
    if (plausible(year)) issueYears.set(year, (issueYears.get(year) ?? 0) + 1);
  }
  // Running headers repeat the issue line on every page; the most frequent year is the issue's.
  if (issueYears.size > 0) {
    const [year] = [...issueYears].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    return { year, yearSource: 'issue' };
  }
  for (const [texts, pattern] of [[sources.front, COPYRIGHT], [sources.abstracts ?? [], COPYRIGHT_SIGN]] as const) {
    for (const text of texts) {
      const m = pattern.exec(text);
      if (m && plausible(Number(m[1]))) return { year: Number(m[1]), yearSource: 'copyright' };
    }
  }
  let received: number | null = null;
  for (const text of sources.front) {
    for (const m of text.matchAll(RECEIVED)) {
      const year = Number(m[1]);
      if (plausible(year) && (received === null || year > received)) received = year;
    }
  }
  if (received !== null) return { year: received, yearSource: 'received' };
  for (const text of sources.imprint) {
    const m = IMPRINT.exec(text.trim());
    if (m && plausible(Number(m[1]))) return { year: Number(m[1]), yearSource: 'imprint' };
  }
  return { year: null, yearSource: null };
}

/** The journal's name on an issue line: the words before its volume, number or year. */
export function venueOfIssueLine(text: string): string | null {
  const line = text.split(' / ').pop()!;
  const at = ISSUE_LINES.map((p) => p.exec(line)).filter((m): m is RegExpExecArray => m !== null);
  if (at.length === 0) return null;
  const start = Math.min(...at.map((m) => m.index + (/^\p{L}\s/u.test(m[0]) ? 1 : 0)));
  const name = line
    .slice(0, start)
    .replace(/^\d+\s+/, '')
    .replace(/(?:[\s.,;:–—-]|Т\.|Vol\.?)+$/u, '')
    .trim();
  return /\p{L}{3,}/u.test(name) && name.split(/\s+/).length <= 12 ? name : null;
}
