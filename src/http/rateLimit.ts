import type { Logger } from '../log.js';
import { redisBuckets } from './redisBuckets.js';
import { memoryBuckets, type TokenBuckets } from './tokenBucket.js';

export interface RateLimitOptions {
  /** Tokens per second; 0 turns rate limiting off. */
  perSecond: number;
  burst: number;
  /** Shared buckets in Redis when set (several replicas), else in memory. */
  redisUrl: string | null;
  /** Key prefix in Redis (tests use their own). */
  prefix?: string;
}

/** The rate limiter the options describe, or null when it is off. */
export async function createRateLimit(options: RateLimitOptions, log: Logger): Promise<TokenBuckets | null> {
  if (options.perSecond <= 0) return null;
  const shape = { perSecond: options.perSecond, burst: options.burst };
  return options.redisUrl ? redisBuckets(options.redisUrl, shape, log, options.prefix) : memoryBuckets(shape);
}
