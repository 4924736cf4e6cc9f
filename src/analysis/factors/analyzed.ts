// Which sentences factor, stance and candidate analysis read: those of paragraphs in an analyzed
// language (languages/) that are not references (captions and footnotes are read; the summary marks them).
import { isAnalyzed } from '../languages/index.js';
import { UNANALYZED_KINDS, type TextContext } from '../types.js';

/** The sentence's language when it is analyzed, else null. */
export function analyzedLanguage(context: TextContext, sentence: number): string | null {
  const s = context.sentences[sentence];
  const paragraph = s ? context.doc.paragraphs[s.paragraph] : undefined;
  if (!paragraph || UNANALYZED_KINDS.has(paragraph.kind) || !isAnalyzed(paragraph.language)) return null;
  return paragraph.language;
}
