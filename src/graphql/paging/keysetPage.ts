import { join, raw, sql, type Sql } from '../read/sql.js';
import { connectionOf, isBackward, rowsToRead, windowRows, type Connection, type PageWindow } from '../paginate.js';
import { decodeCursor, encodeCursor, type Ordering } from './cursor.js';
import { reversed, type SortKey } from './sortKey.js';

/** A list as keyset paging reads it: its rows, filter (access rule included) and order. */
export interface KeysetQuery {
  /** Columns of each row. */
  select: Sql;
  /** FROM clause (tables, aliases, joins). */
  from: Sql;
  where: Sql;
  /** GROUP BY list for aggregated lists; the seek conditions then go to HAVING. */
  groupBy?: Sql;
  ordering: Ordering;
}

/** The cursors of a window decoded against the list's order; BAD_USER_INPUT naming the argument if one is not its cursor. */
export interface Seek {
  after: unknown[] | null;
  before: unknown[] | null;
}

export function seekOf(window: PageWindow, ordering: Ordering): Seek {
  return {
    after: window.after === null ? null : decodeCursor(window.after, ordering, 'after'),
    before: window.before === null ? null : decodeCursor(window.before, ordering, 'before'),
  };
}

/**
 * `ORDER BY` list of keys; with `outer` (a table alias, or '' for none), over the selected key
 * columns (`_k0`…) of a query around the page instead of the expressions.
 */
export function orderSql(keys: readonly SortKey[], outer?: string): Sql {
  return raw(
    keys
      .map((key, i) => `${outer === undefined ? key.sql : `${outer ? `${outer}.` : ''}"_k${i}"`} ${key.direction} NULLS ${key.nullsLast ? 'LAST' : 'FIRST'}`)
      .join(', '),
  );
}

const value = (key: SortKey, v: unknown): Sql => sql`${v}::${raw(key.type)}`;

/** Rows strictly after `values` in the order of `keys`: the lexicographic comparison, NULLs placed as the order places them. */
function beyond(keys: readonly SortKey[], values: readonly unknown[], i = 0): Sql {
  const key = keys[i]!;
  const v = values[i];
  const expr = raw(key.sql);
  let greater: Sql | null;
  if (v === null) greater = key.nullsLast ? null : sql`${expr} IS NOT NULL`;
  else {
    const cmp = sql`${expr} ${raw(key.direction === 'ASC' ? '>' : '<')} ${value(key, v)}`;
    greater = key.nullable && key.nullsLast ? sql`(${cmp} OR ${expr} IS NULL)` : cmp;
  }
  if (i === keys.length - 1) return greater ?? sql`FALSE`;
  const equal = v === null ? sql`${expr} IS NULL` : sql`${expr} = ${value(key, v)}`;
  const rest = sql`(${equal} AND ${beyond(keys, values, i + 1)})`;
  return greater ? sql`(${greater} OR ${rest})` : rest;
}

/**
 * Bounds on the first key that an index can seek to, implied by `beyond`: `k >= v` (or `<=`),
 * `k IS NULL` inside the NULLs; two bounds (two index scans) when the NULLs follow a value.
 */
function leadingBounds(key: SortKey, v: unknown): Sql[] {
  const expr = raw(key.sql);
  if (v === null) return [key.nullsLast ? sql`${expr} IS NULL` : sql`TRUE`];
  const atOrBeyond = sql`${expr} ${raw(key.direction === 'ASC' ? '>=' : '<=')} ${value(key, v)}`;
  return key.nullable && key.nullsLast ? [atOrBeyond, sql`${expr} IS NULL`] : [atOrBeyond];
}

/**
 * The SQL of one page of a list read by keyset: rows beyond the cursor in the direction the
 * window reads (forward for `first`, backward for `last`), bounded by the other cursor, in that
 * direction's order, `rowsToRead` of them, each with its sort key values as `_k0`, `_k1`…
 * The seek is a range condition on the order's leading key, so with an index on the order
 * the page is an index range scan however deep it is, and a cursor keeps its place when rows
 * are inserted before it.
 */
export function keysetPageSql(query: KeysetQuery, window: PageWindow, seek: Seek): Sql {
  const forward = query.ordering.keys;
  const backward = isBackward(window);
  const scan = scanKeys(query.ordering, window);
  const from = backward ? seek.before : seek.after;
  const until = backward ? seek.after : seek.before;
  const conditions: Sql[] = [];
  if (from) conditions.push(beyond(scan, from));
  if (until) conditions.push(beyond(backward ? forward : reversed(forward), until));
  const bounds = from ? leadingBounds(scan[0]!, from[0]) : [sql`TRUE`];
  const keyColumns = raw(scan.map((key, i) => `${key.sql} AS "_k${i}"`).join(', '));
  const limit = rowsToRead(window);
  const arm = (bound: Sql) => {
    const seekSql = join([bound, ...conditions], ' AND ');
    const filter = query.groupBy ? sql`WHERE ${query.where} GROUP BY ${query.groupBy} HAVING ${seekSql}` : sql`WHERE ${query.where} AND ${seekSql}`;
    return sql`SELECT ${query.select}, ${keyColumns} FROM ${query.from} ${filter} ORDER BY ${orderSql(scan)} LIMIT ${limit}`;
  };
  if (bounds.length === 1) return arm(bounds[0]!);
  return sql`SELECT * FROM (${join(
    bounds.map((bound) => sql`(${arm(bound)})`),
    ' UNION ALL ',
  )}) seek ORDER BY ${orderSql(scan, '')} LIMIT ${limit}`;
}

/** The keys in the order a window reads its rows (reversed for a backward window). */
export function scanKeys(ordering: Ordering, window: PageWindow): readonly SortKey[] {
  return isBackward(window) ? reversed(ordering.keys) : ordering.keys;
}

/** A row of `keysetPageSql`: the list's columns and its key values. */
export type KeyedRow = Record<string, unknown>;

/**
 * A row's key values (`_k0`…). They stay on the row, unused by any resolver: deleting
 * properties would turn every row object into a slow dictionary-mode object in V8.
 */
export function keyValues(row: KeyedRow, count: number): unknown[] {
  const values: unknown[] = [];
  for (let i = 0; i < count; i++) values.push(row[`_k${i}`]);
  return values;
}

/**
 * The connection of rows read by `keysetPageSql` (in the window's reading direction), each
 * row's cursor encoding its key values (when read); `total` when counted.
 */
export function keysetConnection<T>(rows: KeyedRow[], window: PageWindow, ordering: Ordering, map: (row: never) => T, total: number | null): Connection<T> {
  const page = windowRows(rows, window);
  const count = ordering.keys.length;
  const nodes = page.rows.map((row) => map(row as never));
  // Backward pages read reversed keys: same values, same order of keys.
  return connectionOf(nodes, (i) => encodeCursor(ordering, keyValues(page.rows[i]!, count)), total, page.hasNextPage, page.hasPreviousPage);
}
