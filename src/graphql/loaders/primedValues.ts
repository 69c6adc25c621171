import type DataLoader from 'dataloader';

/** Values primed into each loader, by the loader's cache key. */
const primed = new WeakMap<object, Map<unknown, unknown>>();

/**
 * Primes `loader` with `value` for `key` (a no-op, like DataLoader's `prime`, when the loader
 * already holds the key) and keeps the value where `loadPrimed` reads it without a promise.
 * `cacheKey` is the loader's cache key of `key` (the key itself unless the loader maps keys).
 */
export function primeLoader<K, V, C>(loader: DataLoader<K, V, C>, key: K, value: V, cacheKey: unknown = key): void {
  // A key the loader has already read keeps that answer, for load() and loadPrimed alike.
  // DataLoader has no public `has`; its cache map is read where it keeps it (tests/unit/primedValues.test.ts
  // fails if a DataLoader version moves it).
  if (cacheOf(loader)?.get(cacheKey) !== undefined) return;
  let values = primed.get(loader);
  if (!values) primed.set(loader, (values = new Map()));
  loader.prime(key, value);
  values.set(cacheKey, value);
}

function cacheOf(loader: object): { get(key: unknown): unknown } | null | undefined {
  return (loader as { _cacheMap?: { get(key: unknown): unknown } | null })._cacheMap;
}

/**
 * The value `primeLoader` gave `key`, as it is; otherwise the loader's promise. A DataLoader
 * answers even a cached key with a new promise settled at its next batch, so every field read
 * through it waited for a tick and graphql-js completed it through promises; a page of ~1,500
 * fields read from one primed statement is resolved synchronously this way, in the same order
 * and with the same values.
 */
export function loadPrimed<K, V, C>(loader: DataLoader<K, V, C>, key: K, cacheKey: unknown = key): V | Promise<V> {
  const values = primed.get(loader);
  if (values !== undefined && values.has(cacheKey)) return values.get(cacheKey) as V;
  return loader.load(key);
}
