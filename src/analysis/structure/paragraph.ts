// What the structure step knows of a paragraph: its text and what the layout said about it, and
// the measures of its shape that the zone rules ask for (each reads at most a bounded prefix).
import { charFlags, CYRILLIC, LATIN, LETTER, LOWER, SPACE, UPPER } from '../char-classes.js';
export interface StructureParagraph {
  text: string;
  /** 1-based page where it starts, null for text input. */
  page: number | null;
  /** Print size relative to the body text, null when unknown (text input). */
  relativeSize: number | null;
  /** Small print at the foot of a page. */
  footnote: boolean;
  /** Marked as a heading by the text itself (Markdown). */
  heading?: boolean;
  /** The lines as laid out, when known (a list printed one item per line). */
  lines?: readonly string[];
}

/** Prose has at least this many words. */
const PROSE_WORDS = 25;

export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Characters read to judge a paragraph's shape: enough for a sample, bounded for long paragraphs. */
const SAMPLE = 400;

/** Share of letters among the characters that are not spaces (of the first SAMPLE characters). */
export function letterShare(text: string): number {
  let letters = 0;
  let other = 0;
  for (let i = 0; i < Math.min(text.length, SAMPLE); i++) {
    const flags = charFlags(text, i);
    if (flags & SPACE) continue;
    if (flags & LETTER) letters++;
    else other++;
  }
  return letters + other === 0 ? 0 : letters / (letters + other);
}

/** The script most letters of the paragraph's start are written in. */
export function script(text: string): 'cyrillic' | 'latin' {
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < Math.min(text.length, SAMPLE); i++) {
    const flags = charFlags(text, i);
    if (flags & CYRILLIC) cyrillic++;
    else if (flags & LATIN) latin++;
  }
  return cyrillic >= latin ? 'cyrillic' : 'latin';
}

/** A paragraph of running sentences: long enough, mostly letters, ending as a sentence ends. */
export function isProse(text: string): boolean {
  return wordCount(text) >= PROSE_WORDS && /[.!?…»")]$/.test(text.trim()) && letterShare(text) > 0.6;
}

/** Printed in capitals (at least ten letters, nearly all of them upper case). */
export function isAllCaps(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < Math.min(text.length, SAMPLE); i++) {
    const flags = charFlags(text, i);
    if (flags & UPPER) upper++;
    else if (flags & LOWER) lower++;
  }
  return upper >= 10 && lower <= 0.1 * upper;
}
