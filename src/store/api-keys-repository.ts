// API keys for writing to a server that listens beyond loopback.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ApiKeysTable, Database } from './schema.js';

export type ApiKeyRow = Omit<Selectable<ApiKeysTable>, 'key_hash'>;

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export class ApiKeysRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates a key and returns it in clear, once; only its hash is stored. */
  async create(name: string): Promise<{ id: string; key: string }> {
    const id = randomBytes(4).toString('hex');
    const key = `pl_${id}_${randomBytes(24).toString('base64url')}`;
    await this.db
      .insertInto('api_keys')
      .values({ id, name, key_hash: hashKey(key), created_at: new Date().toISOString(), revoked_at: null, last_used_at: null })
      .execute();
    return { id, key };
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

  /** The id of the active key, or undefined. */
  async verify(key: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('api_keys')
      .select('id')
      .where('key_hash', '=', hashKey(key))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (row) await this.db.updateTable('api_keys').set({ last_used_at: new Date().toISOString() }).where('id', '=', row.id).execute();
    return row?.id;
  }
}
