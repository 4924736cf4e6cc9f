// The role of each paragraph in a paper: title, abstracts, keywords, headings, body, footnotes,
// captions and the bibliography. Factor analysis skips the references and may weigh the rest.
// Markers are the ones Russian and English journals print; sizes come from the PDF when known.
import type { BlockKind } from '../types.js';

export interface ParagraphFacts {
  text: string;
  page: number | null;
  relativeSize: number | null;
  footnote: boolean;
}

const ABSTRACT_START = /^(аннотация|резюме|реферат|abstract|summary)(\s*[.:—–-]|\s*$)/i;
const KEYWORDS_START = /^(ключевые\s+слова|key\s*words|index\s+terms)\s*[.:—–-]?/i;
const REFERENCES_HEADING =
  /^(\d+\.?\s*)?(список\s+(использованной\s+|цитируемой\s+)?(литературы|источников)|литература|библиографический\s+список|библиография|references|bibliography|works\s+cited|literature\s+cited)\s*[.:]?$/i;
/** Headings that end the bibliography when they follow it (author notes, appendices). */
const AFTER_REFERENCES_HEADING =
  /^(\d+\.?\s*)?(приложени[ея]|сведения\s+об\s+авторах|об\s+авторах|информация\s+об\s+авторах|appendix|about\s+the\s+authors?|author\s+information|information\s+about\s+the\s+authors?)(?![\p{L}])/iu;
const CAPTION_START =
  /^(рис\.|рисунок|табл\.|таблица|диаграмма|схема|график|figure|fig\.|table|chart|exhibit)\s*(\d+(\.\d+)*|[IVX]+|[A-ZА-Я])\s*($|[.:—–-])|^(источник|источники|примечание|source|sources|note)\s*:/i;
const FOOTNOTE_MARKER = /^[¹²³⁴⁵⁶⁷⁸⁹⁰*]+\s*\S/;
const MAX_HEADING_CHARS = 150;
const MAX_HEADING_WORDS = 15;
const MAX_TITLE_CHARS = 300;
/** A title is printed larger than the body; 1.15× tells it from bold body-size headings. */
const TITLE_MIN_RELATIVE_SIZE = 1.15;
/** The title is among the first paragraphs of page 1 (before authors, abstract…). */
const TITLE_SEARCH_WINDOW = 6;
/** An abstract under its own heading has a few paragraphs; an unmarked end must not swallow the paper. */
const MAX_ABSTRACT_PARAGRAPHS = 4;

export function classifyBlocks(paragraphs: readonly ParagraphFacts[]): BlockKind[] {
  const kinds: BlockKind[] = paragraphs.map((p) => initialKind(p));
  const title = findTitle(paragraphs, kinds);
  if (title >= 0) {
    kinds[title] = 'title';
    // A title set over several lines of one size may come out as several paragraphs (centred lines).
    const size = paragraphs[title]!.relativeSize;
    for (let i = title + 1; size !== null && paragraphs[i]?.relativeSize === size && paragraphs[i]!.page === 1; i++) kinds[i] = 'title';
  }
  markSections(paragraphs, kinds);
  return kinds;
}

function initialKind(p: ParagraphFacts): BlockKind {
  const text = p.text;
  if (p.footnote || (p.page === null && FOOTNOTE_MARKER.test(text))) return 'footnote';
  if (KEYWORDS_START.test(text)) return 'keywords';
  if (ABSTRACT_START.test(text)) return text.length < 20 ? 'heading' : 'abstract';
  if (CAPTION_START.test(text)) return 'caption';
  if (REFERENCES_HEADING.test(text) || looksLikeHeading(p)) return 'heading';
  return 'body';
}

function looksLikeHeading(p: ParagraphFacts): boolean {
  const text = p.text;
  if (text.length > MAX_HEADING_CHARS || text.split(/\s+/).length > MAX_HEADING_WORDS) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(text)) return false;
  if (/[.,;:]$/.test(text) && !/^\d+(\.\d+)*\.?$/.test(text)) return false;
  // "А. В. Корнилов, Е. С. Добрынина": author lines look like headings but are not sections.
  if (/^(\p{Lu}\.\s?){1,2}\p{Lu}\p{Ll}+/u.test(text)) return false;
  if (p.relativeSize !== null && p.relativeSize < 0.95) return false;
  return true;
}

function findTitle(paragraphs: readonly ParagraphFacts[], kinds: readonly BlockKind[]): number {
  const window = paragraphs.slice(0, TITLE_SEARCH_WINDOW);
  const sized = window.filter((p) => p.relativeSize !== null);
  if (sized.length > 0) {
    // PDF: the largest print on page 1, if it is larger than the body.
    let best = -1;
    window.forEach((p, i) => {
      if (p.page !== 1 || p.relativeSize === null || p.relativeSize < TITLE_MIN_RELATIVE_SIZE) return;
      if (p.text.length > MAX_TITLE_CHARS || !['heading', 'body'].includes(kinds[i]!)) return;
      if (best < 0 || p.relativeSize > window[best]!.relativeSize!) best = i;
    });
    return best;
  }
  // Text: the first paragraph when it is short and not a sentence of the body.
  const first = paragraphs[0];
  if (first && first.text.length <= MAX_TITLE_CHARS && !/[.;,]$/.test(first.text) && kinds[0] !== 'keywords') {
    return 0;
  }
  return -1;
}

/**
 * Kinds that depend on what came before: text under an "Abstract" heading is abstract, and
 * everything after a "References" heading is bibliography until an appendix or author notes.
 */
function markSections(paragraphs: readonly ParagraphFacts[], kinds: BlockKind[]): void {
  let section: 'body' | 'abstract' | 'references' = 'body';
  let abstractParagraphs = 0;
  paragraphs.forEach((p, i) => {
    const kind = kinds[i]!;
    if (kind === 'footnote' || kind === 'title') return;
    if (kind === 'heading') {
      if (REFERENCES_HEADING.test(p.text)) section = 'references';
      else if (ABSTRACT_START.test(p.text)) {
        section = 'abstract';
        abstractParagraphs = 0;
      }
      else if (section !== 'references' || AFTER_REFERENCES_HEADING.test(p.text)) section = 'body';
      else kinds[i] = 'references'; // an entry that merely looks like a heading
      return;
    }
    if (kind === 'abstract' || kind === 'keywords') {
      // A second-language abstract often follows the bibliography in Russian journals.
      section = 'body';
      return;
    }
    if (section === 'references') kinds[i] = 'references';
    else if (section === 'abstract' && kind === 'body' && abstractParagraphs++ < MAX_ABSTRACT_PARAGRAPHS) kinds[i] = 'abstract';
  });
}
