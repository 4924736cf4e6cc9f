// Builds a TextContext for abbreviation tests from paragraphs of plain text, one sentence per
// paragraph, without the other pipeline steps (the seed test runs those).
import type { BlockKind, TextContext } from '../../src/analysis/types.js';

export function contextOf(...paragraphs: (string | { text: string; kind: BlockKind })[]): TextContext {
  let text = '';
  const doc: TextContext['doc'] = { text: '', paragraphs: [] };
  const sentences: TextContext['sentences'] = [];
  paragraphs.forEach((p, i) => {
    const { text: t, kind } = typeof p === 'string' ? { text: p, kind: 'body' as const } : p;
    if (i) text += '\n\n';
    const start = text.length;
    text += t;
    const language = /\p{Script=Cyrillic}/u.test(t) ? 'ru' : 'en';
    doc.paragraphs.push({ start, end: text.length, page: null, kind, language });
    sentences.push({ start, end: text.length, paragraph: i });
  });
  doc.text = text;
  return { doc, sentences, tokens: sentences.map(() => []) };
}
