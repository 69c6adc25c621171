/** What taking a token from a bucket answered. */
export interface TokenDecision {
  allowed: boolean;
  /** When refused: milliseconds until a token is back. */
  retryAfterMs: number;
}

/** A token bucket per key: `burst` tokens, refilled at `perSecond`; each request takes one, expensive ones more. */
export interface TokenBuckets {
  /**
   * Takes `tokens` (default 1) from `key`'s bucket if it holds them. With `force` they are taken
   * anyway, leaving the bucket in debt (a penalty): the answer still says whether they were there.
   */
  take(key: string, tokens?: number, force?: boolean): Promise<TokenDecision>;
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
  cost = 1,
  force = false,
): { state: { tokens: number; at: number } } & TokenDecision {
  const rate = shape.perSecond / 1000;
  const tokens = Math.min(shape.burst, state ? state.tokens + (now - state.at) * rate : shape.burst);
  if (tokens >= cost) return { state: { tokens: tokens - cost, at: now }, allowed: true, retryAfterMs: 0 };
  return { state: { tokens: force ? tokens - cost : tokens, at: now }, allowed: false, retryAfterMs: Math.ceil((cost - tokens) / rate) };
}

/** Buckets in this process's memory: right for one replica (and tests). */
export function memoryBuckets(shape: BucketShape, now: () => number = Date.now): TokenBuckets {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const fullAfterMs = (shape.burst / shape.perSecond) * 1000;
  // A bucket left alone long enough is full again, the same as no bucket: forget it.
  const sweep = setInterval(() => {
    const t = now();
    for (const [key, state] of buckets) if (t - state.at > fullAfterMs * (1 + Math.max(0, -state.tokens) / shape.burst)) buckets.delete(key);
  }, 60_000);
  sweep.unref();
  return {
    take: async (key, tokens = 1, force = false) => {
      const { state, ...decision } = takeFrom(buckets.get(key), now(), shape, tokens, force);
      buckets.set(key, state);
      return decision;
    },
    close: async () => clearInterval(sweep),
  };
}
