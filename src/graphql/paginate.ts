import { DEFAULT_PAGE_SIZE } from '../config/queryLimits.js';
import { AppError, ErrorCode } from '../errors.js';
import { decodeCursor, encodeCursor, type Ordering } from './paging/cursor.js';
import { sortKey } from './paging/sortKey.js';

export { DEFAULT_PAGE_SIZE };

/** Relay paging arguments as every connection field takes them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * Validated paging arguments. `first` defaults to 20 when neither `first` nor `last` is given.
 * Cursors stay opaque here: only the list that knows its order can decode them (`decodeCursor`).
 */
export interface PageWindow {
  first: number | null;
  last: number | null;
  after: string | null;
  before: string | null;
}

/** Validates `first/last` (cursors are checked against the list's order when it is read). Throws BAD_USER_INPUT naming the argument. */
export function windowOf(args: PageArgs, maxPageSize: number): PageWindow {
  const first = sizeOf('first', args.first, maxPageSize);
  const last = sizeOf('last', args.last, maxPageSize);
  return {
    first: first === null && last === null ? Math.min(DEFAULT_PAGE_SIZE, maxPageSize) : first,
    last,
    after: args.after ?? null,
    before: args.before ?? null,
  };
}

/** A Relay connection as resolvers return it. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  /** Never read when null: it is null only when the query does not select it. */
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * Builds a Relay connection from a page's rows, their cursors (`cursorOf(i)`, the i-th row's)
 * and what lies on either side. Edges and cursors are made when a query first reads them: most
 * queries select `nodes` alone, and encoding every row's cursor was a large share of a page's
 * cost (a page of ~1,500 fields encoded ~100 cursors nobody read).
 */
export function connectionOf<T>(
  rows: T[],
  cursorOf: (index: number) => string,
  total: number | null,
  hasNextPage: boolean,
  hasPreviousPage: boolean,
): Connection<T> {
  return new LazyConnection(rows, cursorOf, total as number, hasNextPage, hasPreviousPage);
}

/** A connection whose edges and page info are built on first read (see `connectionOf`). */
class LazyConnection<T> implements Connection<T> {
  private edgeList: Connection<T>['edges'] | null = null;
  private info: Connection<T>['pageInfo'] | null = null;

  constructor(
    readonly nodes: T[],
    private readonly cursorOf: (index: number) => string,
    readonly totalCount: number,
    private readonly hasNextPage: boolean,
    private readonly hasPreviousPage: boolean,
  ) {}

  get edges(): Connection<T>['edges'] {
    return (this.edgeList ??= this.nodes.map((node, i) => new LazyEdge(node, i, this.cursorOf)));
  }

  get pageInfo(): Connection<T>['pageInfo'] {
    const last = this.nodes.length - 1;
    return (this.info ??= {
      hasNextPage: this.hasNextPage,
      hasPreviousPage: this.hasPreviousPage,
      startCursor: last < 0 ? null : this.cursorOf(0),
      endCursor: last < 0 ? null : this.cursorOf(last),
    });
  }
}

/** An edge whose cursor is encoded when read. */
class LazyEdge<T> {
  private encoded: string | null = null;

  constructor(
    readonly node: T,
    private readonly index: number,
    private readonly cursorOf: (index: number) => string,
  ) {}

  get cursor(): string {
    return (this.encoded ??= this.cursorOf(this.index));
  }
}

/**
 * The rows a window shows out of rows read in its direction, one more than asked for (see
 * `keysetPage`), and whether rows lie beyond either end. Forward (`first`): the extra row means
 * a next page; `last` with `first` keeps the last of those. Backward (`last` alone): rows come
 * newest-last and are put back in the list's order.
 */
export function windowRows<T>(rows: T[], window: PageWindow): { rows: T[]; hasNextPage: boolean; hasPreviousPage: boolean } {
  if (isBackward(window)) {
    const last = window.last!;
    return { rows: rows.slice(0, last).reverse(), hasNextPage: window.before !== null, hasPreviousPage: rows.length > last || window.after !== null };
  }
  const first = window.first!;
  let page = rows.slice(0, first);
  const trimmed = window.last !== null && page.length > window.last;
  if (trimmed) page = page.slice(-window.last!);
  return { rows: page, hasNextPage: rows.length > first || window.before !== null, hasPreviousPage: window.after !== null || trimmed };
}

/** A window read from the end of the list: `last` without `first`. */
export function isBackward(window: PageWindow): boolean {
  return window.first === null;
}

/** How many rows a window reads in its direction: one more than it shows, to know whether more follow. */
export function rowsToRead(window: PageWindow): number {
  return (isBackward(window) ? window.last! : window.first!) + 1;
}

const OFFSET_KEY = [sortKey('offset', '', 'int')];

/**
 * One page of a short list that has no index to seek in (the review queue, merge candidates
 * computed in memory): cursors hold an offset, tagged with the connection like every cursor,
 * and the list is counted to place a `last` page.
 */
export async function offsetPageOf<T>(
  connection: string,
  window: PageWindow,
  count: () => Promise<number>,
  fetch: (skip: number, take: number) => Promise<T[]>,
): Promise<Connection<T>> {
  const ordering: Ordering = { connection, keys: OFFSET_KEY };
  const offset = (cursor: string | null, argument: string) => (cursor === null ? null : (decodeCursor(cursor, ordering, argument)[0] as number));
  const after = offset(window.after, 'after');
  const before = offset(window.before, 'before');
  const total = await count();
  let lo = after === null ? 0 : after + 1;
  let hi = before === null ? total : Math.min(before, total);
  if (window.first !== null) hi = Math.min(hi, lo + window.first);
  if (window.last !== null) lo = Math.max(lo, hi - window.last);
  hi = Math.max(lo, hi);
  const page = hi > lo ? await fetch(lo, hi - lo) : [];
  return connectionOf(page, (i) => encodeCursor(ordering, [lo + i]), total, lo + page.length < total, lo > 0);
}

function sizeOf(argument: string, value: number | null | undefined, max: number): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument} must be between 1 and ${max} (got ${value})`, { argument });
  }
  return value;
}
