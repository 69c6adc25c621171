import type { IncomingHttpHeaders } from 'node:http';

import type { CorsOrigins } from '../config/corsOrigins.js';

/** Methods and request headers a browser frontend may use. */
const METHODS = 'GET, POST, OPTIONS';
const REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-request-id',
  'if-none-match',
  'storygraph-consistency',
];
/** Response headers a frontend may read besides the CORS-safelisted ones. */
const EXPOSED = 'x-request-id, retry-after, etag, storygraph-consistency';
/** How long a browser may cache a preflight answer, in seconds. */
const MAX_AGE = '600';

const LOCALHOST = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

function allows(origins: CorsOrigins, origin: string): boolean {
  if (origins.kind === 'any') return true;
  return origins.origins.includes(origin) || (origins.localhost && LOCALHOST.test(origin));
}

/**
 * The CORS headers for a request from `headers.origin`, or null when it has no Origin or the
 * origin is not allowed (the browser then refuses the response). `*` is answered as `*` and
 * never with credentials: the API authenticates with a bearer token, not cookies.
 */
export function corsHeaders(origins: CorsOrigins, headers: IncomingHttpHeaders, preflight: boolean): Record<string, string> | null {
  const origin = headers.origin;
  if (!origin || !allows(origins, origin)) return null;
  const base: Record<string, string> =
    origins.kind === 'any' ? { 'access-control-allow-origin': '*' } : { 'access-control-allow-origin': origin, vary: 'Origin' };
  if (!preflight) return { ...base, 'access-control-expose-headers': EXPOSED };
  return { ...base, 'access-control-allow-methods': METHODS, 'access-control-allow-headers': REQUEST_HEADERS.join(', '), 'access-control-max-age': MAX_AGE };
}

/** A CORS preflight: OPTIONS naming the method it wants to use. */
export function isPreflight(method: string | undefined, headers: IncomingHttpHeaders): boolean {
  return method === 'OPTIONS' && typeof headers['access-control-request-method'] === 'string';
}
