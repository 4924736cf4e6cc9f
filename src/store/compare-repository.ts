// The factor profiles that comparisons read: per document, or summed over a collection.
import type { Kysely } from 'kysely';
import { netStance } from '../analysis/net-stance.js';
import type { DocumentRow } from './documents-repository.js';
import type { Database } from './schema.js';

export interface FactorCounts {
  mentions: number;
  positive: number;
  negative: number;
  neutral: number;
  per_1000_words: number;
  net: number;
}

export interface FactorProfile {
  /** Document id, collection name, or file path. */
  id: string;
  label: string;
  kind: 'document' | 'collection' | 'file';
  words: number;
  documents: number;
  factors: Map<string, FactorCounts>;
}

export class CompareRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Profiles of analyzed documents (by id, or rows already read), in the given order; others are left out. */
  async documentProfiles(documents: (string | DocumentRow)[]): Promise<FactorProfile[]> {
    if (documents.length === 0) return [];
    const ids = documents.map((d) => (typeof d === 'string' ? d : d.id));
    const given = documents.filter((d): d is DocumentRow => typeof d !== 'string');
    const rows = given.length === documents.length ? given : await this.db.selectFrom('documents').selectAll().where('id', 'in', ids).execute();
    const factors = await this.db.selectFrom('document_factors').selectAll().where('document_id', 'in', ids).execute();
    const byId = new Map(rows.filter((d) => d.status === 'done').map((d) => [d.id, {
      id: d.id, label: d.title || d.filename, kind: 'document' as const, words: d.words ?? 0, documents: 1, factors: new Map<string, FactorCounts>(),
    }]));
    for (const r of factors) {
      byId.get(r.document_id)?.factors.set(r.factor, { mentions: r.mentions, positive: r.positive, negative: r.negative, neutral: r.neutral, per_1000_words: r.per_1000_words, net: r.net });
    }
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * A collection as one side: mentions and stances summed over its analyzed documents, the rate
   * per 1000 words of all of them together.
   */
  async collectionProfile(collection: string): Promise<FactorProfile> {
    const members = this.db.selectFrom('document_collections').select('document_id').where('collection', '=', collection);
    const size = await this.db
      .selectFrom('documents')
      .select((eb) => [eb.fn.countAll<number>().as('documents'), eb.fn.sum<number>('words').as('words')])
      .where('status', '=', 'done')
      .where('id', 'in', members)
      .executeTakeFirstOrThrow();
    const words = Number(size.words ?? 0);
    const rows = await this.db
      .selectFrom('document_factors')
      .select((eb) => [
        'factor',
        eb.fn.sum<number>('mentions').as('mentions'),
        eb.fn.sum<number>('positive').as('positive'),
        eb.fn.sum<number>('negative').as('negative'),
        eb.fn.sum<number>('neutral').as('neutral'),
      ])
      .where('document_id', 'in', members)
      .groupBy('factor')
      .execute();
    const factors = new Map<string, FactorCounts>();
    for (const r of rows) {
      const [mentions, positive, negative, neutral] = [r.mentions, r.positive, r.negative, r.neutral].map(Number) as [number, number, number, number];
      factors.set(r.factor, {
        mentions,
        positive,
        negative,
        neutral,
        per_1000_words: words ? (1000 * mentions) / words : 0,
        net: netStance(positive, negative, mentions),
      });
    }
    return { id: collection, label: collection, kind: 'collection', words, documents: Number(size.documents), factors };
  }
}
