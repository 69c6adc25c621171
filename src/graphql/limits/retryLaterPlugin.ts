import type { ApolloServerPlugin } from '@apollo/server';
import { ERROR_CODES, ErrorCode } from '../../errors.js';

/** Codes that mean "the server could not do it now; try again later". */
const RETRY_LATER: ReadonlySet<unknown> = new Set([ErrorCode.REQUEST_TIMEOUT, ErrorCode.DATABASE_UNAVAILABLE]);

/**
 * Gives a response that failed for lack of time or of a database (REQUEST_TIMEOUT,
 * DATABASE_UNAVAILABLE: raised during execution, where Apollo would answer 200) their HTTP
 * status, 503, and `Retry-After: 1`, so clients and balancers back off. Client mistakes get
 * their 4xx from `httpStatusPlugin`.
 */
export function retryLaterPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const code = response.body.singleResult.errors?.map((error) => error.extensions?.code).find((candidate) => RETRY_LATER.has(candidate));
          if (!code) return;
          response.http.status = ERROR_CODES[code as ErrorCode].http ?? 503;
          response.http.headers.set('retry-after', '1');
        },
      };
    },
  };
}
