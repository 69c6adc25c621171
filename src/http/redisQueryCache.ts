import type { ApolloServerOptions } from '@apollo/server';
import { Redis } from 'ioredis';
import type { Logger } from '../log.js';

/** Apollo's key-value cache interface (what its `cache` option takes besides 'bounded'). */
type KeyValueCache = Exclude<NonNullable<ApolloServerOptions<object>['cache']>, 'bounded'>;

/** How long a persisted query is kept after its last registration, when Apollo asks for no TTL. */
const DEFAULT_TTL_SECONDS = 24 * 3600;

/**
 * Apollo's cache in Redis, shared by every API process: a query registered as an automatic
 * persisted query with one process is known to all of them, so a client behind a balancer is
 * not told PERSISTED_QUERY_NOT_FOUND each time it reaches another process. Redis that does not
 * answer within 250 ms is a cache miss (and a warning, once per outage), never an error.
 */
export async function redisQueryCache(url: string, log: Logger, prefix = 'storygraph:apq:'): Promise<KeyValueCache & { close(): Promise<void> }> {
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 250, connectTimeout: 2000 });
  redis.on('error', () => undefined);
  let failing = false;
  await redis.connect().catch((error: unknown) => {
    failing = true;
    log.warn(`query cache: cannot reach Redis, treating it as empty until it answers: ${error instanceof Error ? error.message : String(error)}`);
  });
  const guard = async <T>(work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      const result = await work();
      if (failing) log.info('query cache: Redis answers again');
      failing = false;
      return result;
    } catch (error) {
      if (!failing) log.warn(`query cache: Redis unavailable, treating it as empty: ${error instanceof Error ? error.message : String(error)}`);
      failing = true;
      return fallback;
    }
  };
  return {
    get: (key) => guard(async () => (await redis.get(prefix + key)) ?? undefined, undefined),
    set: (key, value, options) =>
      guard(async () => {
        await redis.set(prefix + key, value, 'EX', Math.max(1, Math.ceil(options?.ttl ?? DEFAULT_TTL_SECONDS)));
      }, undefined),
    delete: (key) => guard(async () => (await redis.del(prefix + key)) > 0, false),
    close: async () => {
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}
