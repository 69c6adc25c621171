import { DEFAULT_PAGE_SIZE } from '../config/queryLimits.js';
import { AppError, ErrorCode } from '../errors.js';

export { DEFAULT_PAGE_SIZE };

/** Relay paging arguments as every connection field takes them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * Validated paging arguments with cursors decoded to offsets. `first` defaults to 20 when
 * neither `first` nor `last` is given.
 */
export interface PageWindow {
  first: number | null;
  last: number | null;
  /** Offset of the `after` cursor, or null. */
  after: number | null;
  /** Offset of the `before` cursor, or null. */
  before: number | null;
}

/** Validates `first/after/last/before`. Throws BAD_USER_INPUT naming the argument. */
export function windowOf(args: PageArgs, maxPageSize: number): PageWindow {
  const first = sizeOf('first', args.first, maxPageSize);
  const last = sizeOf('last', args.last, maxPageSize);
  return {
    first: first === null && last === null ? Math.min(DEFAULT_PAGE_SIZE, maxPageSize) : first,
    last,
    after: args.after ? decodeCursor(args.after, 'after') : null,
    before: args.before ? decodeCursor(args.before, 'before') : null,
  };
}

/**
 * The half-open offset range [lo, hi) a window selects from a list of `total` items, as the
 * Relay spec orders it: cut at `after` and `before`, then keep the first `first`, then the
 * last `last`. `nestedPageLoader.ts` computes the same range in SQL; keep the two in step.
 */
export function boundsOf(window: PageWindow, total: number): { lo: number; hi: number } {
  let lo = window.after === null ? 0 : window.after + 1;
  let hi = window.before === null ? total : Math.min(window.before, total);
  if (window.first !== null) hi = Math.min(hi, lo + window.first);
  if (window.last !== null) lo = Math.max(lo, hi - window.last);
  return { lo, hi: Math.max(lo, hi) };
}

/**
 * Builds a Relay connection from the rows at offsets [lo, …) and the list's total size; without
 * a total (not selected, so not counted), `hasNext` says whether rows follow the page.
 */
export function connectionOf<T>(rows: T[], lo: number, total: number | null, hasNext?: boolean) {
  const edges = rows.map((node, i) => ({ cursor: encodeCursor(lo + i), node }));
  return {
    edges,
    nodes: rows,
    // Never read when null: it is null only when the query does not select it.
    totalCount: total as number,
    pageInfo: {
      hasNextPage: total === null ? (hasNext ?? false) : lo + rows.length < total,
      hasPreviousPage: lo > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/**
 * One page of a root list: counts and fetches in parallel for `first`; `last` counts first,
 * since the window then depends on the total. Without `count` (totalCount not selected) a
 * `first` page fetches one row more than it shows, to know whether rows follow.
 */
export async function pageOf<T>(
  window: PageWindow,
  count: (() => Promise<number>) | null,
  fetch: (skip: number, take: number) => Promise<T[]>,
): Promise<Connection<T>> {
  if (window.last === null) {
    const { lo, hi } = boundsOf(window, Number.MAX_SAFE_INTEGER);
    if (!count) {
      const rows = hi > lo ? await fetch(lo, hi - lo + 1) : [];
      return connectionOf(rows.slice(0, hi - lo), lo, null, rows.length > hi - lo);
    }
    const [total, rows] = await Promise.all([count(), hi > lo ? fetch(lo, hi - lo) : Promise.resolve([])]);
    return connectionOf(rows, lo, total);
  }
  if (!count) throw new Error('a `last` page needs its total');
  const total = await count();
  const { lo, hi } = boundsOf(window, total);
  return connectionOf(hi > lo ? await fetch(lo, hi - lo) : [], lo, total);
}

/** A Relay connection as resolvers return it. */
export type Connection<T> = ReturnType<typeof connectionOf<T>>;

function sizeOf(argument: string, value: number | null | undefined, max: number): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument} must be between 1 and ${max} (got ${value})`, { argument });
  }
  return value;
}

function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string, argument: string): number {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument}: ${JSON.stringify(cursor)} is not a cursor from this list`, { argument });
  return Number(match[1]);
}
