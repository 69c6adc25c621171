import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { selects } from '../selects.js';
import type { Connection, PageWindow } from '../paginate.js';
import { keysetConnection, keysetPageSql, seekOf, type KeyedRow, type KeysetQuery } from '../paging/keysetPage.js';
import { sql } from './sql.js';

/** A root list: its rows, filter (access rule included) and order, as SQL. */
export interface ListQuery<T> extends KeysetQuery {
  /** Tags each row with its GraphQL type. */
  map: (row: never) => T;
}

/**
 * One page of a root list by keyset (see `keysetPageSql`) and, when the query selects
 * `totalCount`, the list's size: one statement each, run in parallel.
 */
export async function listPage<T>(ctx: Context, window: PageWindow, query: ListQuery<T>, info?: GraphQLResolveInfo): Promise<Connection<T>> {
  const seek = seekOf(window, query.ordering);
  const counted = !info || selects(info, 'totalCount');
  const [total, rows] = await Promise.all([
    counted ? ctx.read<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${query.from} WHERE ${query.where}`).then((r) => r[0]?.n ?? 0) : null,
    ctx.read<KeyedRow>(keysetPageSql(query, window, seek)),
  ]);
  return keysetConnection(rows, window, query.ordering, query.map, total);
}
