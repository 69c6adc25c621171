import { decodeGlobalId, encodeGlobalId } from './globalId.js';

/** A reviewable fact: a quote or a role by id, a mention by its article and offsets (its key). */
export type FactRef = { kind: 'QUOTE'; id: string } | { kind: 'ROLE'; id: string } | { kind: 'MENTION'; articleId: string; start: number; end: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The opaque ID of a fact, as the API gives it (the same encoding as every global ID). */
export function factId(ref: FactRef): string {
  if (ref.kind === 'QUOTE') return encodeGlobalId('Quote', ref.id);
  if (ref.kind === 'ROLE') return encodeGlobalId('Role', ref.id);
  return Buffer.from(`Mention:${ref.articleId}:${ref.start}:${ref.end}`).toString('base64url');
}

/** The fact an ID names, or null when it is not a fact's ID. */
export function parseFactId(id: string): FactRef | null {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const mention = /^Mention:([0-9a-f-]{36}):(\d{1,9}):(\d{1,9})$/.exec(decoded);
  if (mention) return UUID.test(mention[1]!) ? { kind: 'MENTION', articleId: mention[1]!, start: Number(mention[2]), end: Number(mention[3]) } : null;
  const global = decodeGlobalId(id);
  if (global?.type === 'Quote') return { kind: 'QUOTE', id: global.id };
  if (global?.type === 'Role') return { kind: 'ROLE', id: global.id };
  return null;
}
