// Builds small normalized documents for the language, sentence and token tests.
import type { BlockKind, NormalizedDocument, Paragraph } from '../../src/analysis/types.js';

export interface ParagraphSpec {
  text: string;
  kind?: BlockKind;
}

/** Paragraphs joined by blank lines, as the normalize step joins them. */
export function documentOf(...paragraphs: (string | ParagraphSpec)[]): NormalizedDocument {
  let text = '';
  const list: Paragraph[] = [];
  for (const spec of paragraphs) {
    const { text: body, kind = 'body' } = typeof spec === 'string' ? { text: spec } : spec;
    if (text) text += '\n\n';
    list.push({ start: text.length, end: text.length + body.length, page: null, kind, language: 'und' });
    text += body;
  }
  return { text, paragraphs: list };
}
