// The stored API keys: only a hash of each key, with its name and when it was made, used and revoked.
import type { Kysely, Selectable } from 'kysely';
import type { ApiKeysTable, Database } from './schema.js';

export type ApiKeyRow = Omit<Selectable<ApiKeysTable>, 'key_hash'>;

export class ApiKeysRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(key: { id: string; name: string; keyHash: string }): Promise<void> {
    await this.db
      .insertInto('api_keys')
      .values({ id: key.id, name: key.name, key_hash: key.keyHash, created_at: new Date().toISOString(), revoked_at: null, last_used_at: null })
      .execute();
  }

  async list(): Promise<ApiKeyRow[]> {
    return this.db.selectFrom('api_keys').select(['id', 'name', 'created_at', 'revoked_at', 'last_used_at']).orderBy('created_at').execute();
  }

  async revoke(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_keys')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The id of the active key with this hash, marked as used now; undefined when there is none. */
  async useActive(keyHash: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('api_keys')
      .select('id')
      .where('key_hash', '=', keyHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (row) await this.db.updateTable('api_keys').set({ last_used_at: new Date().toISOString() }).where('id', '=', row.id).execute();
    return row?.id;
  }
}
