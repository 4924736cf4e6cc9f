// `policylens keys create|list|revoke`: API keys for writing to a server beyond loopback.
import type { Config } from '../../config.js';
import { createRuntime } from '../../runtime.js';
import type { ApiKeyService } from '../../services/api-key-service.js';

export async function withApiKeys<T>(config: Config, work: (keys: ApiKeyService) => Promise<T>): Promise<T> {
  const runtime = await createRuntime({ ...config, DATABASE_POOL_SIZE: 2 }, { analyze: false });
  try {
    return await work(runtime.services.apiKeys);
  } finally {
    await runtime.close();
  }
}
