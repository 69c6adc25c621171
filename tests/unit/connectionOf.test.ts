import { connectionOf } from '../../src/graphql/paginate.js';

describe('connectionOf', () => {
  it('encodes a cursor only when the query reads it, and the same one each time', () => {
    const encoded: number[] = [];
    const connection = connectionOf(
      ['a', 'b', 'c'],
      (i) => {
        encoded.push(i);
        return `cursor ${i}`;
      },
      7,
      true,
      false,
    );
    expect({ nodes: connection.nodes, totalCount: connection.totalCount }).toEqual({ nodes: ['a', 'b', 'c'], totalCount: 7 });
    expect(encoded).toEqual([]);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: 'cursor 0', endCursor: 'cursor 2' });
    expect(connection.edges.map((edge) => edge.node)).toEqual(['a', 'b', 'c']);
    expect(encoded).toEqual([0, 2]);
    expect(connection.edges.map((edge) => edge.cursor)).toEqual(['cursor 0', 'cursor 1', 'cursor 2']);
    expect(connection.edges[1]!.cursor).toBe('cursor 1');
    expect(encoded).toEqual([0, 2, 0, 1, 2]);
  });

  it('has null cursors in the page info of an empty page', () => {
    const connection = connectionOf([], () => 'never', 0, false, true);
    expect(connection.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
    expect(connection.edges).toEqual([]);
  });
});
