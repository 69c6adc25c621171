import { randomUUID } from 'node:crypto';
import { redisBuckets } from '../../src/http/redisBuckets.js';
import { memoryBuckets, takeFrom } from '../../src/http/tokenBucket.js';
import { createLogger } from '../../src/log.js';

const shape = { perSecond: 2, burst: 3 };

describe('token buckets', () => {
  it('lets a burst through, then one request per refill, saying how long to wait', () => {
    let state: { tokens: number; at: number } | undefined;
    const decisions = [0, 0, 0, 0, 100, 500].map((now) => {
      const { state: next, ...decision } = takeFrom(state, now, shape);
      state = next;
      return decision;
    });
    expect(decisions).toEqual([
      { allowed: true, retryAfterMs: 0 },
      { allowed: true, retryAfterMs: 0 },
      { allowed: true, retryAfterMs: 0 },
      { allowed: false, retryAfterMs: 500 },
      { allowed: false, retryAfterMs: 400 },
      { allowed: true, retryAfterMs: 0 },
    ]);
  });

  it('keeps a bucket per key in memory', async () => {
    let now = 0;
    const buckets = memoryBuckets(shape, () => now);
    const take = async (key: string) => (await buckets.take(key)).allowed;
    expect([await take('a'), await take('a'), await take('a'), await take('a'), await take('b')]).toEqual([true, true, true, false, true]);
    now = 500;
    expect(await take('a')).toBe(true);
    await buckets.close();
  });

  it('keeps the same buckets in Redis, shared by every process that uses it', async () => {
    const prefix = `storygraph-test:${randomUUID()}:`;
    const first = await redisBuckets('redis://127.0.0.1:6379', shape, createLogger('silent'), prefix);
    const second = await redisBuckets('redis://127.0.0.1:6379', shape, createLogger('silent'), prefix);
    try {
      const answers = [await first.take('k'), await second.take('k'), await first.take('k'), await second.take('k')];
      expect(answers.map((answer) => answer.allowed)).toEqual([true, true, true, false]);
      expect(answers[3]!.retryAfterMs).toBeGreaterThan(0);
      expect(answers[3]!.retryAfterMs).toBeLessThanOrEqual(500);
      expect((await first.take('other')).allowed).toBe(true);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('lets requests through when Redis cannot be reached', async () => {
    const buckets = await redisBuckets('redis://127.0.0.1:1', shape, createLogger('silent'), 'never:');
    try {
      expect(await Promise.all([1, 2, 3, 4, 5].map(() => buckets.take('k')))).toEqual(Array(5).fill({ allowed: true, retryAfterMs: 0 }));
    } finally {
      await buckets.close();
    }
  });
});
