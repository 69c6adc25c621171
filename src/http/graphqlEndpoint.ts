import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import type { QueryLimits } from '../config/queryLimits.js';
import { RequestBudget, withBudget } from '../db/requestBudget.js';
import { ErrorCode } from '../errors.js';
import type { Context } from '../graphql/context.js';
import type { Viewer } from '../access/viewer.js';
import { CACHEABLE_HEADER } from '../graphql/readerCachePlugin.js';
import { cacheKeyOf, etagOf, isReader, NO_STORE, notModified, readerHeaders, type ReaderCaching } from './readerCaching.js';
import { readBody, sendError } from './respond.js';

/** How long a request whose deadline passed may take to wind down before it is answered anyway. */
const WIND_DOWN_MS = 1500;

/** A request refused before GraphQL runs (a bad token): its status, code, message and headers. */
export interface Refusal {
  status: number;
  code: ErrorCode;
  message: string;
  headers?: Record<string, string>;
}

export interface GraphQLEndpoint {
  apollo: ApolloServer<Context>;
  limits: QueryLimits;
  /**
   * Prepares the request's context once its body is read, under its budget (it may query the
   * database: who the token belongs to), or refuses it.
   */
  prepare: (req: IncomingMessage) => Promise<{ context: () => Promise<Context>; viewer: Viewer } | { refusal: Refusal }>;
  /** Reuse of readers' answers (ETags always; a shared cache when configured). */
  caching?: ReaderCaching;
}

/** An answer and what decides whether it may be reused. */
interface Answered {
  response: HTTPGraphQLResponse;
  viewer: Viewer;
  /** Set when it came from the shared cache, or may go into it under `generation`. */
  key: string | null;
  generation: string;
  hit: boolean;
}

/** What a GraphQL request used, for the request log. */
export interface RequestUsage {
  status: number;
  connections: number;
  peakConnections: number;
  /** SQL statements sent for the request. */
  statements: number;
  timedOut: boolean;
}

/**
 * Answers one GraphQL request: reads the body (bounded), runs it through Apollo under a budget
 * (deadline and connection share, see `db/requestBudget.ts`) and writes the answer. A request
 * still running `WIND_DOWN_MS` after its deadline is answered REQUEST_TIMEOUT without waiting
 * for it (its SQL was cancelled, its connections are being dropped).
 */
export async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, endpoint: GraphQLEndpoint): Promise<RequestUsage> {
  const { apollo, limits } = endpoint;
  const body = await readBody(req, limits.maxBodyBytes);
  if (body === null) {
    sendError(res, 413, ErrorCode.BAD_REQUEST, `request body over ${limits.maxBodyBytes} bytes`);
    return { status: 413, connections: 0, peakConnections: 0, statements: 0, timedOut: false };
  }
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  let parsedBody: unknown = body;
  if (headers.get('content-type')?.includes('application/json') && body.length) {
    try {
      parsedBody = JSON.parse(body);
    } catch {
      sendError(res, 400, ErrorCode.BAD_REQUEST, 'the request body is not valid JSON');
      return { status: 400, connections: 0, peakConnections: 0, statements: 0, timedOut: false };
    }
  }
  const budget = new RequestBudget(limits.requestTimeoutMs, limits.connectionsPerRequest);
  try {
    const execution = withBudget(budget, async (): Promise<Answered | Refusal> => {
      const prepared = await endpoint.prepare(req);
      if ('refusal' in prepared) return prepared.refusal;
      const { viewer } = prepared;
      const method = req.method?.toUpperCase() ?? 'GET';
      const cache = endpoint.caching?.cache ?? null;
      const key = cache && isReader(viewer) ? cacheKeyOf(method, url.search, body) : null;
      // The generation is read before the query runs: a write committed meanwhile bumps it, and
      // this answer, stored under the old one, is never served.
      const generation = key ? await cache!.generation() : '';
      const stored = key ? await cache!.get(generation, key) : null;
      if (stored !== null) {
        return {
          response: { status: 200, headers: new HeaderMap([['content-type', 'application/json; charset=utf-8']]), body: { kind: 'complete', string: stored } },
          viewer,
          key,
          generation,
          hit: true,
        };
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method, headers, search: url.search, body: parsedBody },
        context: prepared.context,
      });
      return { response, viewer, key, generation, hit: false };
    });
    const abandoned = budget
      .whenExpired()
      .then(() => delay(WIND_DOWN_MS))
      .then(() => null);
    const response = await Promise.race([execution, abandoned]);
    // Answer once the cancelled SQL has stopped (or its connections were dropped), not before.
    if (budget.expired) await Promise.race([budget.drained(), abandoned]);
    const usage = { connections: budget.connections, peakConnections: budget.peakConnections, statements: budget.statements, timedOut: budget.expired };
    if (!response) {
      execution.catch(() => undefined);
      sendError(res, 503, ErrorCode.REQUEST_TIMEOUT, `The request ran past its deadline of ${limits.requestTimeoutMs} ms; its database work was cancelled`, {
        'retry-after': '1',
      });
      return { status: 503, ...usage };
    }
    if ('code' in response) {
      sendError(res, response.status, response.code, response.message, response.headers);
      return { status: response.status, ...usage };
    }
    if (await answerFromCache(req, res, response, endpoint.caching)) return { status: res.statusCode, ...usage };
    await writeResponse(res, response.response);
    return { status: res.statusCode, ...usage };
  } finally {
    budget.finish();
  }
}

/**
 * Caching headers for a reader's query answered without errors (stored in the shared cache if
 * there is one), `304 Not Modified` when the client already holds it; `no-store` for the rest.
 * Returns true when it answered the request itself (304).
 */
async function answerFromCache(req: IncomingMessage, res: ServerResponse, answered: Answered, caching: ReaderCaching | undefined): Promise<boolean> {
  const { response, viewer } = answered;
  const marked = response.headers.get(CACHEABLE_HEADER) === '1';
  response.headers.delete(CACHEABLE_HEADER);
  const cacheable = answered.hit || (marked && (response.status ?? 200) === 200 && response.body.kind === 'complete');
  if (!caching || !isReader(viewer) || !cacheable || response.body.kind !== 'complete') {
    response.headers.set('cache-control', NO_STORE['cache-control']);
    return false;
  }
  const body = response.body.string;
  const maxAge = await caching.maxAge();
  if (!answered.hit && answered.key && maxAge > 0) await caching.cache?.set(answered.generation, answered.key, body, maxAge);
  const etag = etagOf(body);
  for (const [name, value] of Object.entries(readerHeaders(viewer, etag, maxAge))) response.headers.set(name, value);
  if (!notModified(req.headers, etag)) return false;
  for (const [name, value] of response.headers) if (name !== 'content-type' && name !== 'content-length') res.setHeader(name, value);
  res.writeHead(304).end();
  return true;
}

async function writeResponse(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
