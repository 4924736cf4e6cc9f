import { Redis, type RedisOptions } from 'ioredis';

/**
 * A Redis connection for BullMQ. Workers block on Redis and must retry for ever
 * (maxRetriesPerRequest: null, as BullMQ requires); the API must answer at once when Redis is down,
 * so its connection does not queue commands while offline.
 */
export function connectRedis(url: string, role: 'producer' | 'worker'): Redis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 };
  return new Redis(url, { ...options, lazyConnect: false, retryStrategy: (times) => Math.min(times * 200, 2000) });
}

/** Waits until the connection is ready, or `timeoutMs` has passed; returns whether it is ready. */
export async function whenReady(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return true;
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    redis.once('ready', onReady);
  });
}
