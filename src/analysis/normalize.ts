// STUB (replaced by issue 3): joins blocks into one text with offsets.
import type { ExtractedDocument, NormalizedDocument, Paragraph } from './types.js';

export function normalize(extracted: ExtractedDocument): NormalizedDocument {
  let text = '';
  const paragraphs: Paragraph[] = [];
  for (const block of extracted.blocks) {
    const clean = block.text.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (!clean) continue;
    if (text) text += '\n\n';
    paragraphs.push({ start: text.length, end: text.length + clean.length, page: block.page, kind: block.kind, language: 'und' });
    text += clean;
  }
  return { text, paragraphs };
}
