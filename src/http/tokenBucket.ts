/** What taking a token from a bucket answered. */
export interface TokenDecision {
  allowed: boolean;
  /** When refused: milliseconds until a token is back. */
  retryAfterMs: number;
}

/** A token bucket per key: `burst` tokens, refilled at `perSecond`; each request takes one. */
export interface TokenBuckets {
  take(key: string): Promise<TokenDecision>;
  close(): Promise<void>;
}

export interface BucketShape {
  perSecond: number;
  burst: number;
}

/** The bucket arithmetic, shared by the memory and Redis stores (the Lua script mirrors it). */
export function takeFrom(
  state: { tokens: number; at: number } | undefined,
  now: number,
  shape: BucketShape,
): { state: { tokens: number; at: number } } & TokenDecision {
  const rate = shape.perSecond / 1000;
  const tokens = Math.min(shape.burst, state ? state.tokens + (now - state.at) * rate : shape.burst);
  if (tokens >= 1) return { state: { tokens: tokens - 1, at: now }, allowed: true, retryAfterMs: 0 };
  return { state: { tokens, at: now }, allowed: false, retryAfterMs: Math.ceil((1 - tokens) / rate) };
}

/** Buckets in this process's memory: right for one replica (and tests). */
export function memoryBuckets(shape: BucketShape, now: () => number = Date.now): TokenBuckets {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const fullAfterMs = (shape.burst / shape.perSecond) * 1000;
  // A bucket left alone long enough is full again, the same as no bucket: forget it.
  const sweep = setInterval(() => {
    const t = now();
    for (const [key, state] of buckets) if (t - state.at > fullAfterMs) buckets.delete(key);
  }, 60_000);
  sweep.unref();
  return {
    take: async (key) => {
      const { state, ...decision } = takeFrom(buckets.get(key), now(), shape);
      buckets.set(key, state);
      return decision;
    },
    close: async () => clearInterval(sweep),
  };
}
