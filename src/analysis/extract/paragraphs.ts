// The common shape that PDF layout analysis and plain-text reading both produce, and the step that
// turns it into the ExtractedDocument: lines joined (hyphenation undone), roles assigned.
import type { ExtractedBlock, ExtractedDocument, MediaType } from '../types.js';
import { DocumentVocabulary, joinLines } from './dehyphenate.js';
import { classifyBlocks } from './structure.js';

/** One paragraph as laid out: its lines (line-end hyphens still there) and what layout knows. */
export interface LayoutParagraph {
  lines: string[];
  /** 1-based page, null for text input. A paragraph never spans two pages. */
  page: number | null;
  /** Font size relative to the document's body text (1 = body size); null when unknown. */
  relativeSize: number | null;
  /** Small print below the body text at the bottom of a page. */
  footnote: boolean;
}

export interface LayoutResult {
  mediaType: MediaType;
  pages: number | null;
  paragraphs: LayoutParagraph[];
  warnings: string[];
}

export function buildDocument(layout: LayoutResult): ExtractedDocument {
  const vocabulary = new DocumentVocabulary(layout.paragraphs.map((p) => p.lines));
  const joined = layout.paragraphs
    .map((p) => ({ ...p, text: joinLines(p.lines, vocabulary) }))
    .filter((p) => p.text.length > 0);
  const kinds = classifyBlocks(joined);
  const blocks: ExtractedBlock[] = [];
  let titleLines: string[] = [];
  joined.forEach((p, i) => {
    const kind = kinds[i]!;
    const previous = blocks[blocks.length - 1];
    // A title set over several centred lines comes out as several paragraphs: one block again,
    // with the hyphenation between its lines undone like any other.
    if (kind === 'title' && previous?.kind === 'title') {
      titleLines.push(...p.lines);
      previous.text = joinLines(titleLines, vocabulary);
      return;
    }
    if (kind === 'title') titleLines = [...p.lines];
    blocks.push({ text: p.text, page: p.page, kind });
  });
  const title = blocks.find((b) => b.kind === 'title')?.text ?? null;
  return { mediaType: layout.mediaType, pages: layout.pages, title, blocks, warnings: layout.warnings };
}
