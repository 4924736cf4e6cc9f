// In-text definitions of abbreviations, found in plain text (a paragraph, a sentence, an abstract):
//   long form (SF)                          national innovation system (NIS)
//   long form noun (SF noun)                малых инновационных предприятий (МИ предприятия)
//   SF (long form)                          NIS (national innovation system)
//   long form (далее [по тексту] – SF)      национальной инновационной системе (далее НИС)
//   long form (hereinafter [referred to as] SF)   multinational corporations (hereinafter referred to as TNCs)
//   SF – это long form                      НИС – это национальная инновационная система
//   SF, or long form                        NIS, or national innovation system
//   long form, or SF                        national innovation system, or NIS
// The long form's boundary comes from letter matching (letter-match.ts, long-form-before.ts), for
// a Russian noun with a participial phrase after it from matching in the compound's order
// (participle.ts); the «далее» and "hereinafter" forms (hereinafter.ts) fall back on looser
// matching and syntax.
import { makeDefinition, type Definition, type DefinitionForm } from './definition.js';
import { hereinafterDefinition } from './hereinafter.js';
import { splitWords, wordStart } from './letter-match.js';
import { longFormBefore, matchVariants, plausibleLongForm, spellsShortForm, startsLongForm, translatedLongFormBefore } from './long-form-before.js';
import { isNoise } from './noise.js';
import { participialLongFormBefore } from './participle.js';
import { isShortForm, upperCount } from './shape.js';
import { collapse, maxLongFormWords, parentheses, trimmedEnd, type Paren } from './text-window.js';

export type { Definition, DefinitionForm } from './definition.js';

export function findDefinitions(text: string): Definition[] {
  const found: Definition[] = [];
  for (const paren of parentheses(text)) {
    const definition = hereinafterDefinition(text, paren) ?? parentheticalDefinition(text, paren) ?? reverseDefinition(text, paren);
    if (definition) found.push(definition);
  }
  // The two forward forms need their link word: a paragraph without it is not scanned for capitals.
  if (COPULA_LINK.test(text)) found.push(...forwardDefinitions(text, COPULA, 'SF is long'));
  if (OR_LINK.test(text)) found.push(...forwardDefinitions(text, OR_FORM, 'SF, or long'));
  found.push(...longOrShortDefinitions(text));
  return found.sort((a, b) => a.shortStart - b.shortStart);
}

// --- long form (SF) ---------------------------------------------------------------------------

function parentheticalDefinition(text: string, paren: Paren): Definition | null {
  const innerStart = paren.open + 1;
  const parts = [...text.slice(innerStart, paren.close).matchAll(/[^;,]+/gu)].map((m) => ({
    text: m[0].trim(),
    start: innerStart + m.index + (m[0].length - m[0].trimStart().length),
  }));
  const first = parts[0];
  if (!first) return null;
  const attributive = attributiveDefinition(text, paren, first);
  if (attributive) return attributive;
  // "(SF)", "(SF; note)", "(SF, p < 0.05)", "[OR] 3.67": the short form comes first (Schwartz–Hearst) …
  const short = isShortForm(first.text) ? first.text : null;
  if (short) {
    const long =
      longFormBefore(text, short, paren.open) ?? participialLongFormBefore(text, short, paren.open) ?? translatedLongFormBefore(text, short, paren.open);
    return long ? makeDefinition(text, [first.start, first.start + short.length], long, 'long (SF)') : null;
  }
  // … or last: "(blood-brain barrier, BBB)" defines inside, "(EC 1.15.1.1; SOD)" before.
  const last = parts[parts.length - 1]!;
  if (parts.length < 2 || !isShortForm(last.text)) return null;
  const shortSpan: [number, number] = [last.start, last.start + last.text.length];
  const inside = text.slice(first.start, trimmedEnd(text, last.start));
  if (startsLongForm(last.text, inside) && plausibleLongForm(last.text, collapse(inside))) {
    return makeDefinition(text, shortSpan, [first.start, first.start + inside.length], 'long (SF)');
  }
  const long = longFormBefore(text, last.text, paren.open);
  return long ? makeDefinition(text, shortSpan, long, 'long (SF)') : null;
}

/**
 * «Т-зависимых антигенов (ТЗ антигены)»: the short form cited in the nominative with the noun it
 * modifies, which the text has in another case. The short form stands for the words before that
 * noun. The same word repeated unchanged ("MEF cells" after "mouse embryo fibroblast cells") names
 * the whole phrase instead.
 */
function attributiveDefinition(text: string, paren: Paren, part: { text: string; start: number }): Definition | null {
  const m = /^(\S+)\s+(\p{Ll}{4,})$/u.exec(part.text);
  if (!m || !isShortForm(m[1]!) || upperCount(m[1]!) < 2) return null;
  const e = trimmedEnd(text, paren.open);
  const s = wordStart(text, e);
  const noun = text.slice(s, e).toLowerCase();
  if (noun === m[2] || !sameStem(noun, m[2]!)) return null;
  const long = longFormBefore(text, m[1]!, s);
  return long ? makeDefinition(text, [part.start, part.start + m[1]!.length], long, 'long (SF)') : null;
}

/** Forms of one word: a shared beginning of four letters or more that leaves at most three letters of either. */
function sameStem(a: string, b: string): boolean {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return n >= 4 && n >= Math.max(a.length, b.length) - 3;
}

// --- SF (long form) ---------------------------------------------------------------------------

function reverseDefinition(text: string, paren: Paren): Definition | null {
  const e = trimmedEnd(text, paren.open);
  let s = e;
  while (s > 0 && /[\p{L}\p{N}&/-]/u.test(text[s - 1]!)) s--;
  while (s < e && !/[\p{L}\p{N}]/u.test(text[s]!)) s++;
  const short = text.slice(s, e);
  if (!short) return null;
  if (!isShortForm(short) || upperCount(short) < 2) return null;
  const inner = text.slice(paren.open + 1, paren.close);
  const long = inner.split(/[;,]\s/u)[0]!.trim();
  if (isShortForm(long) || !plausibleLongForm(short, long)) return null;
  // The whole parenthesis must be the long form, and every letter must begin one of its words.
  if (!spellsShortForm(short, long)) return null;
  const ls = paren.open + 1 + inner.indexOf(long);
  return makeDefinition(text, [s, s + short.length], [ls, ls + long.length], 'SF (long)');
}

// --- SF – это long form; SF, or long form --------------------------------------------------------

const COPULA = /(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}\p{N}&-]*\p{Lu}[\p{Lu}\p{N}]*)\s+[–—-]\s+это\s+/gu;

const OR_FORM = /(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}\p{N}&-]*\p{Lu}[\p{Lu}\p{N}]*s?),\s+or\s+/gu;

/** What every match of COPULA and of OR_FORM contains: cheap tests that spare most paragraphs the full patterns. */
const COPULA_LINK = /\s[–—-]\s+это\s/u;
const OR_LINK = /,\s+or\s/u;

// "the national innovation system, or NIS,", «национальная инновационная система, или НИС»: the
// short form named as another name of what was just said, ending its clause.
const LONG_OR_SHORT = /,\s+(?:or|или)\s+(\p{Lu}[\p{Lu}\p{N}&-]*\p{Lu}[\p{Lu}\p{N}]*s?)(?=\s*[,.;:)]|\s+(?:\p{Ll}|$))/gu;

/** Definitions whose long form ends at the comma before "or SF", matched by its letters. */
function longOrShortDefinitions(text: string): Definition[] {
  const found: Definition[] = [];
  for (const m of text.matchAll(LONG_OR_SHORT)) {
    const short = m[1]!;
    if (isNoise(short)) continue;
    const shortStart = m.index + m[0].length - short.length;
    const long = longFormBefore(text, short, m.index);
    if (long) found.push(makeDefinition(text, [shortStart, shortStart + short.length], long, 'long, or SF'));
  }
  return found;
}

/** Definitions whose long form follows the short form: the fewest words that match its letters. */
function forwardDefinitions(text: string, pattern: RegExp, form: DefinitionForm): Definition[] {
  const found: Definition[] = [];
  for (const m of text.matchAll(pattern)) {
    const short = m[1]!;
    if (isNoise(short)) continue;
    const from = m.index + m[0].length;
    const clause = /^[^,.;:()!?]*/u.exec(text.slice(from))![0];
    const words = splitWords(clause).slice(0, maxLongFormWords(short));
    // "MAP1B/MAP5, or MAP2": a list of abbreviations, not a definition.
    if (words[0] && upperCount(words[0].text) >= 2) continue;
    for (let k = 1; k <= words.length; k++) {
      const candidate = clause.slice(0, words[k - 1]!.end);
      if (matchVariants(short).some((variant) => startsLongForm(variant, candidate))) {
        found.push(makeDefinition(text, [m.index, m.index + short.length], [from, from + candidate.length], form));
        break;
      }
    }
  }
  return found;
}
