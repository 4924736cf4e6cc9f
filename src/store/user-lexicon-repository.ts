// The user lexicon's factors, stored so that every worker and every machine reads the same ones.
import type { Kysely } from 'kysely';
import type { UserFactor } from '../analysis/factors/user-lexicon.js';
import type { Database } from './schema.js';

export class UserLexiconRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every user factor, by id. */
  async list(): Promise<UserFactor[]> {
    const rows = await this.db.selectFrom('user_factors').selectAll().orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, label: JSON.parse(r.labels_json), globs: JSON.parse(r.globs_json) }));
  }

  /** Adds the factors; one with an id already stored replaces it (a dictionary imported again). */
  async save(factors: readonly UserFactor[]): Promise<void> {
    const importedAt = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      for (const f of factors) {
        const row = { labels_json: JSON.stringify(f.label), globs_json: JSON.stringify(f.globs), imported_at: importedAt };
        await trx.insertInto('user_factors').values({ id: f.id, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
      }
    });
  }

  /** Removes one factor; false when there was none with that id. */
  async remove(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('user_factors').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
