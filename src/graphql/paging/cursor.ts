import { createHash } from 'node:crypto';
import { AppError, ErrorCode } from '../../errors.js';
import type { KeyType, SortKey } from './sortKey.js';

/**
 * A connection's order, as its cursors name it: the connection (`articles`, `Person.quotes`…)
 * and its sort keys. A cursor carries a tag of both, so a cursor from another list or another
 * `orderBy` is refused instead of silently paging the wrong list.
 */
export interface Ordering {
  connection: string;
  keys: readonly SortKey[];
}

const VERSION = 1;

// Tags computed once per ordering (every row of a page has one cursor); bounded, since
// `orderBy` combinations come from clients.
const MAX_TAGS = 1000;
const tags = new Map<string, string>();

/** Short tag of an ordering: the connection and each key's name and direction. */
function tagOf(ordering: Ordering): string {
  const text = `${ordering.connection}|${ordering.keys.map((key) => `${key.name} ${key.direction}`).join(',')}`;
  let tag = tags.get(text);
  if (tag === undefined) {
    tag = createHash('sha1').update(text).digest('base64url').slice(0, 10);
    if (tags.size < MAX_TAGS) tags.set(text, tag);
  }
  return tag;
}

/** The opaque cursor of a row: base64url of `{"v":1,"o":tag,"k":[sort key values…]}`. */
export function encodeCursor(ordering: Ordering, values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify({ v: VERSION, o: tagOf(ordering), k: values })).toString('base64url');
}

/**
 * The sort key values of a cursor from `ordering`. Throws BAD_USER_INPUT naming `argument` when
 * the cursor is not one (malformed, another version, another list or order, values of the wrong
 * type): a client's mistake, never a server error.
 */
export function decodeCursor(cursor: string, ordering: Ordering, argument: string): unknown[] {
  const refuse = (why: string) =>
    new AppError(ErrorCode.BAD_USER_INPUT, `${argument}: ${JSON.stringify(cursor.slice(0, 100))} is not a cursor of this list (${why})`, { argument });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse('malformed');
  }
  if (typeof parsed !== 'object' || parsed === null) throw refuse('malformed');
  const { v, o, k } = parsed as { v?: unknown; o?: unknown; k?: unknown };
  if (v !== VERSION || !Array.isArray(k)) throw refuse('malformed');
  if (o !== tagOf(ordering) || k.length !== ordering.keys.length) throw refuse('it belongs to another list or order');
  ordering.keys.forEach((key, i) => {
    const value: unknown = k[i];
    if (value === null ? !key.nullable : !fits(key.type, value)) throw refuse('malformed');
  });
  return k;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** Whether a decoded value can be cast to the key's type (so a tampered cursor never reaches SQL as a bad cast). */
function fits(type: KeyType, value: unknown): boolean {
  switch (type) {
    case 'timestamp':
      return typeof value === 'string' && ISO.test(value) && !Number.isNaN(Date.parse(value));
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'text':
      return typeof value === 'string' && !value.includes('\u0000');
    case 'int':
      return Number.isInteger(value) && Math.abs(value as number) <= 2 ** 31 - 1;
    case 'bigint':
      return Number.isSafeInteger(value);
    case 'float8':
      return typeof value === 'number' && Number.isFinite(value);
    case 'bool':
      return typeof value === 'boolean';
  }
}
