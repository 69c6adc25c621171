import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { selects } from '../selects.js';
import { pageOf, type Connection, type PageWindow } from '../paginate.js';
import { sql, type Sql } from './sql.js';

/** A root list: its rows, filter (access rule included) and order, as SQL on one table. */
export interface ListQuery<T> {
  /** Columns of each row. */
  select: Sql;
  /** FROM clause (a table and its alias, joins if the order needs them). */
  from: Sql;
  where: Sql;
  orderBy: Sql;
  /** Tags each row with its GraphQL type. */
  map: (row: never) => T;
}

/**
 * One page of a root list and, when the query selects `totalCount` (or pages backwards), the
 * list's size: one statement each.
 */
export function listPage<T>(ctx: Context, window: PageWindow, query: ListQuery<T>, info?: GraphQLResolveInfo): Promise<Connection<T>> {
  const counted = !info || window.last !== null || selects(info, 'totalCount');
  return pageOf(
    window,
    counted ? async () => (await ctx.read<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${query.from} WHERE ${query.where}`))[0]?.n ?? 0 : null,
    async (skip, take) =>
      (await ctx.read<never>(sql`SELECT ${query.select} FROM ${query.from} WHERE ${query.where} ORDER BY ${query.orderBy} OFFSET ${skip} LIMIT ${take}`)).map(
        query.map,
      ),
  );
}
