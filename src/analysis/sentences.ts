// STUB (replaced by issue 4): splits at . ! ? followed by space and a capital letter.
import type { NormalizedDocument, Sentence } from './types.js';

export function splitSentences(doc: NormalizedDocument): Sentence[] {
  const sentences: Sentence[] = [];
  doc.paragraphs.forEach((p, paragraph) => {
    const re = /[.!?]+(?=\s+[\p{Lu}«"(\d])/gu;
    let start = p.start;
    const text = doc.text.slice(p.start, p.end);
    for (const m of text.matchAll(re)) {
      const end = p.start + m.index + m[0].length;
      sentences.push({ start, end, paragraph });
      start = end + 1;
      while (start < p.end && /\s/.test(doc.text[start]!)) start++;
    }
    if (start < p.end) sentences.push({ start, end: p.end, paragraph });
  });
  return sentences;
}
