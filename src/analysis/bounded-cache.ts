// Memo tables for per-word work (stems, word forms, morphological parses). A paper repeats its
// vocabulary, so they pay off at once; they are emptied when they grow past a bound, so that a
// long-running worker does not keep every word it has ever seen.

/** Entries a cache holds at most before it starts afresh. */
export const CACHE_LIMIT = 200_000;

/**
 * Stores a value just computed for `key` and returns it (callers look the key up first:
 * `cache.get(key) ?? remember(cache, key, compute(key))`, which allocates nothing on a hit).
 */
export function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}
