// Builds the pipeline's TextContext from plain paragraphs, so that factor and stance tests run the
// real tokenizer, sentence splitter and lexicons without the extract and language steps.
import { buildTextContext } from '../../src/analysis/index.js';
import { findFactorMentions } from '../../src/analysis/factors/index.js';
import type { BlockKind, FactorMention, Paragraph, SummaryAbbreviation, TextContext } from '../../src/analysis/types.js';

export interface TestParagraph {
  text: string;
  language?: string;
  kind?: BlockKind;
}

export function contextOf(...paragraphs: (string | TestParagraph)[]): TextContext {
  let text = '';
  const list: Paragraph[] = [];
  for (const p of paragraphs.map((p) => (typeof p === 'string' ? { text: p } : p))) {
    if (text) text += '\n\n';
    const language = p.language ?? (/[а-яё]/i.test(p.text) ? 'ru' : 'en');
    list.push({ start: text.length, end: text.length + p.text.length, page: null, kind: p.kind ?? 'body', language });
    text += p.text;
  }
  return buildTextContext({ text, paragraphs: list });
}

export function mentionsOf(text: string | TestParagraph, abbreviations: SummaryAbbreviation[] = []): FactorMention[] {
  return findFactorMentions(contextOf(text), abbreviations);
}

/** factor → stance of its first mention. */
export function stances(text: string): Record<string, string> {
  return Object.fromEntries(mentionsOf(text).map((m) => [m.factor, m.stance]));
}
