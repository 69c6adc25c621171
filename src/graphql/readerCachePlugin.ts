import type { ApolloServerPlugin } from '@apollo/server';
import type { Lsn } from '../db/walLsn.js';
import type { Context } from './context.js';

/** Set on a query's answer without errors; the HTTP layer removes it before the answer leaves. */
export const CACHEABLE_HEADER = 'x-storygraph-cacheable';

/**
 * Marks a query's answer without errors as cacheable (`CACHEABLE_HEADER`), and after every
 * mutation invalidates stored answers (`bump`) before the answer leaves, so the writer's next
 * read, on any replica sharing the cache, sees the write.
 */
export function readerCachePlugin(bump: (lsn: Lsn | null) => Promise<void>): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(request) {
          const operation = request.operation?.operation;
          // The write's WAL position (known with read replicas) goes with the bump: see ResponseCache.
          if (operation === 'mutation') await bump(request.contextValue.consistency.wroteAt);
          const body = request.response.body;
          if (operation === 'query' && body.kind === 'single' && !body.singleResult.errors) request.response.http.headers.set(CACHEABLE_HEADER, '1');
        },
      };
    },
  };
}
