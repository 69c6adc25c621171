import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { seesDrafts } from '../access/visibility.js';
import type { Viewer } from '../access/viewer.js';
import type { ResponseCache } from './responseCache.js';

/** How readers' answers are reused: the shared cache (or none) and how long an answer lives. */
export interface ReaderCaching {
  cache: ResponseCache | null;
  /** Seconds an answer may be reused now: `RESPONSE_CACHE_SECONDS`, cut short by the next scheduled publication. */
  maxAge(): Promise<number>;
}

/**
 * Anonymous and READER callers see the same thing (published content only), so their answers
 * may be stored and shared; editors' and admins' never are (they see drafts).
 */
export function isReader(viewer: Viewer): boolean {
  return !viewer.system && !seesDrafts(viewer);
}

/** The stored answer's key: the request as sent (method, query string, body). */
export function cacheKeyOf(method: string, search: string, body: string): string {
  return createHash('sha256').update(`${method}\n${search}\n${body}`).digest('base64url');
}

/** A strong ETag of an answer's bytes. */
export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** True when the request's If-None-Match names this ETag (or `*`). */
export function notModified(headers: IncomingHttpHeaders, etag: string): boolean {
  const match = headers['if-none-match'];
  if (!match) return false;
  return match
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

/** Headers of a reader's cacheable answer: shared caches may keep an anonymous one, a READER's stays private. */
export function readerHeaders(viewer: Viewer, etag: string, maxAge: number): Record<string, string> {
  const scope = viewer.role === null ? 'public' : 'private';
  return {
    'cache-control': maxAge > 0 ? `${scope}, max-age=${maxAge}` : `${scope}, no-cache`,
    etag,
    // A shared cache must not answer a request with a token from an anonymous answer.
    vary: 'Authorization',
  };
}

/** Editors' and admins' answers (drafts), errors and mutations: never stored anywhere. */
export const NO_STORE = { 'cache-control': 'private, no-store' };

/**
 * `maxAge` for a cache lifetime and the time of the next scheduled publication, which is looked
 * up at most once per lifetime (and after every write): an answer never outlives the moment a
 * scheduled article becomes public.
 */
export function readerMaxAge(seconds: number, nextPublication: () => Promise<Date | null>): { maxAge: () => Promise<number>; forget: () => void } {
  let known: { at: number; next: Date | null } | null = null;
  return {
    maxAge: async () => {
      if (seconds <= 0) return 0;
      const now = Date.now();
      if (!known || now - known.at >= seconds * 1000) known = { at: now, next: await nextPublication() };
      if (!known.next) return seconds;
      return Math.max(0, Math.min(seconds, Math.floor((known.next.getTime() - now) / 1000)));
    },
    forget: () => {
      known = null;
    },
  };
}
