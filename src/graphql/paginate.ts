import { AppError, ErrorCode } from '../errors.js';

export const MAX_PAGE_SIZE = 100;

export interface Page {
  skip: number;
  take: number;
}

/** Validates `first`/`after` and turns them into an offset window. Throws BAD_USER_INPUT. */
export function pageOf(first: number | null | undefined, after: string | null | undefined): Page {
  const take = first ?? 20;
  if (!Number.isInteger(take) || take < 1 || take > MAX_PAGE_SIZE) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `first must be between 1 and ${MAX_PAGE_SIZE} (got ${take})`, { argument: 'first' });
  }
  return { skip: after ? decodeCursor(after) + 1 : 0, take };
}

/** Validates a plain `first` limit on a nested list. */
export function limitOf(first: number | null | undefined): number {
  return pageOf(first, null).take;
}

/** Builds a Relay connection from one page of rows and the list's total size. */
export function connectionOf<T>(rows: T[], page: Page, totalCount: number) {
  const edges = rows.map((node, i) => ({ cursor: encodeCursor(page.skip + i), node }));
  return {
    edges,
    nodes: rows,
    totalCount,
    pageInfo: {
      hasNextPage: page.skip + rows.length < totalCount,
      hasPreviousPage: page.skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new AppError(ErrorCode.BAD_USER_INPUT, `after: ${JSON.stringify(cursor)} is not a cursor from this list`, { argument: 'after' });
  return Number(match[1]);
}
