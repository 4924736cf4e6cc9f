// Which sentences factor, stance and candidate analysis read: those of paragraphs in an analyzed
// language (ru, en) that are not references (captions and footnotes are read; the summary marks them).
import { ANALYZED_LANGUAGES, UNANALYZED_KINDS, type TextContext } from '../types.js';
import type { FactorLanguage } from './lexicon.js';

/** The sentence's language when it is analyzed, else null. */
export function analyzedLanguage(context: TextContext, sentence: number): FactorLanguage | null {
  const s = context.sentences[sentence];
  const paragraph = s ? context.doc.paragraphs[s.paragraph] : undefined;
  if (!paragraph || UNANALYZED_KINDS.has(paragraph.kind) || !ANALYZED_LANGUAGES.has(paragraph.language)) return null;
  return paragraph.language as FactorLanguage;
}
