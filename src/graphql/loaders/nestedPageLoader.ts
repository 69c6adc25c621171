import DataLoader from 'dataloader';
import { boundsOf, connectionOf, type Connection, type PageWindow } from '../paginate.js';
import { empty, sql, type Reader, type Sql } from '../read/sql.js';

/** How one relation reads its rows for many parents in a single statement. */
export interface NestedSource {
  /** Columns of each row, e.g. `q.*`. */
  select: Sql;
  /** FROM and JOIN clauses. */
  from: Sql;
  /** The column holding the parent's id (a uuid). */
  parent: Sql;
  /** Extra condition on the rows. */
  where: Sql;
  /** GROUP BY clause for aggregated relations (co-mentions), without the keywords. */
  groupBy?: Sql;
  /** Order of rows within one parent; ends with a unique column so offsets are stable. */
  orderBy: Sql;
  /** Tags a row with its GraphQL type. */
  map: (row: never) => unknown;
}

/** A page of one parent's related rows, for one set of paging arguments. */
export interface NestedKey {
  id: string;
  window: PageWindow;
  /** Picks a variant of the relation (e.g. an entity kind); part of the cache key. */
  variant?: string;
}

export type Row = Record<string, unknown> & { _parent: string; _offset: number; _total: number };

/**
 * A DataLoader that pages a relation for every parent of a batch in one SQL statement:
 * `row_number()` and `count(*)` over a partition by parent give each row its offset and each
 * parent its total, and the outer filter keeps the requested window plus offset 0 of every
 * parent (so the total is known even for a page past the end). Keys with different paging
 * arguments run one statement per distinct set of arguments.
 */
export function nestedPageLoader<R>(read: Reader, sourceOf: (variant: string | undefined) => NestedSource): DataLoader<NestedKey, Connection<R>, string> {
  return new DataLoader<NestedKey, Connection<R>, string>(
    async (keys) => {
      const groups = new Map<string, NestedKey[]>();
      for (const key of keys) {
        const group = `${key.variant ?? ''}|${JSON.stringify(key.window)}`;
        const members = groups.get(group);
        if (members) members.push(key);
        else groups.set(group, [key]);
      }
      const pages = new Map<string, Connection<R>>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const first = group[0]!;
          const source = sourceOf(first.variant);
          const rows = await read<Row>(pageSql(source, sql`${[...new Set(group.map((key) => key.id))]}::uuid[]`, first.window));
          for (const [key, page] of pagesOf<R>(source, group, rows)) pages.set(cacheKey(key), page);
        }),
      );
      return keys.map((key) => pages.get(cacheKey(key))!);
    },
    { cacheKeyFn: cacheKey },
  );
}

/**
 * The pages of `keys` (one window and variant) from the rows `pageSql` returned for their
 * parents; also used to prime a loader with rows read by a larger statement (prefetchSelection.ts).
 */
export function pagesOf<R>(source: NestedSource, keys: readonly NestedKey[], rows: readonly Row[]): [NestedKey, Connection<R>][] {
  const byParent = new Map<string, Row[]>();
  for (const row of rows) {
    const parentRows = byParent.get(row._parent);
    if (parentRows) parentRows.push(row);
    else byParent.set(row._parent, [row]);
  }
  return keys.map((key) => {
    const parentRows = byParent.get(key.id) ?? [];
    const total = parentRows[0]?._total ?? 0;
    const { lo, hi } = boundsOf(key.window, total);
    const page = parentRows.filter((row) => row._offset >= lo && row._offset < hi).map((row) => source.map(stripPaging(row) as never));
    return [key, connectionOf(page as R[], lo, total)];
  });
}

function cacheKey(key: NestedKey): string {
  return `${key.id}|${key.variant ?? ''}|${JSON.stringify(key.window)}`;
}

function stripPaging({ _parent, _offset, _total, ...row }: Row): Record<string, unknown> {
  return row;
}

/**
 * The rows of the window's [lo, hi) bounds (as SQL over the `_total` column; mirrors `boundsOf`)
 * for the parents in `ids` (an SQL uuid[]: bound ids, or an array of a larger statement's rows).
 */
export function pageSql(source: NestedSource, ids: Sql, window: PageWindow): Sql {
  const start = window.after === null ? 0 : window.after + 1;
  let lo = sql`${start}::int`;
  let hi = window.before === null ? sql`"_total"` : sql`least(${window.before}::int, "_total")`;
  if (window.first !== null) hi = sql`least(${hi}, ${start + window.first}::int)`;
  if (window.last !== null) lo = sql`greatest(${lo}, ${hi} - ${window.last}::int)`;
  return sql`
    select * from (
      select ${source.select}, ${source.parent} as "_parent",
        (row_number() over (partition by ${source.parent} order by ${source.orderBy}))::int - 1 as "_offset",
        (count(*) over (partition by ${source.parent}))::int as "_total"
      from ${source.from}
      where ${source.parent} = ANY(${ids}) and ${source.where}
      ${source.groupBy ? sql`group by ${source.groupBy}` : empty}
    ) page
    where ("_offset" >= ${lo} and "_offset" < ${hi}) or "_offset" = 0
    order by "_parent", "_offset"`;
}
