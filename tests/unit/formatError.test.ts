import { GraphQLError } from 'graphql';
import { createFormatError } from '../../src/graphql/formatError.js';
import { createLogger } from '../../src/log.js';
import { withRequestScope } from '../../src/requestScope.js';

describe('formatError', () => {
  it('masks a server fault and logs it once per request, with the request id', () => {
    const lines: string[] = [];
    const format = createFormatError(createLogger('error', (line) => lines.push(line)));
    const fault = new Error('boom');
    const answers = withRequestScope('req-7', () =>
      ['a', 'b'].map((field) => format({ message: 'boom', path: [field] }, new GraphQLError('boom', { path: [field], originalError: fault }))),
    );
    expect(answers).toEqual([
      { message: 'Internal server error', path: ['a'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      { message: 'Internal server error', path: ['b'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: \[req-7\] unexpected error at a: Error: boom\n/);
  });

  it('gives an error Apollo raised with a 4xx status but no code a client code', () => {
    const format = createFormatError(createLogger('silent'));
    const mismatch = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    expect(format({ message: mismatch.message }, mismatch)).toEqual({ message: mismatch.message, extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' } });
    const other = new GraphQLError('Unsupported Media Type', { extensions: { http: { status: 415 } } });
    expect(format({ message: other.message }, other)).toEqual({ message: other.message, extensions: { code: 'BAD_REQUEST' } });
  });
});
