// Writes a document's query rows (document_factors, factor_mentions) from its Summary with the
// reviews applied: the one place both a new analysis and a new review go through, inside their
// transaction, so that the tables always show the corrected coding.
import type { Kysely } from 'kysely';
import { applyReviews, type Coding, type Review, type SentenceFacts } from '../analysis/review-coding.js';
import type { Summary } from '../analysis/types.js';
import { insertRows } from './bulk-insert.js';
import type { Database, ReviewsTable } from './schema.js';

export async function writeCoding(trx: Kysely<Database>, documentId: string, summary: Summary, text: string): Promise<Coding> {
  const reviews = await reviewsOf(trx, documentId);
  // The document's sentences, for mentions a reviewer added (read only when there are some).
  const sentences = reviews.some((r) => r.verdict === 'add')
    ? await trx.selectFrom('sentences').select(['start', 'end', 'sentence', 'page', 'language']).where('document_id', '=', documentId).orderBy('start').execute()
    : [];
  const coding = applyReviews(summary, text, reviews, (offset) => sentenceHolding(sentences, offset));
  await trx.deleteFrom('document_factors').where('document_id', '=', documentId).execute();
  await trx.deleteFrom('factor_mentions').where('document_id', '=', documentId).execute();
  await insertRows(trx, 'document_factors', coding.factors.map((f) => ({
    document_id: documentId,
    factor: f.factor,
    mentions: f.mentions,
    per_1000_words: f.per1000Words,
    positive: f.positive,
    negative: f.negative,
    neutral: f.neutral,
    net: f.net,
    review: f.review,
  })));
  // One row per counted mention: a translation in the parallel abstract stays in the Summary's
  // evidence (linked by translationOf) but is counted once, so the rows agree with `mentions`.
  const counted = coding.mentions.filter((m) => m.translationOf === undefined);
  await insertRows(trx, 'factor_mentions', counted.map((m, ordinal) => ({
    document_id: documentId,
    ordinal,
    factor: m.factor,
    sentence: m.sentence,
    start: m.start,
    end: m.end,
    page: m.page,
    language: m.language,
    match: m.match,
    stance: m.stance,
    cues_json: JSON.stringify(m.cues),
    section: m.section ?? null,
    review: m.review,
  })));
  return coding;
}

/** The sentence (of those sorted by start) that holds the offset: binary search. */
function sentenceHolding(sentences: readonly SentenceFacts[], offset: number): SentenceFacts | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

export async function reviewsOf(db: Kysely<Database>, documentId: string): Promise<Review[]> {
  const rows = await db.selectFrom('reviews').selectAll().where('document_id', '=', documentId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toReview);
}

export function toReview(r: ReviewsTable): Review {
  return {
    id: r.id,
    documentId: r.document_id,
    start: r.start,
    end: r.end,
    sentence: r.sentence,
    factor: r.factor,
    verdict: r.verdict,
    toFactor: r.to_factor,
    stance: r.stance,
    seenStance: r.seen_stance,
    seenMatch: r.seen_match,
    reviewer: r.reviewer,
    note: r.note,
    createdAt: r.created_at,
  };
}

export function fromReview(r: Review): ReviewsTable {
  return {
    id: r.id,
    document_id: r.documentId,
    start: r.start,
    end: r.end,
    sentence: r.sentence,
    factor: r.factor,
    verdict: r.verdict,
    to_factor: r.toFactor,
    stance: r.stance,
    seen_stance: r.seenStance,
    seen_match: r.seenMatch,
    reviewer: r.reviewer,
    note: r.note,
    created_at: r.createdAt,
  };
}
