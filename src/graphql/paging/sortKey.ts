/** SQL type a sort key's value is cast to when it comes back in a cursor. */
export type KeyType = 'timestamp' | 'text' | 'uuid' | 'int' | 'bigint' | 'float8' | 'bool';

/** One column of a list's order, as keyset paging needs it. */
export interface SortKey {
  /** Stable name of the key in a cursor's ordering tag (not its SQL, which varies by viewer). */
  name: string;
  /** The SQL expression, over the list's table aliases. */
  sql: string;
  type: KeyType;
  direction: 'ASC' | 'DESC';
  /** Where NULLs go; PostgreSQL's default unless set (last ascending, first descending). */
  nullsLast: boolean;
  /** Whether the expression can be NULL (a nullable column, or a column of an outer join). */
  nullable: boolean;
}

/** A sort key; `nullsLast` defaults to PostgreSQL's placement for the direction. */
export function sortKey(
  name: string,
  sql: string,
  type: KeyType,
  direction: 'ASC' | 'DESC' = 'ASC',
  options: { nullable?: boolean; nullsLast?: boolean } = {},
): SortKey {
  return { name, sql, type, direction, nullsLast: options.nullsLast ?? direction === 'ASC', nullable: options.nullable ?? false };
}

/** The same keys in the opposite order (for `last`/`before` pages, read backwards). */
export function reversed(keys: readonly SortKey[]): SortKey[] {
  return keys.map((key) => ({ ...key, direction: key.direction === 'ASC' ? 'DESC' : 'ASC', nullsLast: !key.nullsLast }));
}
