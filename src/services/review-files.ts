// Reviews as files, for teams that code in spreadsheets: CSV (csv.ts's tidy CSV) or JSONL, one review
// a row with the same snake_case columns, so that an exported file can be edited and imported again.
import { VERDICTS, type Review } from '../analysis/review-coding.js';
import type { Stance } from '../analysis/types.js';
import { csvLine } from '../export/csv.js';
import { parseCsv } from '../export/csv-read.js';
import { RequestError } from './errors.js';
import type { ReviewRecord } from './review-service.js';

export const REVIEW_COLUMNS = [
  'id', 'document_id', 'reviewer', 'created_at', 'verdict', 'factor', 'to_factor', 'stance',
  'start', 'end', 'sentence', 'seen_stance', 'seen_match', 'note',
] as const;
type ReviewColumn = (typeof REVIEW_COLUMNS)[number];

export type ReviewFormat = 'csv' | 'jsonl';

function toColumns(r: Review): Record<ReviewColumn, string | number | null> {
  return {
    id: r.id, document_id: r.documentId, reviewer: r.reviewer, created_at: r.createdAt, verdict: r.verdict, factor: r.factor,
    to_factor: r.toFactor, stance: r.stance, start: r.start, end: r.end, sentence: r.sentence, seen_stance: r.seenStance,
    seen_match: r.seenMatch, note: r.note,
  };
}

export function formatReviews(reviews: readonly Review[], format: ReviewFormat): string {
  if (format === 'jsonl') return reviews.map((r) => JSON.stringify(toColumns(r)) + '\n').join('');
  return csvLine([...REVIEW_COLUMNS]) + reviews.map((r) => { const c = toColumns(r); return csvLine(REVIEW_COLUMNS.map((k) => c[k])); }).join('');
}

/** The reviews of a CSV or JSONL file; a row that cannot be a review is an error naming its line. */
export function parseReviews(text: string, format: ReviewFormat): ReviewRecord[] {
  const rows: Record<string, unknown>[] = format === 'csv'
    ? parseCsv(text)
    : text.split('\n').map((line, i) => ({ line, i })).filter(({ line }) => line.trim()).map(({ line, i }) => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch {
          throw new RequestError('invalid_query', 'review.fileNotObject', { where: `line ${i + 1}` });
        }
      });
  return rows.map((row, i) => toRecord(row, format === 'csv' ? `row ${i + 2}` : `record ${i + 1}`));
}

const STANCES = ['positive', 'negative', 'neutral'];

function toRecord(row: Record<string, unknown>, where: string): ReviewRecord {
  const text = (k: ReviewColumn) => (row[k] === undefined || row[k] === null || row[k] === '' ? null : String(row[k]));
  const int = (k: ReviewColumn) => {
    const n = Number(text(k));
    if (!Number.isInteger(n) || n < 0) throw new RequestError('invalid_query', 'review.fileOffset', { where, column: k });
    return n;
  };
  const stance = (k: ReviewColumn) => {
    const v = text(k);
    if (v !== null && !STANCES.includes(v)) throw new RequestError('invalid_query', 'review.fileStance', { where, column: k });
    return v as Stance | null;
  };
  const verdict = text('verdict');
  if (!verdict || !(VERDICTS as readonly string[]).includes(verdict)) throw new RequestError('invalid_query', 'review.fileVerdict', { where, valid: VERDICTS });
  const documentId = text('document_id');
  const sentence = text('sentence');
  if (!documentId || !sentence) throw new RequestError('invalid_query', 'review.fileRequired', { where });
  const createdAt = text('created_at');
  if (createdAt !== null && Number.isNaN(Date.parse(createdAt))) throw new RequestError('invalid_query', 'review.fileTime', { where });
  return {
    id: text('id') ?? undefined,
    documentId,
    reviewer: text('reviewer') ?? '',
    createdAt: createdAt ?? undefined,
    verdict: verdict as Review['verdict'],
    factor: text('factor'),
    toFactor: text('to_factor'),
    stance: stance('stance'),
    start: int('start'),
    end: int('end'),
    sentence,
    seenStance: stance('seen_stance'),
    seenMatch: text('seen_match'),
    note: text('note'),
  };
}
