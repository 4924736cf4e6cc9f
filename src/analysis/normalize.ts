// The normalized text every offset in a Summary refers to: one paragraph per line, paragraphs
// joined by a blank line, each paragraph on one page with its role. Characters are unified so that
// lexicon matching sees one form: NFC, no soft hyphens or invisible characters, ligatures spelled
// out, one kind of double quote, single quote, hyphen and dash, single spaces.
import type { ExtractedDocument, NormalizedDocument, Paragraph } from './types.js';

const PARAGRAPH_SEPARATOR = '\n\n';

/** Ligatures (presentation forms U+FB00–FB06) as the letters they stand for. */
const LIGATURES: Record<string, string> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};

/**
 * Bidirectional marks, embeddings, overrides and isolates: they can make stored text, titles and
 * evidence display other than they read (Trojan Source); papers in Russian and English need none.
 */
export const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

const REPLACEMENTS: [RegExp, string][] = [
  // Soft hyphens, zero-width spaces and joiners, word joiner, BOM: invisible, they break words apart.
  [/[\u00ad\u200b-\u200d\u2060\ufeff]/g, ''],
  [BIDI_CONTROLS, ''],
  // Double quotes of every typography (“ ” „ ‟ « » ″) as ", single quotes and apostrophes as '.
  [/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"'],
  [/[\u2018\u2019\u201a\u201b\u02bc\u2032]/g, "'"],
  // Hyphens (‐ ‑) and the minus sign as "-", dashes (‒ – — ―) as "–".
  [/[\u2010\u2011\u2212]/g, '-'],
  [/[\u2012\u2013\u2014\u2015]/g, '–'],
  // Control characters other than whitespace.
  [/[\u0000-\u0008\u000e-\u001f\u007f]/g, ''],
  // Every kind of space, tab and line break inside a paragraph as one space.
  [/\s+/g, ' '],
];

/**
 * TeX-made PDFs often give an accent as a separate spacing character before its letter ("na¨ıve",
 * "caf´e"); before a vowel it is put back on the letter (as a combining mark, composed by NFC).
 */
const SPACING_ACCENTS: Record<string, string> = { '\u00a8': '\u0308', '\u00b4': '\u0301', '\u02c6': '\u0302', '\u02dc': '\u0303' };
const SPACING_ACCENT_BEFORE_VOWEL = /([\u00a8\u00b4\u02c6\u02dc])([aeiouyAEIOUYı])/g;

export function normalizeParagraphText(text: string): string {
  let result = text
    .replace(SPACING_ACCENT_BEFORE_VOWEL, (_, accent: string, vowel: string) => (vowel === 'ı' ? 'i' : vowel) + (SPACING_ACCENTS[accent] ?? ''))
    .normalize('NFC')
    .replace(/[\ufb00-\ufb06]/g, (ch) => LIGATURES[ch] ?? ch);
  for (const [pattern, replacement] of REPLACEMENTS) result = result.replace(pattern, replacement);
  return result.trim();
}

export function normalize(extracted: Pick<ExtractedDocument, 'blocks'>): NormalizedDocument {
  let text = '';
  const paragraphs: Paragraph[] = [];
  for (const block of extracted.blocks) {
    const clean = normalizeParagraphText(block.text);
    if (!clean) continue;
    if (text) text += PARAGRAPH_SEPARATOR;
    const paragraph: Paragraph = { start: text.length, end: text.length + clean.length, page: block.page, kind: block.kind, language: 'und' };
    if (block.nextPageAt !== undefined) paragraph.nextPageAt = paragraph.start + Math.min(clean.length, normalizeParagraphText(block.text.slice(0, block.nextPageAt)).length);
    paragraphs.push(paragraph);
    text += clean;
  }
  return { text, paragraphs };
}
