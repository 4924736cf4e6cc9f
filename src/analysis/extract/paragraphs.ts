// The common shape that PDF layout analysis and plain-text reading both produce, and the step that
// turns it into the ExtractedDocument: lines joined (hyphenation undone), then the structure step
// (src/analysis/structure/) gives every paragraph its zone and reads the bibliographic record.
import { BIDI_CONTROLS } from '../normalize.js';
import { splitFrontLines } from '../structure/front-lines.js';
import { readStructure } from '../structure/index.js';
import type { ExtractedBlock, ExtractedDocument, FurnitureLine, MediaType } from '../types.js';
import type { TextEncoding } from './decode-text.js';
import { DocumentVocabulary, joinLines } from './dehyphenate.js';

/** One paragraph as laid out: its lines (line-end hyphens still there) and what layout knows. */
export interface LayoutParagraph {
  lines: string[];
  /** 1-based page where the paragraph starts, null for text input (a sentence cut by a page end goes on in it). */
  page: number | null;
  /** Font size relative to the document's body text (1 = body size); null when unknown. */
  relativeSize: number | null;
  /** Small print below the body text at the bottom of a page. */
  footnote: boolean;
  /** Marked as a heading by the text itself (a Markdown '#' line). */
  heading?: boolean;
  /** The paragraph goes on over a page end: its lines from this index on are on the next page. */
  nextPageLine?: number;
}

export interface LayoutResult {
  mediaType: MediaType;
  /** How a text file was decoded; absent for PDFs. */
  encoding?: TextEncoding;
  pages: number | null;
  paragraphs: LayoutParagraph[];
  warnings: string[];
  /** Running headers, footers and page numbers taken out of the text (PDF only). */
  furniture: FurnitureLine[];
  /** The page number printed on each page (PDF only; index 0 = page 1). */
  printedPages: (string | null)[];
}

/** The paragraphs as the structure step reads them: lines joined, front lines split apart. */
export function joinParagraphs(layout: LayoutResult, vocabulary: DocumentVocabulary): (LayoutParagraph & { text: string })[] {
  const pieces = splitFrontLines(layout.paragraphs);
  return layout.paragraphs
    .flatMap((p, i) => pieces[i]!.map((lines) => ({ ...p, lines, text: joinLines(lines, vocabulary) })))
    .filter((p) => p.text.length > 0);
}

export function buildDocument(layout: LayoutResult): ExtractedDocument {
  const vocabulary = new DocumentVocabulary(layout.paragraphs.map((p) => p.lines));
  const joined = joinParagraphs(layout, vocabulary);
  const structure = readStructure(joined, layout.furniture);
  const blocks: ExtractedBlock[] = joined.map((p, i) => {
    const block: ExtractedBlock = { text: p.text, page: p.page, kind: structure.zones[i]! };
    if (p.nextPageLine !== undefined) block.nextPageAt = nextPageOffset(p.text, joinLines(p.lines.slice(0, p.nextPageLine), vocabulary));
    return block;
  });
  // Bidirectional controls could make the title display other than it reads (see normalize.ts).
  const title = structure.bibliography.title?.replace(BIDI_CONTROLS, '') ?? null;
  return {
    mediaType: layout.mediaType,
    encoding: layout.encoding ?? null,
    pages: layout.pages,
    title,
    blocks,
    warnings: [...layout.warnings, ...structure.warnings],
    bibliography: { ...structure.bibliography, title },
    printedPages: layout.printedPages,
    furniture: layout.furniture,
  };
}

/**
 * Where the next page's text starts in a paragraph joined over a page end: after the text of the
 * first page's lines (a word hyphenated across the page end belongs to the first page).
 */
function nextPageOffset(text: string, firstPage: string): number {
  if (text.startsWith(firstPage)) return firstPage.length;
  const space = text.indexOf(' ', firstPage.length);
  return space < 0 ? text.length : space;
}
