import { randomUUID } from 'node:crypto';

/** An incoming id a proxy or client may set: short, printable, nothing that could forge a log line. */
const SANE_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The request's id: the `X-Request-Id` it came with when that is sane, else a new UUID. */
export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SANE_ID.test(value) ? value : randomUUID();
}
