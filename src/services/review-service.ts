// Reviews of the evidence: a researcher confirms, rejects, moves or restances a mention, or adds one
// the analysis missed. Each review is checked against the document's current analysis, stored as a
// new row (history kept; the latest by time is the one the tables use) and applied to the tables.
import { randomBytes } from 'node:crypto';
import { applyReviews, latestReviews, type Review, type Verdict } from '../analysis/review-coding.js';
import { factorDefinitions } from '../analysis/factors/index.js';
import type { Stance, Summary } from '../analysis/types.js';
import type { ReviewsRepository } from '../store/reviews-repository.js';
import type { DocumentService } from './document-service.js';
import { RequestError } from './errors.js';

/** What a caller says about one mention: the mention by its factor and sentence start (or, to add one, the sentence). */
export interface ReviewInput {
  verdict: Verdict;
  /** The reviewed mention's automatic factor (not for `add`). */
  factor?: string;
  /** Start of the sentence in the normalized text; `end` too for `add`. */
  start: number;
  end?: number;
  toFactor?: string;
  stance?: Stance;
  note?: string;
}

export interface ReviewChange {
  verdict?: Verdict;
  toFactor?: string | null;
  stance?: Stance | null;
  note?: string | null;
}

/** A stored review as exchanged in CSV/JSONL (the export's columns, the import's). */
export type ReviewRecord = Omit<Review, 'id' | 'createdAt'> & { id?: string; createdAt?: string };

/** The longest sentence a reviewer may add as a missed mention. */
const MAX_SENTENCE = 5000;

export class ReviewService {
  private readonly factorIds = new Set(factorDefinitions().map((f) => f.id));
  private sequence = 0;

  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly documents: DocumentService,
  ) {}

  /** Stores one reviewer's reviews of a document; returns them and the reviews left unmatched. */
  async submit(idOrPrefix: string, reviewer: string, inputs: readonly ReviewInput[]) {
    const { id, summary, text } = await this.analyzed(idOrPrefix);
    const name = this.reviewerName(reviewer);
    const reviews = inputs.map((input) => this.stamp({ ...this.anchor(summary, text, input), documentId: id, reviewer: name, note: input.note?.trim() || null }));
    const coding = await this.reviews.add(id, reviews);
    if (!coding) throw new RequestError('not_analyzed', 'review.noAnalysis', { id });
    return { reviews, unmatched: coding.unmatched };
  }

  /** A new review of the same mention as review `reviewId`, with some of its answers changed. */
  async revise(idOrPrefix: string, reviewId: string, reviewer: string, change: ReviewChange) {
    const { id } = await this.analyzed(idOrPrefix);
    const previous = await this.reviews.find(reviewId);
    if (!previous || previous.documentId !== id) throw new RequestError('not_found', 'review.notFound', { review: reviewId, id });
    const next = { ...previous, ...definedOnly(change) };
    this.checkAnswers(next);
    const review = this.stamp({ ...next, reviewer: this.reviewerName(reviewer) });
    const coding = await this.reviews.add(id, [review]);
    return { reviews: [review], unmatched: coding?.unmatched ?? [] };
  }

  /** Every review of a document (history, oldest first), the latest of each mention, and those matching nothing now. */
  async list(idOrPrefix: string) {
    const { id, summary, text } = await this.analyzed(idOrPrefix);
    const history = await this.reviews.forDocument(id);
    return { history, latest: latestReviews(history), unmatched: applyReviews(summary, text, history).unmatched };
  }

  /** Every stored review (of the given documents), for CSV/JSONL export. */
  async exportAll(idsOrPrefixes: string[] = []): Promise<Review[]> {
    const ids = idsOrPrefixes.length ? (await this.documents.findMany(idsOrPrefixes)).map((d) => d.id) : undefined;
    return this.reviews.all(ids);
  }

  /**
   * Stores reviews read from a file. Each is checked like a submitted one but kept even when its
   * mention is not in the current analysis (it may match after a new one): those are reported.
   */
  async importAll(records: readonly ReviewRecord[]) {
    const rejected: { index: number; reason: string }[] = [];
    const byDocument = new Map<string, { review: Review; index: number }[]>();
    for (const [index, record] of records.entries()) {
      try {
        const document = await this.documents.find(record.documentId);
        this.checkAnswers(record);
        const review: Review = { ...record, documentId: document.id, reviewer: this.reviewerName(record.reviewer), id: record.id || this.newId(), createdAt: record.createdAt || new Date().toISOString() };
        byDocument.set(document.id, [...(byDocument.get(document.id) ?? []), { review, index }]);
      } catch (error) {
        if (!(error instanceof RequestError)) throw error;
        rejected.push({ index, reason: error.message });
      }
    }
    let stored = 0;
    const unmatched: Review[] = [];
    for (const [id, entries] of byDocument) {
      const coding = await this.reviews.add(id, entries.map((e) => e.review));
      if (!coding) {
        rejected.push(...entries.map(({ index }) => ({ index, reason: `document ${id} has no analysis to review` })));
        continue;
      }
      stored += entries.length;
      unmatched.push(...coding.unmatched);
    }
    return { stored, rejected, unmatched };
  }

  private async analyzed(idOrPrefix: string): Promise<{ id: string; summary: Summary; text: string }> {
    const document = await this.documents.find(idOrPrefix);
    const summary = await this.documents.summary(document.id);
    if (!summary) throw new RequestError('not_analyzed', 'review.notAnalyzed', { id: document.id, status: document.status });
    return { id: document.id, summary, text: await this.documents.text(document) };
  }

  /** The review's anchor: the sentence and what the reviewer saw of the mention in it. */
  private anchor(summary: Summary, text: string, input: ReviewInput): Omit<Review, 'id' | 'createdAt' | 'documentId' | 'reviewer' | 'note'> {
    const answers = { verdict: input.verdict, toFactor: input.toFactor ?? null, stance: input.stance ?? null };
    if (input.verdict === 'add') {
      const end = input.end ?? -1;
      if (!(end > input.start && end <= text.length && end - input.start <= MAX_SENTENCE)) {
        throw new RequestError('invalid_query', 'review.addedNeedsSentence', { length: text.length, max: MAX_SENTENCE });
      }
      const review = { start: input.start, end, sentence: text.slice(input.start, end), factor: null, seenStance: null, seenMatch: null, ...answers };
      this.checkAnswers(review);
      return review;
    }
    const factor = summary.factors.find((f) => f.id === input.factor);
    const mention = factor?.evidence.find((e) => e.start === input.start);
    if (!factor || !mention) throw new RequestError('not_found', 'review.noMention', { factor: input.factor, start: input.start });
    const review = { start: mention.start, end: mention.end, sentence: mention.sentence, factor: factor.id, seenStance: mention.stance, seenMatch: mention.match, ...answers };
    this.checkAnswers(review);
    return review;
  }

  /** The answers a verdict needs: `move` and `add` a known factor, `stance` and `add` a stance. */
  private checkAnswers(r: Pick<Review, 'verdict' | 'factor' | 'toFactor' | 'stance'>): void {
    if (r.verdict !== 'add' && !r.factor) throw new RequestError('invalid_query', 'review.needsFactor', { verdict: r.verdict });
    if (r.factor && !this.factorIds.has(r.factor)) throw new RequestError('invalid_query', 'review.unknownFactor', { factor: r.factor });
    if (r.verdict === 'move' || r.verdict === 'add') {
      if (!r.toFactor || !this.factorIds.has(r.toFactor)) throw new RequestError('invalid_query', 'review.needsToFactor', { verdict: r.verdict });
      if (r.verdict === 'move' && r.toFactor === r.factor) throw new RequestError('invalid_query', 'review.moveToSame');
    }
    if ((r.verdict === 'stance' || r.verdict === 'add') && !r.stance) throw new RequestError('invalid_query', 'review.needsStance', { verdict: r.verdict });
  }

  private reviewerName(name: string): string {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 100) throw new RequestError('invalid_query', 'review.needsReviewer');
    return trimmed;
  }

  private stamp<T extends Omit<Review, 'id' | 'createdAt'>>(review: T): Review {
    return { ...review, id: this.newId(), createdAt: new Date().toISOString() };
  }

  /** Ids that sort by creation within a process, so that of two reviews in the same millisecond the later wins. */
  private newId(): string {
    return `${Date.now().toString(36).padStart(9, '0')}-${(this.sequence++ % 1e6).toString(36).padStart(4, '0')}-${randomBytes(4).toString('hex')}`;
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
