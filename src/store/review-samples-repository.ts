// Stratified random samples of the mentions, drawn for review: the same number of mentions from each
// factor × language stratum (all of a smaller one), each stored with its stratum's size.
import { sql, type Kysely } from 'kysely';
import type { Database, ReviewSamplesTable } from './schema.js';

export class ReviewSamplesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Draws and stores a sample of up to `perStratum` mentions per stratum; returns its rows. */
  async draw(sampleId: string, perStratum: number): Promise<ReviewSamplesTable[]> {
    const drawnAt = new Date().toISOString();
    // One pass over the mentions: a random rank and the stratum's size by window functions (both dialects).
    const { rows } = await sql<Omit<ReviewSamplesTable, 'sample_id' | 'drawn_at'>>`
      select document_id, factor, language, start, "end", sentence, stratum_population from (
        select document_id, factor, language, start, "end", sentence,
               row_number() over (partition by factor, language order by random()) as rank,
               count(*) over (partition by factor, language) as stratum_population
        from factor_mentions) ranked
      where rank <= ${perStratum}
      order by factor, language, document_id, start`.execute(this.db);
    const sample = rows.map((r) => ({ ...r, stratum_population: Number(r.stratum_population), sample_id: sampleId, drawn_at: drawnAt }));
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < sample.length; i += 500) await trx.insertInto('review_samples').values(sample.slice(i, i + 500)).execute();
    });
    return sample;
  }

  /** The rows of the latest sample, if one was drawn. */
  async latest(): Promise<ReviewSamplesTable[]> {
    const last = await this.db.selectFrom('review_samples').select('sample_id').orderBy('drawn_at', 'desc').limit(1).executeTakeFirst();
    if (!last) return [];
    return this.db.selectFrom('review_samples').selectAll().where('sample_id', '=', last.sample_id).orderBy('factor').orderBy('language').orderBy('document_id').orderBy('start').execute();
  }
}
