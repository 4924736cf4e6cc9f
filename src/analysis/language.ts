// The language of each paragraph (ISO 639-1, 'und' when undecided). Only Russian and English are
// analyzed further, so the step must not read Ukrainian, Bulgarian or Kyrgyz as Russian, and a
// bilingual paper (a Russian paper with an English abstract) must get both languages.
//
// Letters decide first, because they are certain and cheap: Cyrillic text whose letters fit only
// the Russian alphabet is Russian, and Latin text made mostly of English stop words is English.
// eld (an n-gram detector) decides the rest. Paragraphs too short to judge alone (headings,
// "Keywords", page numbers) take the language of a neighbour written in the same script.
import { eld } from 'eld/extrasmall';
import { CyrillicLetterCounts, cyrillicAlphabets, fittingAlphabets } from './cyrillic-alphabets.js';
import { isStopWord } from './tokens.js';
import type { NormalizedDocument, Paragraph } from './types.js';

// eld's smallest database loads fastest (≈0.3 s against 1.5 s for the large one) and, with the
// alphabet check above it, tells ru, uk, be, bg and sr apart as well as the larger ones.

/** Paragraphs with fewer letters than this are decided from their neighbours when possible. */
const MIN_LETTERS_ALONE = 40;
/** eld reads at most this many characters of a paragraph: enough for a sure answer, and eld is
 * the costliest part of the step. */
const DETECTION_SAMPLE = 200;
/** English when at least this share of a paragraph's first words are English stop words. */
const ENGLISH_STOP_WORD_SHARE = 0.3;
const ENGLISH_MIN_WORDS = 6;
const ENGLISH_SAMPLE = 300;
const UNDECIDED = 'und';

type Script = 'cyrillic' | 'latin' | 'other' | 'none';

interface ParagraphLetters {
  script: Script;
  letters: number;
  cyrillic: CyrillicLetterCounts;
}

export function assignLanguages(doc: NormalizedDocument): NormalizedDocument {
  const letters = doc.paragraphs.map((p) => countLetters(doc.text, p.start, p.end));
  const decided = doc.paragraphs.map((p, i) =>
    letters[i]!.letters >= MIN_LETTERS_ALONE ? detectParagraph(doc.text, p, letters[i]!) : null,
  );
  doc.paragraphs.forEach((p, i) => {
    p.language = decided[i] ?? decideShortParagraph(doc, letters, decided, i);
  });
  return doc;
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

function detectParagraph(text: string, p: Paragraph, letters: ParagraphLetters): string {
  if (letters.script === 'cyrillic') return cyrillicLanguage(letters.cyrillic, () => sample(text, p));
  if (letters.script === 'latin' && looksEnglish(text, p)) return 'en';
  return eld.detect(sample(text, p)).language || UNDECIDED;
}

/** Among the alphabets that fit the letters, the one eld scores highest (or the first listed). */
function cyrillicLanguage(letters: CyrillicLetterCounts, sampleText: () => string): string {
  const fitting = fittingAlphabets(letters);
  if (fitting.length === 1) return fitting[0]!.code;
  const scores = eld.detect(sampleText()).getScores();
  const known = fitting.filter((a) => scores[a.code] !== undefined);
  if (known.length > 0) return best(known, (a) => scores[a.code]!).code;
  if (fitting.length > 0) return fitting[0]!.code;
  // Letters of several alphabets at once (a list of names in many languages): eld's Cyrillic pick.
  const cyrillicScored = cyrillicAlphabets.filter((a) => scores[a.code] !== undefined);
  return cyrillicScored.length > 0 ? best(cyrillicScored, (a) => scores[a.code]!).code : 'ru';
}

function best<T>(items: T[], score: (item: T) => number): T {
  return items.reduce((a, b) => (score(b) > score(a) ? b : a));
}

function looksEnglish(text: string, p: Paragraph): boolean {
  let words = 0;
  let stop = 0;
  for (const m of text.slice(p.start, Math.min(p.end, p.start + ENGLISH_SAMPLE)).matchAll(/[A-Za-z']+/g)) {
    words++;
    if (isStopWord(m[0].toLowerCase(), 'en')) stop++;
  }
  return words >= ENGLISH_MIN_WORDS && stop >= words * ENGLISH_STOP_WORD_SHARE;
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
  doc: NormalizedDocument,
  letters: ParagraphLetters[],
  decided: (string | null)[],
  index: number,
): string {
  const own = letters[index]!;
  const p = doc.paragraphs[index]!;
  const forward = p.kind === 'heading' || p.kind === 'title';
  for (const direction of forward ? [1, -1] : [-1, 1]) {
    for (let j = index + direction; j >= 0 && j < decided.length; j += direction) {
      const neighbour = decided[j];
      if (neighbour == null) continue;
      if (own.script === 'none' || (letters[j]!.script === own.script && fitsLetters(neighbour, own))) return neighbour;
      break;
    }
  }
  return own.letters > 0 ? detectParagraph(doc.text, p, own) : UNDECIDED;
}

/** Whether a neighbour's language can be this short Cyrillic paragraph's (Latin ones always can). */
function fitsLetters(language: string, own: ParagraphLetters): boolean {
  return own.script !== 'cyrillic' || fittingAlphabets(own.cyrillic).some((a) => a.code === language);
}
