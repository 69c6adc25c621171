import DataLoader from 'dataloader';
import type { Connection, PageWindow } from '../paginate.js';
import { keysetConnection, keysetPageSql, orderSql, scanKeys, seekOf, type KeyedRow, type Seek } from '../paging/keysetPage.js';
import type { SortKey } from '../paging/sortKey.js';
import { columnsNamed, empty, raw, sql, type Reader, type Sql } from '../read/sql.js';

/** How one relation reads its rows for many parents in a single statement. */
export interface NestedSource {
  /** The connection's name in its cursors, e.g. `Article.quotes`. */
  connection: string;
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
  /** Order of rows within one parent; the last key is a unique, non-null column. */
  keys: SortKey[];
  /**
   * Rows found from an index and fetched after the page is cut: the page's keys and `id` are
   * read over `from` (for articles, index-only), and `select` over `table` joined on
   * `table`'s alias `.id = "_id"` for the page's rows alone, not for every row it orders.
   */
  fetch?: { id: Sql; table: Sql; alias: string };
  /** The alias `select` reads the row's model columns from, when a page may carry only some of them (`pageSql`'s `columns`). */
  rowAlias?: string;
  /**
   * The order is an index's (a speaker's quotes, a person's roles, on their copies of their
   * articles' dates): a page reads its rows alone, so a count is a scan of its own (index-only)
   * rather than the page's scan carried to the end.
   */
  indexOrdered?: boolean;
  /** Tags a row with its GraphQL type. */
  map: (row: never) => unknown;
}

/** A page of one parent's related rows, for one set of paging arguments. */
export interface NestedKey {
  id: string;
  window: PageWindow;
  /** Picks a variant of the relation (e.g. an entity kind); part of the cache key. */
  variant?: string;
  /** Whether the query selects the connection's `totalCount`: a count reads every row of the parent, so it is left out when nobody asks. */
  counted: boolean;
  /**
   * The columns the page's rows carry (see `pageColumns`); undefined: whole rows. Part of the
   * cache key, so a page read for one selection is never served to another; the loader itself
   * reads whole rows, which serve any selection.
   */
  columns?: string;
  /**
   * No cursor of the page is read (`pageKeyless`): a statement that primes it may leave out the
   * rows' sort keys but the last (`pagesOf` reads it). Part of the cache key, so a page primed
   * without keys is never served to a field that reads cursors.
   */
  keyless?: boolean;
}

/**
 * A row of `pageSql`: the parent's id, its count when counted (NULL for a parent without rows
 * when the count comes with the page) and, unless the parent has none in the window, a keyed row.
 */
export type Row = KeyedRow & { _parent: string; _total?: number | null };

/**
 * A DataLoader that pages a relation for every parent of a batch in one SQL statement: for
 * each parent a LATERAL keyset page (`keysetPageSql`, a range scan from the cursor on an index
 * of the order) and that parent's count. Keys with different paging arguments (cursors
 * included) run one statement per distinct set of arguments.
 */
export function nestedPageLoader<R>(read: Reader, sourceOf: (variant: string | undefined) => NestedSource): DataLoader<NestedKey, Connection<R>, string> {
  return new DataLoader<NestedKey, Connection<R>, string>(
    async (keys) => {
      const groups = new Map<string, NestedKey[]>();
      for (const key of keys) {
        const group = `${key.variant ?? ''}|${key.counted}|${JSON.stringify(key.window)}`;
        const members = groups.get(group);
        if (members) members.push(key);
        else groups.set(group, [key]);
      }
      const pages = new Map<string, Connection<R>>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const first = group[0]!;
          const source = sourceOf(first.variant);
          const ordering = { connection: source.connection, keys: source.keys };
          // Decoded before any SQL: a bad cursor is the client's error, named by its argument.
          const seek = seekOf(first.window, ordering);
          const ids = sql`${[...new Set(group.map((key) => key.id))]}::uuid[]`;
          const rows = await read<Row>(pageSql(source, { ids }, first.window, seek, first.counted));
          for (const [key, page] of pagesOf<R>(source, group, rows)) pages.set(nestedCacheKey(key), page);
        }),
      );
      return keys.map((key) => pages.get(nestedCacheKey(key))!);
    },
    { cacheKeyFn: nestedCacheKey },
  );
}

/**
 * The pages of `keys` (one window and variant) from the rows `pageSql` returned for their
 * parents, in its order; also used to prime a loader with rows read by a larger statement
 * (prefetchSelection.ts).
 */
export function pagesOf<R>(source: NestedSource, keys: readonly NestedKey[], rows: readonly Row[]): [NestedKey, Connection<R>][] {
  const ordering = { connection: source.connection, keys: source.keys };
  const byParent = new Map<string, KeyedRow[]>();
  const totals = new Map<string, number>();
  const last = `_k${source.keys.length - 1}`;
  for (const row of rows) {
    totals.set(row._parent, row._total ?? 0);
    // A parent without rows in the window still comes back once, for its count.
    if (row[last] === null) continue;
    const parentRows = byParent.get(row._parent);
    if (parentRows) parentRows.push(row);
    else byParent.set(row._parent, [row]);
  }
  return keys.map((key) => [
    key,
    keysetConnection(byParent.get(key.id) ?? [], key.window, ordering, source.map, key.counted ? (totals.get(key.id) ?? 0) : null) as Connection<R>,
  ]);
}

/** The cache key of a page: parent, variant, whether it is counted, paging arguments, the columns its rows carry and whether they carry their keys. */
export function nestedCacheKey(key: NestedKey): string {
  return `${key.id}|${key.variant ?? ''}|${key.counted}|${JSON.stringify(key.window)}|${key.columns ?? ''}|${key.keyless === true}`;
}

/** Where a page statement's parents come from: bound ids, or the rows of a larger statement. */
export type Parents = { ids: Sql } | { rowsOf: string };

/**
 * Each parent's page (LATERAL, so each is its own index range scan), ordered by parent and then
 * as the window reads. `parents`: an SQL uuid[] of bound ids, or the name of a larger
 * statement's CTE whose distinct `id`s are the parents (prefetchSelection.ts); that statement
 * orders each page itself (in its `json_agg`), so then the rows come unordered, without a sort
 * PostgreSQL would run for nothing. `counted`: each row also carries its parent's count
 * (`_total`). Without cursors the count comes from the page's own scan (`count(*) OVER ()`
 * before its LIMIT), since a count reads every row of the parent anyway and an order by another
 * table's columns (a speaker's quotes newest first) reads them all for the page too; a cursor
 * narrows the page's rows, and a page in an index's order (`indexOrdered`) reads only its own,
 * so then each parent is counted on its own.
 */
export function pageSql(source: NestedSource, parents: Parents, window: PageWindow, seek: Seek, counted: boolean, columns?: string): Sql {
  const where = sql`${source.parent} = p."_parent" AND ${source.where}`;
  const rowSelect = columns !== undefined && source.rowAlias ? columnsNamed(source.rowAlias, columns) : source.select;
  const group = source.groupBy ? sql`GROUP BY ${source.groupBy}` : empty;
  const ordering = { connection: source.connection, keys: source.keys };
  const withCount = counted && !source.indexOrdered && seek.after === null && seek.before === null;
  const { fetch } = source;
  const keyedColumns = fetch ? sql`${fetch.id} AS "_id"` : rowSelect;
  const select = withCount ? sql`${keyedColumns}, count(*) OVER ()::int AS "_total"` : keyedColumns;
  const keyed = keysetPageSql({ select, from: source.from, where, groupBy: source.groupBy, ordering }, window, seek);
  const page = fetch ? sql`SELECT ${rowSelect}, k.* FROM (${keyed}) k JOIN ${fetch.table} ON ${raw(fetch.alias)}.id = k."_id"` : keyed;
  const count =
    counted && !withCount ? sql`CROSS JOIN LATERAL (SELECT count(*)::int AS "_total" FROM (SELECT 1 FROM ${source.from} WHERE ${where} ${group}) c) t` : empty;
  // A parent row of the statement, joined LATERAL: the page is planned for one parent id, as for
  // bound ids (over a set of unknown size PostgreSQL would guess, and hash whole tables).
  const from = 'ids' in parents ? sql`unnest(${parents.ids}) AS p("_parent")` : sql`(SELECT DISTINCT id AS "_parent" FROM ${raw(parents.rowsOf)}) p`;
  const order = 'ids' in parents ? sql`ORDER BY p."_parent", ${orderSql(scanKeys(ordering, window), 'x')}` : empty;
  return sql`
    SELECT p."_parent"::text AS "_parent", ${counted && !withCount ? sql`t."_total", ` : empty}x.*
    FROM ${from}
    ${count}
    LEFT JOIN LATERAL (${page}) x ON TRUE
    ${order}`;
}
