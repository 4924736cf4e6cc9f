// `policylens keys create|list|revoke`: API keys for writing to a server beyond loopback.
import type { Config } from '../../config.js';
import { openStore } from '../../store/database.js';
import { ApiKeysRepository } from '../../store/api-keys-repository.js';

export async function withApiKeys<T>(config: Config, work: (keys: ApiKeysRepository) => Promise<T>): Promise<T> {
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir, poolSize: 2 });
  try {
    return await work(new ApiKeysRepository(store.db));
  } finally {
    await store.close();
  }
}
