// Types shared by the steps of the analysis pipeline and by everything that reads a Summary.
// The pipeline is: extract → normalize → language → sentences → abbreviations → factors → stance → summary.
import type { ArticleRange, FoundArticle } from './articles/types.js';

/** What the caller knows about a document besides its bytes. */
export interface DocumentMeta {
  filename: string;
  /** Password for encrypted PDFs (may be non-ASCII). */
  password?: string;
  /** Read scanned pages by OCR when `tesseract` is installed; without it they end `needs_ocr`. */
  ocr?: OcrOptions;
  /** A journal issue: find where its articles start and end (src/analysis/articles/). */
  splitIssue?: boolean;
  /** One article of an issue: analyze only this range of the issue's pages. */
  articleRange?: ArticleRange;
  /** Extra factors from the user lexicon stored in the database (factors/user-lexicon.ts), counted beside the codebook's. */
  userLexicon?: UserLexicon;
}

/** What the analysis is handed of a user lexicon (factors/user-lexicon.ts): its factors in the line format of lexicons/factors.txt, and their version. */
export interface UserLexicon {
  version: string;
  lexicon: string;
}

export interface OcrOptions {
  /** Tesseract's language models, joined by '+': rus+eng reads Russian papers that quote English. */
  languages: string;
  /** Scanned pages read per document at most; the rest stay missing, with a warning. */
  maxPages: number;
  /** Tesseract threads one document may use: its scanned pages are read this many at a time (default 1). */
  threads?: number;
}

export type MediaType = 'application/pdf' | 'text/plain' | 'text/markdown';

/**
 * The zone of a paragraph within the paper, as a reader sees it (src/analysis/structure/). Only the
 * argument — abstract and body — is read for factors; the rest is kept for display and metadata.
 * `front` holds journal and running headers, DOI, UDC/JEL, dates, keywords, funding and
 * acknowledgements; `foreign` is another article's text printed on the same pages of an issue.
 */
export type Zone =
  | 'title'
  | 'authors'
  | 'affiliation'
  | 'front'
  | 'abstract'
  | 'keywords'
  | 'heading'
  | 'body'
  | 'caption'
  | 'table'
  | 'footnote'
  | 'references'
  | 'appendix'
  | 'foreign';

/** Former name of Zone, kept for the modules that speak of block kinds. */
export type BlockKind = Zone;

/** The zones whose sentences are the paper's argument: factor mentions, stance and candidates come from them. */
export const ARGUMENT_ZONES: ReadonlySet<Zone> = new Set(['abstract', 'body']);

/** Zones that factor and stance analysis skips (kept for display): everything but the argument. */
export const UNANALYZED_KINDS: ReadonlySet<Zone> = new Set<Zone>([
  'title', 'authors', 'affiliation', 'front', 'keywords', 'heading', 'caption', 'table', 'footnote', 'references', 'appendix', 'foreign',
]);

/** One paragraph of extracted text, before offsets are assigned. */
export interface ExtractedBlock {
  text: string;
  /** 1-based page number (where the paragraph starts), null for text input. */
  page: number | null;
  kind: Zone;
  /** A paragraph going on over a page end: where in `text` the next page's part starts. */
  nextPageAt?: number;
}

/** A line of page furniture (running header or footer, page number) taken out of the text. */
export interface FurnitureLine {
  /** The PDF page, null in plain text. */
  page: number | null;
  text: string;
  /** In the top margin (a header) rather than the bottom one (a footer). */
  top: boolean;
}

/** What the paper says about itself: its bibliographic record (src/analysis/structure/bibliography.ts). */
export interface Bibliography {
  title: string | null;
  /** The English title a Russian paper prints beside its own. */
  titleEn: string | null;
  authors: string[];
  year: number | null;
  /** Where the year was read: issue line, copyright, dates of receipt, place-and-year line. */
  yearSource: 'issue' | 'copyright' | 'received' | 'imprint' | null;
  venue: string | null;
  doi: string | null;
  keywords: string[];
}

/** Output of the extract step: the document's text as paragraphs, in reading order. */
export interface ExtractedDocument {
  mediaType: MediaType;
  /** How a text file was decoded (utf-8, windows-1251…); null for PDFs. */
  encoding: string | null;
  /** Number of pages for PDFs, null for text input. */
  pages: number | null;
  title: string | null;
  blocks: ExtractedBlock[];
  warnings: string[];
  bibliography: Bibliography;
  /** The page number printed on each PDF page (index 0 = page 1), null where none is known. */
  printedPages: (string | null)[];
  /** Running headers, footers and page numbers taken out of the text. */
  furniture: FurnitureLine[];
  /** The articles of a journal issue, when splitting was asked for (DocumentMeta.splitIssue). */
  articles?: FoundArticle[];
}

/** A paragraph positioned in the normalized text. */
export interface Paragraph {
  start: number;
  end: number;
  /** The page the paragraph starts on. */
  page: number | null;
  /** A paragraph going on over a page end: the offset where the next page's part starts. */
  nextPageAt?: number;
  kind: BlockKind;
  /** ISO 639-1 code, or 'und' when undecided; set by the language step. */
  language: string;
}

/** The normalized text that every offset in a Summary refers to. */
export interface NormalizedDocument {
  text: string;
  paragraphs: Paragraph[];
}

export interface Sentence {
  start: number;
  end: number;
  /** Index into NormalizedDocument.paragraphs. */
  paragraph: number;
}

export interface Token {
  /** Surface form as written. */
  text: string;
  start: number;
  end: number;
  /** Lower-cased form with ё kept. */
  lower: string;
  /** Porter stem of the lower-cased form (the form itself for abbreviations and numbers). */
  stem: string;
  /** Letters only in upper case (ТНК, NIS, ВЭБ-а counts too). */
  upper: boolean;
}

export const STANCES = ['positive', 'negative', 'neutral'] as const;
export type Stance = (typeof STANCES)[number];

// ---------------------------------------------------------------------------------------------
// Summary v1 — the contract that every consumer reads: its JSON Schema is
// schema/summary-v1.schema.json, and README.md ("Summary v1") describes its fields.

export interface SummaryAbbreviation {
  short: string;
  long: string | null;
  /** The long form exactly as written in the text, when it came from the text. */
  longAsWritten?: string | null;
  source: 'text' | 'glossary' | 'unknown';
  language: string;
  count: number;
  firstOffset: number;
  equivalents: string[];
  factor: string | null;
}

export interface Evidence {
  sentence: string;
  start: number;
  end: number;
  page: number | null;
  language: string;
  match: string;
  stance: Stance;
  cues: string[];
  /** Zone of the sentence when it is not plain body text (abstract…). */
  section?: Zone;
  /** The page number printed on the page (from page labels or headers and footers), when known. */
  printedPage?: string | null;
  /**
   * Start offset of the evidence this sentence translates (the parallel abstract of a bilingual
   * paper): it is kept as evidence but counted once, with the stance of the one it translates.
   */
  translationOf?: number;
  /** Added in v1 after the first release: absent from Summaries stored before. */
  modality?: Modality;
  attribution?: Attribution;
  actors?: string[];
  confidence?: number;
}

/**
 * A factor's name in each analyzed language (lexicons/factors.txt, label.<code>), by language
 * code. English is the one the interface shows.
 */
export interface FactorLabels {
  readonly en: string;
  readonly [language: string]: string;
}

export interface SummaryFactor {
  id: string;
  label: FactorLabels;
  mentions: number;
  per1000Words: number;
  stance: { positive: number; negative: number; neutral: number; net: number };
  /** Added in v1 after the first release: absent from Summaries stored before. */
  assessment?: FactorAssessment;
  evidence: Evidence[];
}

export interface Candidate {
  phrase: string;
  count: number;
  suggestedFactor: string | null;
  offsets: [number, number][];
}

export interface Summary {
  schema: 'policylens/summary@1';
  document: {
    id: string;
    filename: string;
    mediaType: MediaType;
    /** How a text file was decoded (utf-8, windows-1251…); null for PDFs. Added in 1.1; absent from older summaries. */
    encoding?: string | null;
    title: string | null;
    pages: number | null;
    words: number;
    sentences: number;
    language: string;
    languages: Record<string, number>;
    lexicon: string;
    warnings: string[];
    /** Ids of the most salient factors, most salient first. */
    salientFactors?: string[];
    titleEn?: string | null;
    authors?: string[];
    year?: number | null;
    venue?: string | null;
    doi?: string | null;
    keywords?: string[];
    /** The abstract in each language the paper prints one. */
    abstracts?: { language: string; text: string }[];
    /** Factor mentions found outside the argument (abstract and body), per zone; not counted. */
    excludedMentions?: Partial<Record<Zone, number>>;
  };
  abbreviations: SummaryAbbreviation[];
  factors: SummaryFactor[];
  candidates: Candidate[];
}

/** One sentence's mention of one codebook factor, with the stance the classifier gave it. */
export interface FactorMention {
  factor: string;
  /** Index into the sentence list. */
  sentence: number;
  /** The words that matched the lexicon, as written, and where they stand in the text. */
  match: string;
  matchStart: number;
  matchEnd: number;
  stance: Stance;
  /** The words that decided the stance (empty for neutral mentions without cues). */
  cues: string[];
  /** Start offset of the sentence whose mention this one translates (counted once). */
  translationOf?: number;
  /** What kind of statement the sentence makes about the factor. */
  modality: Modality;
  /** Whose view it is: the author's, or a cited one. */
  attribution: Attribution;
  /** Countries and organisations the sentence names, one name per actor in both languages. */
  actors: string[];
  /** How likely the mention is right (factor and stance), in [0, 1]; see factors/confidence.ts. */
  confidence: number;
}

/** claim: stated as fact; recommendation: advised («необходимо», "should"); hypothetical: a hedge,
 * condition or counterfactual («если бы», "would"); negated: the factor itself is denied («нет ТНК»). */
export type Modality = 'claim' | 'recommendation' | 'hypothetical' | 'negated';
export type Attribution = 'author' | 'cited';

/**
 * The document's weighed evaluation of a factor: the author's own claims, the abstract and the
 * conclusions count more than cited views, hypotheses and passing mentions (see summary.ts).
 */
export interface FactorAssessment {
  stance: 'positive' | 'negative' | 'mixed' | 'neutral';
  /** Weighed mean of the mentions' signs (+1, −1, 0), in [−1, 1]. */
  score: number;
  /** Sum of the weights: how much the document says about the factor. */
  weight: number;
}

/** A factor of the codebook: id, labels and group, as read from lexicons/. */
export interface FactorDefinition {
  id: string;
  group: string;
  label: FactorLabels;
}

/** The text with its sentences and their tokens, computed once and read by every later step. */
export interface TextContext {
  doc: NormalizedDocument;
  sentences: Sentence[];
  /** tokens[i] are the tokens of sentences[i]. */
  tokens: Token[][];
}
