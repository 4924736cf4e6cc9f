// Personal names on a paper's author line, as Russian and English papers print them:
// «Кривко С.Р.», «И.В. Дианова-Клокова», «Токтобаев Болот Токтомушевич», "Martin de Jong",
// "Mohammad R. Haghighat", with affiliation marks after them (a,b,c,1, ∗, †) that are not part of
// the name. A line is an author line when it starts with a name.

import { contains } from './markers.js';

const U = '\\p{Lu}';
const L = '\\p{Ll}';
/** One initial: И. or Sh. (transliterated Ш). */
const INITIAL = `${U}${L}?\\.`;
/** Up to three initials, maybe hyphenated or spaced: И.В., J. R. R., Sh.M-Kh. */
const INITIALS = `${INITIAL}(?:\\s?-?${U}${L}?\\.){0,2}`;
/** A surname: capitalised (maybe double, maybe with an apostrophe), or in capitals as contents pages print it. */
const SURNAME = `(?:${U}${L}+(?:['’]${U}?${L}+)?(?:-${U}${L}+)?|${U}{2,}(?:-${U}{2,})?)`;
/** A given name or a particle inside a full name. */
const NAME_WORD = `(?:${U}${L}+(?:-${U}${L}+)?|${U}\\.|de|van|von|der|den|da|del|della|di|du|dos|le|la|ter|bin|al|el)`;

const INITIALS_FIRST = new RegExp(`^${INITIALS}\\s?${SURNAME}$`, 'u');
const SURNAME_FIRST = new RegExp(`^${SURNAME}\\s+${INITIALS}$`, 'u');
/** Two to four words, the first and last capitalised: "Anthony Howell", "Martin de Jong". */
const FULL_NAME = new RegExp(`^${U}${L}+(?:-${U}${L}+)?(?:\\s+${NAME_WORD}){0,2}\\s+${SURNAME}$`, 'u');
/** Russian surname, name and patronymic at the start of a longer part (a position follows). */
const NAME_PATRONYMIC = new RegExp(`^${U}${L}+(?:-${U}${L}+)?\\s+${U}${L}+\\s+${U}${L}+(?:вич|вна|ична|инична|оглы|кызы|улы)(?![\\p{L}])`, 'u');
/** Initials-first names anywhere in a part («Москва Д.А.Метаньев»): distinctive enough to find inside text. */
const INITIALS_NAME_INSIDE = new RegExp(`(?<![\\p{L}.])${INITIALS}\\s?${U}${L}+(?:-${U}${L}+)?`, 'gu');

const INITIALS_ANYWHERE = new RegExp(`(?<![\\p{L}])${INITIAL}(?:\\s?-?${U}${L}?\\.)*`, 'gu');
/** Affiliation and footnote marks around a name: superscripts, symbols, single letters, numbers. */
const MARK_TOKEN = /^(?:[a-h](?:,[a-h\d])*|\d{1,2}(?:,\d{1,2})*|[*∗†‡§#$¶+⁎\u0002´`']+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$/u;
const PART_SEPARATOR = /\s*(?:[,;&]|\s(?:and|и)\s)\s*/u;
/** Non-names that look like names: words that start affiliation and front lines. */
const NOT_A_NAME = /^(?:university|universit|institute|department|school|faculty|journal|research|review|working|contents|received|accepted|available|abstract|keywords|introduction|table|figure|federal|state|national|russian|московский|федеральн|государственн|российск|национальн)/iu;

/** The names on an author line, in order; empty when the line does not start with one. */
export function authorNames(line: string): string[] {
  if (line.length > 600) return [];
  const parts = line
    .replace(/[\u0000-\u001f]/g, ' ')
    .split(PART_SEPARATOR)
    .map(stripMarks)
    .filter((part) => part.length > 0);
  if (parts.length === 0) return [];
  const first = nameOf(parts[0]!);
  if (first === null) return [];
  // A line that gives names as «И.В. Фамилия» may run the next one into an affiliation's words.
  const initialsFirst = INITIALS_FIRST.test(first);
  const names: string[] = [first];
  for (const part of parts.slice(1)) {
    const name = nameOf(part);
    if (name) names.push(name);
    else if (initialsFirst) for (const m of part.matchAll(INITIALS_NAME_INSIDE)) names.push(m[0]);
  }
  return names;
}

/** The part as a name, or null. */
function nameOf(part: string): string | null {
  if (NOT_A_NAME.test(part)) return null;
  const name = INITIALS_FIRST.test(part) || SURNAME_FIRST.test(part) || FULL_NAME.test(part) ? part : NAME_PATRONYMIC.exec(part)?.[0];
  // "Laval University" has the shape of a name; the words of an institution say it is none.
  return name && !contains('affiliation', name) ? name : null;
}

function stripMarks(part: string): string {
  const tokens = part.replace(/\s+/g, ' ').trim().split(' ');
  while (tokens.length && MARK_TOKEN.test(tokens[tokens.length - 1]!)) tokens.pop();
  while (tokens.length && MARK_TOKEN.test(tokens[0]!)) tokens.shift();
  return tokens
    .join(' ')
    .replace(/[*∗†‡§⁎\u0002´`¹²³⁴⁵⁶⁷⁸⁹⁰]+$/u, '')
    .trim();
}

/** The surname of a name as printed, for comparing names written in different orders and forms. */
export function surnameKey(name: string): string {
  const plain = name.normalize('NFKC').normalize('NFD').replace(/\p{M}/gu, '').replace(/ё/g, 'е').trim();
  if (NAME_PATRONYMIC.test(plain)) return plain.split(/\s+/)[0]!.toLowerCase();
  const words = plain
    .replace(INITIALS_ANYWHERE, ' ')
    .split(/\s+/)
    .filter((w) => /\p{L}{2,}/u.test(w));
  // «Кривко С.Р.» and «И.И. Иванов» keep one word once the initials go; "Anthony Howell" ends with it.
  return (words[words.length - 1] ?? '').toLowerCase();
}
