import { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import type { BucketShape, TokenBuckets } from './tokenBucket.js';

/**
 * `takeFrom` (tokenBucket.ts) as one atomic script, on Redis's clock so replicas agree:
 * refill by elapsed time, take a token if there is one, and let an idle bucket expire once full.
 */
const TAKE = `
local rate = tonumber(ARGV[1]) / 1000
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local force = ARGV[4] == '1'
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = burst
if state[1] then tokens = math.min(burst, tonumber(state[1]) + (now - tonumber(state[2])) * rate) end
local allowed = 0
local wait = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
else
  wait = math.ceil((cost - tokens) / rate)
  if force then tokens = tokens - cost end
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - math.min(tokens, 0)) / rate) + 1000)
return { allowed, wait }
`;

/**
 * Buckets in Redis, shared by every replica. When Redis cannot answer within 250 ms the request
 * is let through (and a warning logged, once per outage): a rate limiter must not take the API
 * down with it.
 */
export async function redisBuckets(url: string, shape: BucketShape, log: Logger, prefix = 'storygraph:rate:'): Promise<TokenBuckets> {
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 250, connectTimeout: 2000 });
  let failing = false;
  redis.on('error', () => undefined);
  await redis.connect().catch((error: unknown) => {
    failing = true;
    log.warn(`rate limiting: cannot reach Redis, letting requests through until it answers: ${error instanceof Error ? error.message : String(error)}`);
  });
  return {
    take: async (key, tokens = 1, force = false) => {
      try {
        const [allowed, wait] = (await redis.eval(TAKE, 1, prefix + key, shape.perSecond, shape.burst, tokens, force ? '1' : '0')) as [number, number];
        if (failing) log.info('rate limiting: Redis answers again');
        failing = false;
        return { allowed: allowed === 1, retryAfterMs: wait };
      } catch (error) {
        if (!failing) log.warn(`rate limiting: Redis unavailable, letting requests through: ${error instanceof Error ? error.message : String(error)}`);
        failing = true;
        return { allowed: true, retryAfterMs: 0 };
      }
    },
    close: async () => {
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}
