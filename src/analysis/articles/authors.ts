// The names of an article's author line. The structure step's reader of author lines
// (structure/names.ts) reads most lines; issues also print lines it does not take — hyphenated
// initials («Арсалиев Ш.М-Х.»), a space before a comma or a missing last dot («Кокаева И.Ю ,
// Таутиева Л. М.»), names without a comma between them («Бондаренко А.В. Бондаренко Г.В.») —
// so a line made only of surname-and-initials names is read here.
import { authorNames } from '../structure/names.js';

/** Initials: one to three capitals, each maybe with a small letter (Sh.), each followed by a dot or a hyphen — the last one's dot may be missing. */
const INITIALS = String.raw`\p{Lu}\p{Ll}?(?:\.\s?-?\s?|-)(?:\p{Lu}\p{Ll}?(?:\.\s?-?\s?|-)){0,2}(?:\p{Lu}(?![\p{L}.]))?`;
const SURNAME = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?`;
const NAME = String.raw`(?:${SURNAME}\s+${INITIALS}|${INITIALS}\s?${SURNAME})`;
const SEPARATOR = String.raw`(?:\s*[,;]\s*|\s+(?:и|and|&)\s+|\s+)`;
const LINE = new RegExp(String.raw`^${NAME}(?:${SEPARATOR}${NAME})*[.,]?$`, 'u');
const NAMES = new RegExp(NAME, 'gu');

export function authorsOf(line: string): string[] {
  const names = namesWithInitials(line);
  return names.length ? names : authorNames(line.replace(/\s+/g, ' ').trim());
}

/**
 * The names of a line made only of surnames with initials (read here first: the general reader
 * would take «Бондаренко А.В. Бондаренко Г.В.» as one name). A title's next line printed like
 * its first one is only an author line in this shape: "Emerging Technology Economies" has the
 * shape of a full name.
 */
export function namesWithInitials(line: string): string[] {
  const text = line.replace(/\s+/g, ' ').trim();
  if (!LINE.test(text)) return [];
  return [...text.matchAll(NAMES)].map((m) => m[0].replace(/\s+,/g, ',').replace(/[\s,]+$/, '').trim());
}

/** The names of a line that holds nothing but names (a title's words may read as a name: "Export Controls and …"). */
export function lineOfNames(line: string): string[] {
  const names = authorsOf(line);
  return names.length > 0 && letters(names.join(' ')) >= NAMES_SHARE * letters(line.replace(/\b(?:и|and)\b/g, '')) ? names : [];
}

/** Names take at least this share of an author line's letters (the rest: affiliation marks). */
const NAMES_SHARE = 0.9;

function letters(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}
