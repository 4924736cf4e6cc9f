// The language of each paragraph (ISO 639-1, 'und' when undecided). Only the languages of
// languages/ are analyzed further, so the step must not read Ukrainian, Bulgarian or Kyrgyz as
// Russian, and a bilingual paper (a Russian paper with an English abstract) must get both languages.
//
// Letters decide first, because they are certain and cheap: Cyrillic text whose letters fit only
// one alphabet is in its language, and prose made mostly of an analyzed language's stop words is
// in that language (the profiles' detection hints).
// eld (an n-gram detector) decides the rest, but where it hesitates between a language and the one
// the letters already found in the same script (a list of names, a formula, a table), the paper's
// language wins. Paragraphs too short to judge alone (headings, "Keywords", page numbers) take the
// language of a neighbour written in the same script.
import { eld } from 'eld/extrasmall';
import { CyrillicLetterCounts, cyrillicAlphabets, fittingAlphabets } from './cyrillic-alphabets.js';
import { LANGUAGES, scriptDefault, type LanguageProfile } from './languages/index.js';
import { isStopWord } from './tokens.js';
import type { NormalizedDocument, Paragraph } from './types.js';

// eld's smallest database loads fastest (≈0.3 s against 1.5 s for the large one) and, with the
// alphabet check above it, tells ru, uk, be, bg and sr apart as well as the larger ones.

/** Paragraphs with fewer letters than this are decided from their neighbours when possible. */
const MIN_LETTERS_ALONE = 40;
/** eld reads at most this many characters of a paragraph: enough for a sure answer, and eld is
 * the costliest part of the step. */
const DETECTION_SAMPLE = 200;
/** eld's pick gives way to the paper's language of the same script scored within this share of it. */
const PAPER_LANGUAGE_MARGIN = 0.1;
const UNDECIDED = 'und';

type Script = 'cyrillic' | 'latin' | 'other' | 'none';

interface Neighbour {
  language: string;
  script: Script;
}

interface ParagraphLetters {
  script: Script;
  letters: number;
  cyrillic: CyrillicLetterCounts;
}

export function assignLanguages(doc: NormalizedDocument): NormalizedDocument {
  const letters = doc.paragraphs.map((p) => countLetters(doc.text, p.start, p.end));
  const long = letters.map((l) => l.letters >= MIN_LETTERS_ALONE);
  const sure = doc.paragraphs.map((p, i) => (long[i] ? languageByLetters(doc.text, p, letters[i]!) : null));
  const paperLanguages = dominantLanguages(sure, letters);
  const decided = doc.paragraphs.map((p, i) => sure[i] ?? (long[i] ? languageByEld(doc.text, p, letters[i]!, paperLanguages) : null));
  const previous = nearestDecided(decided, -1);
  const next = nearestDecided(decided, 1);
  const neighbour = (j: number): Neighbour | null => (j < 0 ? null : { language: decided[j]!, script: letters[j]!.script });
  doc.paragraphs.forEach((p, i) => {
    p.language =
      decided[i] ??
      decideShortParagraph(p, letters[i]!, neighbour(previous[i]!), neighbour(next[i]!), () => languageByEld(doc.text, p, letters[i]!, paperLanguages));
  });
  return doc;
}

/** For each script, the language that the letters found for most of the paper's letters in it. */
function dominantLanguages(sure: (string | null)[], letters: ParagraphLetters[]): Map<Script, string> {
  const totals = new Map<Script, Map<string, number>>();
  sure.forEach((language, i) => {
    if (language === null) return;
    const { script, letters: n } = letters[i]!;
    const byLanguage = totals.get(script) ?? new Map<string, number>();
    byLanguage.set(language, (byLanguage.get(language) ?? 0) + n);
    totals.set(script, byLanguage);
  });
  const dominant = new Map<Script, string>();
  for (const [script, byLanguage] of totals) dominant.set(script, best([...byLanguage], ([, n]) => n)[0]);
  return dominant;
}

/** For each paragraph, the index of the nearest decided paragraph in a direction (-1 if none). */
function nearestDecided(decided: (string | null)[], direction: 1 | -1): number[] {
  const nearest = new Array<number>(decided.length);
  let last = -1;
  const order = direction === -1 ? decided.keys() : [...decided.keys()].reverse();
  for (const i of order) {
    nearest[i] = last;
    if (decided[i] != null) last = i;
  }
  return nearest;
}

function countLetters(text: string, start: number, end: number): ParagraphLetters {
  const cyrillic = new CyrillicLetterCounts();
  let latin = 0;
  let other = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) latin++;
    } else if (!cyrillic.add(code)) {
      if (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) latin++;
      else if (LETTER.test(text[i]!)) other++;
    }
  }
  const letters = cyrillic.total + latin + other;
  const script: Script =
    letters === 0 ? 'none' : cyrillic.total >= latin && cyrillic.total >= other ? 'cyrillic' : latin >= other ? 'latin' : 'other';
  return { script, letters, cyrillic };
}

const LETTER = /\p{L}/u;

/**
 * The language when the letters alone settle it: one fitting Cyrillic alphabet, or prose of the
 * stop words of an analyzed language of the script (DetectionHints.stopWords).
 */
function languageByLetters(text: string, p: Paragraph, letters: ParagraphLetters): string | null {
  if (letters.script === 'cyrillic') {
    const fitting = fittingAlphabets(letters.cyrillic);
    if (fitting.length === 1) return fitting[0]!.code;
  }
  return LANGUAGES.find((profile) => profile.script === letters.script && looksLike(profile, text, p))?.code ?? null;
}

/**
 * eld's language among those the letters allow (for Cyrillic text, the fitting alphabets eld
 * knows; failing those, the first fitting one), unless the paper's language of the same script
 * scores nearly as high.
 */
function languageByEld(text: string, p: Paragraph, letters: ParagraphLetters, paperLanguages: Map<Script, string>): string {
  const scores = eld.detect(sample(text, p)).getScores();
  let candidates = Object.keys(scores);
  if (letters.script === 'cyrillic') {
    const fitting = fittingAlphabets(letters.cyrillic);
    const known = fitting.filter((a) => scores[a.code] !== undefined);
    if (known.length === 0 && fitting.length > 0) return fitting[0]!.code;
    // No alphabet fits (names in several languages at once): any Cyrillic language eld scores.
    candidates = (known.length > 0 ? known : cyrillicAlphabets.filter((a) => scores[a.code] !== undefined)).map((a) => a.code);
  }
  if (candidates.length === 0) return scriptDefault(letters.script) ?? UNDECIDED;
  const top = best(candidates, (code) => scores[code]!);
  const paper = paperLanguages.get(letters.script);
  const paperScore = paper === undefined ? undefined : scores[paper];
  const paperFits = paper !== undefined && (letters.script !== 'cyrillic' || candidates.includes(paper));
  return paperFits && paperScore !== undefined && paperScore >= scores[top]! * (1 - PAPER_LANGUAGE_MARGIN) ? paper : top;
}

function best<T>(items: T[], score: (item: T) => number): T {
  return items.reduce((a, b) => (score(b) > score(a) ? b : a));
}

/** Whether the paragraph's first words are, in the share the profile's hint asks, its stop words. */
function looksLike(profile: LanguageProfile, text: string, p: Paragraph): boolean {
  const hint = profile.detection.stopWords;
  if (!hint) return false;
  let words = 0;
  let stop = 0;
  for (const m of text.slice(p.start, Math.min(p.end, p.start + hint.sample)).matchAll(hint.word)) {
    words++;
    if (isStopWord(m[0].toLowerCase(), profile.code)) stop++;
  }
  return words >= hint.minWords && stop >= words * hint.share;
}

/** The paragraph's first characters, cut at a space, for eld. */
function sample(text: string, p: Paragraph): string {
  if (p.end - p.start <= DETECTION_SAMPLE) return text.slice(p.start, p.end);
  const cut = text.lastIndexOf(' ', p.start + DETECTION_SAMPLE);
  return text.slice(p.start, cut > p.start ? cut : p.start + DETECTION_SAMPLE);
}

/**
 * A short paragraph takes the language of the nearest long paragraph in the same script, looking
 * first after headings and titles (they introduce what follows) and first before anything else.
 * Without such a neighbour it is detected alone; without letters it is undecided.
 */
function decideShortParagraph(
  p: Paragraph,
  own: ParagraphLetters,
  previous: Neighbour | null,
  next: Neighbour | null,
  detectAlone: () => string,
): string {
  const neighbours = p.kind === 'heading' || p.kind === 'title' ? [next, previous] : [previous, next];
  for (const neighbour of neighbours) {
    if (!neighbour) continue;
    if (own.script === 'none' || (neighbour.script === own.script && fitsLetters(neighbour.language, own))) return neighbour.language;
  }
  return own.letters > 0 ? detectAlone() : UNDECIDED;
}

/**
 * Whether a neighbour's language can be this short paragraph's: any Latin-script language can;
 * a Cyrillic one only if the paragraph has no letter its alphabet lacks (a short text need not
 * show the alphabet's own letters: «Висновки» is Ukrainian without і).
 */
function fitsLetters(language: string, own: ParagraphLetters): boolean {
  return own.script !== 'cyrillic' || fittingAlphabets(own.cyrillic, { requireOwnLetters: false }).some((a) => a.code === language);
}
