// Reviews of the evidence: appended, never changed (every review is kept as history), and applied to
// the document's query rows in the same transaction (coding-writer.ts).
import { sql, type Kysely } from 'kysely';
import type { Coding, Review } from '../analysis/review-coding.js';
import type { Summary } from '../analysis/types.js';
import { writeCoding, fromReview, reviewsOf, toReview } from './coding-writer.js';
import { dialectOf } from './dialect.js';
import type { Database } from './schema.js';

export class ReviewsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Stores reviews of one analyzed document and rewrites its factor rows and mentions with them.
   * Undefined when the document has no analysis to apply them to.
   */
  async add(documentId: string, reviews: readonly Review[]): Promise<Coding | undefined> {
    return this.db.transaction().execute(async (trx) => {
      // Takes the document's row lock in PostgreSQL first, as a new analysis does (results-repository.ts),
      // so that a review and an analysis of the same document are written one after the other.
      if (dialectOf(trx) === 'postgres') await sql`select id from documents where id = ${documentId} for update`.execute(trx);
      const stored = await trx.selectFrom('summaries').select(['summary_json', 'text']).where('document_id', '=', documentId).executeTakeFirst();
      if (!stored) return undefined;
      // A review already stored (the same file imported twice) is kept as it is.
      for (const review of reviews) await trx.insertInto('reviews').values(fromReview(review)).onConflict((oc) => oc.column('id').doNothing()).execute();
      return writeCoding(trx, documentId, JSON.parse(stored.summary_json) as Summary, stored.text);
    });
  }

  async find(id: string): Promise<Review | undefined> {
    const row = await this.db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toReview(row) : undefined;
  }

  /** Every review of a document, oldest first. */
  forDocument(documentId: string): Promise<Review[]> {
    return reviewsOf(this.db, documentId);
  }

  /** Every review of the corpus (or of the given documents), by document and time. */
  async all(documentIds?: readonly string[]): Promise<Review[]> {
    let q = this.db.selectFrom('reviews').selectAll();
    if (documentIds?.length) q = q.where('document_id', 'in', documentIds);
    const rows = await q.orderBy('document_id').orderBy('created_at').orderBy('id').execute();
    return rows.map(toReview);
  }
}
