import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { assetsDir } from './buildAssets.js';

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
};

/** Bundles by name, read once (a rebuild needs a restart). */
const cache = new Map<string, { body: Buffer; etag: string } | null>();

/**
 * Serves a bundle of `web/dist` by name (`desk.js`); false when there is no such bundle. Names
 * are checked against a strict pattern, so no path leaves the folder.
 */
export async function serveAsset(req: IncomingMessage, res: ServerResponse, name: string): Promise<boolean> {
  const match = /^([a-z][a-z0-9-]*)\.(js|css)$/.exec(name);
  if (!match) return false;
  let file = cache.get(name);
  if (file === undefined) {
    const body = await readFile(join(assetsDir, name)).catch(() => null);
    file = body ? { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` } : null;
    if (file) cache.set(name, file);
  }
  if (!file) return false;
  const headers = { 'content-type': TYPES[match[2]!]!, etag: file.etag, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304, headers).end();
    return true;
  }
  res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : file.body);
  return true;
}
