/**
 * The one encoding of global IDs: base64url of "Type:uuid". The API (src/graphql/globalId.ts
 * checks the type against the schema) and webhook payloads use it; clients must not parse it.
 */
export function encodeGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

/** The type and id inside a global ID, or null when it is not shaped like one. */
export function decodeGlobalId(globalId: string): { type: string; id: string } | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const id = decoded.slice(colon + 1);
  return /^[0-9a-f-]{36}$/.test(id) ? { type: decoded.slice(0, colon), id } : null;
}
