import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import type { QueryLimits } from '../config/queryLimits.js';
import { RequestBudget, withBudget } from '../db/requestBudget.js';
import { ErrorCode } from '../errors.js';
import type { Context } from '../graphql/context.js';
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
  prepare: (req: IncomingMessage) => Promise<{ context: () => Promise<Context> } | { refusal: Refusal }>;
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
    const execution = withBudget(budget, async () => {
      const prepared = await endpoint.prepare(req);
      if ('refusal' in prepared) return prepared.refusal;
      return apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers, search: url.search, body: parsedBody },
        context: prepared.context,
      });
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
    await writeResponse(res, response);
    return { status: res.statusCode, ...usage };
  } finally {
    budget.finish();
  }
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
