import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who a request counts against for rate limiting: its bearer token when it has one (hashed, so
 * no token is kept in memory or Redis), else its client address. The address is the socket's,
 * unless `trustProxyHops` proxies are declared in front of the API: then it is the
 * `X-Forwarded-For` entry that many places from the end (what the nearest trusted proxy saw).
 * The header is ignored otherwise, since any client can send one.
 */
export function clientKeyOf(req: IncomingMessage, trustProxyHops: number): string {
  const authorization = req.headers.authorization;
  const bearer = authorization && /^Bearer\s+(\S+)/i.exec(authorization)?.[1];
  if (bearer) return `token:${createHash('sha256').update(bearer).digest('hex').slice(0, 32)}`;
  return `address:${clientAddressOf(req, trustProxyHops)}`;
}

/** The client's address, as described for `clientKeyOf`. */
export function clientAddressOf(req: IncomingMessage, trustProxyHops: number): string {
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  if (trustProxyHops <= 0) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // The chain is client, proxy1, …; each trusted proxy appended what it saw.
  return forwarded[forwarded.length - trustProxyHops] ?? forwarded[0] ?? socketAddress;
}
