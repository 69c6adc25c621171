import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ErrorCode } from '../errors.js';
import { currentRequest } from '../requestScope.js';

/** Sends a JSON body with a status (and extra headers). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

/** Sends a GraphQL-shaped refusal: `{ errors: [{ message, extensions: { code } }] }`. */
export function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): void {
  currentRequest()?.errorCodes.push(code);
  sendJson(res, status, { errors: [{ message, extensions: { code } }] }, headers);
}

/** The body as text, or null when it is larger than `maxBytes` (reading stops there). */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
