import { decodeCursor, encodeCursor, type Ordering } from '../../src/graphql/paging/cursor.js';
import { sortKey } from '../../src/graphql/paging/sortKey.js';

const NEWEST: Ordering = {
  connection: 'articles',
  keys: [
    sortKey('publishedAt', 'a."publishedAt"', 'timestamp', 'DESC', { nullable: true, nullsLast: true }),
    sortKey('createdAt', 'a."createdAt"', 'timestamp', 'DESC'),
    sortKey('id', 'a.id', 'uuid'),
  ],
};
const ID = '0065395e-c029-41a2-b875-29c13c5a1264';
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The error decodeCursor throws, as a plain object. */
function refusal(cursor: string, ordering: Ordering = NEWEST, argument = 'after') {
  try {
    decodeCursor(cursor, ordering, argument);
  } catch (error) {
    const { code, details, message } = error as { code: string; details: object; message: string };
    return { code, details, reason: /\(([^)]*)\)$/.exec(message)?.[1] };
  }
  throw new Error('the cursor was accepted');
}

describe('keyset cursors', () => {
  it('give back the sort key values they were made from, NULLs included', () => {
    const values = [null, '2026-12-02T10:44:26.333Z', ID];
    const cursor = encodeCursor(NEWEST, values);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, NEWEST, 'after')).toEqual(values);
  });

  it('refuse a cursor of another list or another order, naming the argument', () => {
    const cursor = encodeCursor(NEWEST, ['2025-01-15T09:00:00.000Z', '2026-12-02T10:44:26.333Z', ID]);
    expect(refusal(cursor, { ...NEWEST, connection: 'Tag.articles' }, 'before')).toEqual({
      code: 'BAD_USER_INPUT',
      details: { argument: 'before' },
      reason: 'it belongs to another list or order',
    });
    expect(refusal(cursor, { ...NEWEST, keys: [NEWEST.keys[0]!, NEWEST.keys[2]!] })).toMatchObject({ reason: 'it belongs to another list or order' });
  });

  it('refuse malformed cursors and values that do not fit their key', () => {
    const tag = (JSON.parse(Buffer.from(encodeCursor(NEWEST, [null, '2026-12-02T10:44:26.333Z', ID]), 'base64url').toString()) as { o: string }).o;
    const malformed = [
      'nope',
      Buffer.from('offset:3').toString('base64url'),
      raw({ v: 2, o: tag, k: [null, '2026-12-02T10:44:26.333Z', ID] }),
      raw({ v: 1, o: tag, k: ['yesterday', '2026-12-02T10:44:26.333Z', ID] }),
      raw({ v: 1, o: tag, k: [null, null, ID] }),
      raw({ v: 1, o: tag, k: [null, '2026-12-02T10:44:26.333Z', 'not-a-uuid'] }),
      raw({ v: 1, o: tag, k: [null, '2026-12-02T10:44:26.333Z', 42] }),
    ];
    expect(malformed.map((cursor) => refusal(cursor))).toEqual(
      malformed.map(() => ({ code: 'BAD_USER_INPUT', details: { argument: 'after' }, reason: 'malformed' })),
    );
  });
});
