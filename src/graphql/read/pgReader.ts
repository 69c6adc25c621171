import { createHash } from 'node:crypto';
import pg from 'pg';
import { parseTextArray } from './parseTextArray.js';
import type { Reader, Statement } from './sql.js';

/** `text[]` (an article's paragraphs), read by `parseTextArray`; `pg` has no name for its OID. */
const TEXT_ARRAY = 1009;
const textArray = pg.types.getTypeParser(TEXT_ARRAY as Parameters<typeof pg.types.getTypeParser>[0], 'text') as (text: string) => unknown;

/**
 * Rows as Prisma's `$queryRaw` gives them, parsed by `pg`: timestamps are stored without a
 * zone, in UTC (Prisma's DateTime), so they are read as UTC whatever the process's zone;
 * 64-bit integers and numerics become numbers (counts and ranks, far below 2^53); text arrays
 * are read by a faster parser with the same results.
 */
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.TIMESTAMP) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    if (oid === TEXT_ARRAY && format !== 'binary') return (value: string) => parseTextArray(value, textArray);
    return pg.types.getTypeParser(oid, format);
  },
};

/** Statements given names (prepared once per connection); the rest run unnamed, so rare filter shapes cannot grow every connection's cache without bound. */
const MAX_NAMED = 1000;
const named = new Map<string, string>();

function nameOf(text: string): string | undefined {
  let name = named.get(text);
  if (name === undefined && named.size < MAX_NAMED) {
    name = `sg_${createHash('sha1').update(text).digest('base64url')}`;
    named.set(text, name);
  }
  return name;
}

/** A value as a parameter: dates in UTC without a zone, like the stored timestamps. */
function parameter(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().slice(0, -1) : value;
}

/**
 * Runs read statements straight on the `pg` pool under Prisma (same connections, same request
 * budget), as named prepared statements: PostgreSQL plans each once per connection, and no row
 * goes through Prisma's query runtime.
 */
export function pgReader(pool: pg.Pool): Reader {
  return async <T>(statement: Statement) => {
    const result = await pool.query({ text: statement.text, values: statement.values.map(parameter), name: nameOf(statement.text), types });
    return result.rows as T[];
  };
}
