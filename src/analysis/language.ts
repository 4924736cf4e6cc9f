// STUB (replaced by issue 4): Cyrillic vs Latin letters.
import type { NormalizedDocument } from './types.js';

export function assignLanguages(doc: NormalizedDocument): NormalizedDocument {
  for (const p of doc.paragraphs) {
    const s = doc.text.slice(p.start, p.end);
    const cyr = (s.match(/[а-яё]/gi) ?? []).length;
    const lat = (s.match(/[a-z]/gi) ?? []).length;
    p.language = cyr + lat === 0 ? 'und' : cyr >= lat ? 'ru' : 'en';
  }
  return doc;
}
