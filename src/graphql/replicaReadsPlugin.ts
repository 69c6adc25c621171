import type { ApolloServerPlugin } from '@apollo/server';
import { formatLsn } from '../db/walLsn.js';
import type { Context } from './context.js';

/** The header that carries a commit position between client and API, both ways. */
export const CONSISTENCY_HEADER = 'storygraph-consistency';

/**
 * Sends reads to the read replicas when a replica's answer is the primary's answer for this
 * caller: a query (never a mutation, whose reads must see its own writes) by an anonymous or
 * READER caller, who see published content only. EDITOR and ADMIN reads stay on the primary:
 * they read drafts they have just written and write more, and are few beside public reads.
 * After a write, the response carries the primary's WAL position in `Storygraph-Consistency`;
 * a client that sends it back (to any API process) is read only from a replica that has
 * replayed that far, else from the primary.
 */
export function replicaReadsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const { consistency, viewer } = contextValue;
          consistency.replicaReads =
            consistency.replicas && operation?.operation === 'query' && !viewer.system && (viewer.role === null || viewer.role === 'READER');
        },
        async willSendResponse({ contextValue, response }) {
          const wroteAt = contextValue.consistency.wroteAt;
          if (wroteAt !== null) response.http.headers.set(CONSISTENCY_HEADER, formatLsn(wroteAt));
        },
      };
    },
  };
}
