import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '../errors.js';
import { registry } from '../metrics/metrics.js';
import { sendError } from './respond.js';

/** Answers a Prometheus scrape; with a token, only a request carrying `Authorization: Bearer <token>`. */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse, token: string | null): Promise<void> {
  if (token !== null && !bearerMatches(req.headers.authorization, token)) {
    return sendError(res, 401, ErrorCode.UNAUTHENTICATED, 'metrics need Authorization: Bearer <METRICS_TOKEN>', { 'www-authenticate': 'Bearer' });
  }
  const body = await registry.metrics();
  res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' }).end(body);
}

/** Compares in constant time, so the token cannot be guessed byte by byte from response times. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
