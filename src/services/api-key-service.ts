// API keys for writing to a server that listens beyond loopback. A key is shown once, when it is
// made; only its sha256 is stored, so a copy of the database gives no one a usable key.
import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyRow, ApiKeysRepository } from '../store/api-keys-repository.js';

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export class ApiKeyService {
  constructor(private readonly keys: ApiKeysRepository) {}

  /** Makes a key and returns it in clear, this once. */
  async create(name: string): Promise<{ id: string; key: string }> {
    const id = randomBytes(4).toString('hex');
    const key = `pl_${id}_${randomBytes(24).toString('base64url')}`;
    await this.keys.insert({ id, name, keyHash: hashKey(key) });
    return { id, key };
  }

  list(): Promise<ApiKeyRow[]> {
    return this.keys.list();
  }

  /** False when there is no active key with this id. */
  revoke(id: string): Promise<boolean> {
    return this.keys.revoke(id);
  }

  /** The id of the active key, or undefined. */
  verify(key: string): Promise<string | undefined> {
    return this.keys.useActive(hashKey(key));
  }
}
