// The tables as Kysely sees them. Timestamps are ISO-8601 strings and JSON columns are text, so
// that SQLite and PostgreSQL run exactly the same queries.
import type { Generated } from 'kysely';
import type { IndexedSentence } from '../analysis/search-index.js';
import type { DocumentStatus } from '../analysis/errors.js';
import type { ReviewState, Verdict } from '../analysis/review-coding.js';
import type { Stance, Zone } from '../analysis/types.js';

export interface DocumentsTable {
  /** sha256 hex of the original bytes: the same file uploaded twice is one document. */
  id: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  status: DocumentStatus;
  title: string | null;
  pages: number | null;
  words: number | null;
  sentences: number | null;
  language: string | null;
  error_code: string | null;
  error_message: string | null;
  lexicon_version: string | null;
  /** Password for an encrypted PDF, kept until the analysis succeeds; sealed by PasswordBox (never plain text). */
  pdf_password: string | null;
  /**
   * Analysis attempts started that never came back (their process or the server died); counted
   * before each attempt starts, so that they survive restarts (see AnalysisService.process).
   */
  attempts: number;
  created_at: string;
  updated_at: string;
  /** When the document was handed to the queue; null means it still waits in the outbox. */
  enqueued_at: string | null;
  analyzed_at: string | null;
  /** Publication year: given at upload, or estimated when the analysis is saved (the Summary's document.year, read by src/analysis/structure/year.ts). */
  year: number | null;
  /** An article of a journal issue: the issue's document (which holds the file), null otherwise. */
  issue_document_id: Generated<string | null>;
  /** The article's place in its issue, from 1. */
  issue_position: Generated<number | null>;
  /** The article's range in the issue's layout (src/analysis/articles/positions.ts). */
  issue_range: Generated<string | null>;
  /** An article's title and authors (JSON array) as the issue splitter read them. */
  article_title: Generated<string | null>;
  article_authors_json: Generated<string | null>;
  /** 1 when the file is a journal issue to be split into its articles. */
  split_issue: Generated<number>;
}

export interface DocumentFilesTable {
  document_id: string;
  bytes: Uint8Array;
}

export interface DocumentCollectionsTable {
  document_id: string;
  collection: string;
}

/** The user's corrections of a document's bibliographic record (null: not corrected); they outlive re-analysis. */
export interface DocumentCorrectionsTable {
  document_id: string;
  title: string | null;
  /** JSON array of names. */
  authors_json: string | null;
  year: number | null;
  venue: string | null;
  corrected_at: string;
}

export interface SummariesTable {
  document_id: string;
  summary_json: string;
  /** The normalized text that the summary's offsets refer to. */
  text: string;
}

export interface DocumentFactorsTable {
  document_id: string;
  factor: string;
  mentions: number;
  per_1000_words: number;
  positive: number;
  negative: number;
  neutral: number;
  net: number;
  /** Whether a reviewer checked the cell: 'automatic' | 'reviewed' | 'corrected'. */
  review: ReviewState;
}

export interface FactorMentionsTable {
  document_id: string;
  /** Position of the mention in the document's evidence list; with document_id, the key. */
  ordinal: number;
  factor: string;
  sentence: string;
  start: number;
  end: number;
  page: number | null;
  language: string;
  match: string;
  stance: 'positive' | 'negative' | 'neutral';
  cues_json: string;
  section: string | null;
  /** Whether a reviewer checked the mention: 'automatic' | 'reviewed' | 'corrected'. */
  review: ReviewState;
}

export interface AbbreviationsTable {
  document_id: string;
  /** Position in the summary's abbreviation list; with document_id, the key. */
  ordinal: number;
  short: string;
  long: string | null;
  source: 'text' | 'glossary' | 'unknown';
  language: string;
  count: number;
  first_offset: number;
  equivalents_json: string;
  factor: string | null;
}

/**
 * Every sentence of an analyzed document, for full-text search: the analysis' IndexedSentence
 * (ordinal unique per document) without its stems, which only SQLite's FTS5 table keeps.
 */
export interface SentencesTable extends Omit<IndexedSentence, 'stems' | 'textSearch' | 'zone'> {
  /** Null in rows indexed before zones were stored (read as body). */
  zone: Zone | null;
  /** PostgreSQL's text-search configuration of the row (a regconfig there; SQLite keeps it as text). */
  text_search: string;
  id: Generated<number>;
  document_id: string;
}

/** SQLite's FTS5 index of the sentences' stems (rowid = sentences.id); PostgreSQL uses sentences.tsv. */
export interface SentenceFtsTable {
  rowid: number;
  stems: string;
}

/** One factor of the user lexicon (analysis/factors/user-lexicon.ts's UserFactor). */
export interface UserFactorsTable {
  id: string;
  labels_json: string;
  globs_json: string;
  imported_at: string;
}

export interface ApiKeysTable {
  /** Short public id, shown in listings and used to revoke. */
  id: string;
  name: string;
  /** sha256 hex of the key; the key itself is never stored. */
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** One review of one mention (src/analysis/review-coding.ts's Review); every review is kept. */
export interface ReviewsTable {
  id: string;
  document_id: string;
  start: number;
  end: number;
  sentence: string;
  factor: string | null;
  verdict: Verdict;
  to_factor: string | null;
  stance: Stance | null;
  seen_stance: Stance | null;
  seen_match: string | null;
  reviewer: string;
  note: string | null;
  created_at: string;
}

/** One mention drawn into a stratified sample for review (stratum = factor × language). */
export interface ReviewSamplesTable {
  sample_id: string;
  drawn_at: string;
  document_id: string;
  factor: string;
  language: string;
  start: number;
  end: number;
  sentence: string;
  /** Mentions in the stratum when the sample was drawn. */
  stratum_population: number;
}

export interface Database {
  documents: DocumentsTable;
  document_files: DocumentFilesTable;
  document_collections: DocumentCollectionsTable;
  document_corrections: DocumentCorrectionsTable;
  summaries: SummariesTable;
  document_factors: DocumentFactorsTable;
  factor_mentions: FactorMentionsTable;
  abbreviations: AbbreviationsTable;
  sentences: SentencesTable;
  sentence_fts: SentenceFtsTable;
  api_keys: ApiKeysTable;
  user_factors: UserFactorsTable;
  reviews: ReviewsTable;
  review_samples: ReviewSamplesTable;
}
