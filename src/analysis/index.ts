// analyze(bytes, meta) → Summary: the whole analysis as one pure function, free of HTTP, queue and
// database, so that the server, the workers, the CLI and the tests all run exactly the same code.
import { findAbbreviations } from './abbreviations/index.js';
import type { FoundArticle } from './articles/types.js';
import { documentId } from './document-id.js';
import { loadMorphology } from './abbreviations/morphology.js';
import { AnalysisError } from './errors.js';
import { extract } from './extract/index.js';
import { findPdfHeader } from './extract/media-type.js';
import { findCandidates } from './factors/candidates.js';
import { factorDefinitions, findFactorMentions } from './factors/index.js';
import { factorLexiconWith } from './factors/lexicon.js';
import { assignLanguages } from './language.js';
import { analysisLexiconVersion } from './factors/user-lexicon.js';
import { normalize } from './normalize.js';
import { indexSentences, type IndexedSentence } from './search-index.js';
import { splitSentences } from './sentences.js';
import { countByZone, splitByZone, toDocumentMentions } from './structure/argument.js';
import { linkTranslations } from './structure/translations.js';
import { buildSummary } from './summary.js';
import { tokenize } from './tokens.js';
import type { DocumentMeta, NormalizedDocument, Summary, TextContext } from './types.js';

/**
 * Longer texts are refused before tokenization: a 300-page thesis has about a million characters,
 * and a limit well above that keeps one document from exhausting the analysis thread's memory.
 */
export const MAX_TEXT_CHARS = 8_000_000;

export interface AnalysisResult {
  summary: Summary;
  /** The normalized text that the Summary's offsets refer to. */
  text: string;
  /** Every sentence with its stems, for the full-text search index. */
  sentences: IndexedSentence[];
  /** The articles of a journal issue, when splitting was asked for. */
  articles?: FoundArticle[];
}

export async function analyze(bytes: Uint8Array, meta: DocumentMeta): Promise<AnalysisResult> {
  // A text file can be refused by its size alone (UTF-8 needs at most 2 bytes per Cyrillic letter).
  if (bytes.length > 2 * MAX_TEXT_CHARS && findPdfHeader(bytes) < 0) throw tooLong(bytes.length / 2);
  const [extracted] = await Promise.all([extract(bytes, meta), loadMorphology()]);
  const normalized = normalize(extracted);
  if (normalized.text.length > MAX_TEXT_CHARS) throw tooLong(normalized.text.length);
  const doc = assignLanguages(normalized);
  const context = buildTextContext(doc);
  const abbreviations = findAbbreviations(context);
  // Factors, stance and candidates read the argument (abstract and body) alone; what the other
  // zones would have given is counted per zone and reported, never counted as mentions.
  const split = splitByZone(context);
  const lexicon = factorLexiconWith(meta.userLexicon);
  const argumentMentions = findFactorMentions(split.argument, abbreviations, lexicon);
  const candidates = findCandidates(split.argument, argumentMentions);
  const mentions = linkTranslations(context, toDocumentMentions(argumentMentions, split));
  const excludedMentions = countByZone(context, split, findFactorMentions(split.rest, abbreviations, lexicon));
  const summary = buildSummary({
    id: documentId(bytes),
    filename: meta.filename,
    extracted,
    context,
    abbreviations,
    mentions,
    candidates,
    excludedMentions,
    lexicon: analysisLexiconVersion(meta.userLexicon),
    factors: factorDefinitions(lexicon),
  });
  return { summary, text: doc.text, sentences: indexSentences(context), ...(extracted.articles ? { articles: extracted.articles } : {}) };
}

function tooLong(characters: number): AnalysisError {
  return new AnalysisError('too_large', `The text has about ${Math.round(characters).toLocaleString('en')} characters; at most ${MAX_TEXT_CHARS.toLocaleString('en')} are analyzed (about 3,000 pages).`);
}

export function buildTextContext(doc: NormalizedDocument): TextContext {
  const sentences = splitSentences(doc);
  const tokens = sentences.map((s) => tokenize(doc.text, s.start, s.end, doc.paragraphs[s.paragraph]?.language ?? 'und'));
  return { doc, sentences, tokens };
}
