// The publication year of a paper when the uploader did not give one. Only evidence that bounds
// the year is used, in this order:
//   1. a copyright sign with a year (© 2021, © Иванов И. И., 2021, (c) 2021) — the publisher's own
//      date (the word "copyright" alone is not used: papers on intellectual property discuss laws);
//   2. the newest year cited in the reference list (References, Список литературы, Литература…) —
//      a paper is written no earlier than the newest work it cites, and in practice within a year
//      or two of it. The estimate is therefore a lower bound that errs early, never late.
// Years in the running text are not used: policy papers name target years (Стратегия-2030, "by
// 2035") and historical ones far more often than their own date. With neither clue, the year
// stays unknown (null) rather than guessed.

const EARLIEST = 1900;
const COPYRIGHT = /(?:©[^0-9\n]{0,80}?|\(c\)\s*)\b((?:19|20)\d{2})\b/iu;
const REFERENCES_HEADING = /(?:^|\n)(?:\d+\.?\s*)?(references|bibliography|literature|works cited|список литературы|список использованных источников|библиографический список|литература|источники)\s*:?\s*(?:\n|$)/giu;
const YEAR = /(?<![\d.])((?:19|20)\d{2})(?![\d])/g;

export function estimatePublicationYear(text: string, now = new Date()): number | null {
  const latest = now.getUTCFullYear() + 1;
  const plausible = (year: number) => year >= EARLIEST && year <= latest;

  const copyright = COPYRIGHT.exec(text);
  if (copyright && plausible(Number(copyright[1]))) return Number(copyright[1]);

  let referencesStart = -1;
  for (const heading of text.matchAll(REFERENCES_HEADING)) referencesStart = heading.index + heading[0].length;
  if (referencesStart < 0) return null;
  let newest: number | null = null;
  for (const [, digits] of text.slice(referencesStart).matchAll(YEAR)) {
    const year = Number(digits);
    if (plausible(year) && year <= now.getUTCFullYear() && (newest === null || year > newest)) newest = year;
  }
  return newest;
}
