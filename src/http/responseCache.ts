import { Redis } from 'ioredis';
import type { Lsn } from '../db/walLsn.js';
import type { Logger } from '../log.js';

/**
 * Stored answers for readers, under a generation number that every write bumps: an entry is
 * looked up under the current generation, so a bump makes every older entry unreachable at once
 * (in Redis, for every replica that shares it). Entries expire on their own after their TTL.
 *
 * With read replicas a bump also records the write's WAL position, and the generation carries
 * the highest one (`<n>@<lsn>`, see `lsnOfGeneration`): an answer that will be stored under it
 * must be read from a server that has replayed that far, or a replica still behind a write
 * would fill the new generation with the old data.
 */
export interface ResponseCache {
  /** The current generation (part of every key): `<n>`, or `<n>@<lsn>` once a write recorded its position. */
  generation(): Promise<string>;
  get(generation: string, key: string): Promise<string | null>;
  set(generation: string, key: string, body: string, ttlSeconds: number): Promise<void>;
  /** Invalidates every stored answer (a write committed, at `lsn` when known). */
  bump(lsn?: Lsn | null): Promise<void>;
  close(): Promise<void>;
}

/** Most answers one process keeps in memory; the oldest go first. */
const MEMORY_ENTRIES = 2000;

/** In this process only (no `REDIS_URL`). */
export function memoryResponseCache(): ResponseCache {
  let generation = 0;
  let highest: Lsn | null = null;
  const entries = new Map<string, { body: string; expires: number }>();
  const current = () => (highest === null ? String(generation) : `${generation}@${highest}`);
  return {
    generation: async () => current(),
    get: async (gen, key) => {
      const entry = entries.get(`${gen}:${key}`);
      if (!entry) return null;
      if (entry.expires <= Date.now()) {
        entries.delete(`${gen}:${key}`);
        return null;
      }
      return entry.body;
    },
    set: async (gen, key, body, ttlSeconds) => {
      if (gen !== current()) return;
      if (entries.size >= MEMORY_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(`${gen}:${key}`, { body, expires: Date.now() + ttlSeconds * 1000 });
    },
    bump: async (lsn) => {
      generation++;
      if (lsn !== null && lsn !== undefined && (highest === null || lsn > highest)) highest = lsn;
      entries.clear();
    },
    close: async () => entries.clear(),
  };
}

/**
 * In Redis, shared by every replica: the generation is a counter (`INCR` on a write), entries
 * are keyed by it and expire by TTL. When Redis does not answer, requests go uncached (and a
 * warning is logged once per outage); a failed bump is logged, and stale answers then live at
 * most their TTL.
 */
export async function redisResponseCache(url: string, log: Logger, prefix = 'storygraph:responses:'): Promise<ResponseCache> {
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 250, connectTimeout: 2000 });
  redis.on('error', () => undefined);
  let failing = false;
  const guard = async <T>(work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      const result = await work();
      if (failing) log.info('response cache: Redis answers again');
      failing = false;
      return result;
    } catch (error) {
      if (!failing) log.warn(`response cache: Redis unavailable, answering uncached: ${error instanceof Error ? error.message : String(error)}`);
      failing = true;
      return fallback;
    }
  };
  await redis.connect().catch(() => (failing = true));
  return {
    // No generation (Redis down) means no caching: '' is never stored.
    generation: () =>
      guard(async () => {
        const [n, lsn] = await redis.hmget(`${prefix}generation`, 'n', 'lsn');
        return lsn ? `${n ?? '0'}@${lsn}` : (n ?? '0');
      }, ''),
    get: (gen, key) => (gen ? guard(() => redis.get(`${prefix}${gen}:${key}`), null) : Promise.resolve(null)),
    set: async (gen, key, body, ttlSeconds) => {
      if (gen) await guard(() => redis.set(`${prefix}${gen}:${key}`, body, 'EX', ttlSeconds), null);
    },
    bump: async (lsn) => {
      await guard(() => redis.eval(BUMP, 1, `${prefix}generation`, lsn === null || lsn === undefined ? '' : String(lsn)), 0);
    },
    close: async () => {
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}

/**
 * One step, so concurrent writers cannot lose each other's position: a new generation, and the
 * highest WAL position any write recorded (as a decimal; positions compare as numbers).
 */
const BUMP = `
local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
if ARGV[1] ~= '' then
  local current = redis.call('HGET', KEYS[1], 'lsn')
  if not current or #ARGV[1] > #current or (#ARGV[1] == #current and ARGV[1] > current) then
    redis.call('HSET', KEYS[1], 'lsn', ARGV[1])
  end
end
return n`;

/** The WAL position a generation requires of the server that answers for it, or null. */
export function lsnOfGeneration(generation: string): Lsn | null {
  const at = generation.indexOf('@');
  return at < 0 ? null : BigInt(generation.slice(at + 1));
}
