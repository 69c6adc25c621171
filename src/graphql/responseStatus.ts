import type { ApolloServerPlugin } from '@apollo/server';
import { ERROR_CODES, ErrorCode, isErrorCode } from '../errors.js';

/** Codes that mean "try again later": their responses say when. */
const RETRY_LATER: ReadonlySet<string> = new Set([ErrorCode.REQUEST_TIMEOUT, ErrorCode.DATABASE_UNAVAILABLE]);

/**
 * Gives a response with errors the HTTP status of its codes (`src/errors.ts`), so an argument
 * refused by a resolver (a page size, a cursor, an ID: BAD_USER_INPUT) is a 400 like one refused
 * before execution, not a 200: a server fault anywhere makes it a 5xx, otherwise a client
 * mistake makes it its 4xx (400 when codes differ). Apollo's own statuses (parse, validation,
 * 406, 415) are kept. Runs after `formatError`, so it sees the final codes.
 */
export function createResponseStatusPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const codes = (response.body.singleResult.errors ?? []).map((error) => error.extensions?.code);
          const statuses = codes.map((code) => (isErrorCode(code) ? ERROR_CODES[code].http : null)).filter((status) => status !== null);
          if (!statuses.length || (response.http.status ?? 200) >= 400) return;
          const faults = statuses.filter((status) => status >= 500);
          const mistakes = new Set(statuses.filter((status) => status >= 400 && status < 500));
          response.http.status = faults.length ? Math.max(...faults) : mistakes.size === 1 ? [...mistakes][0]! : 400;
          if (codes.some((code) => typeof code === 'string' && RETRY_LATER.has(code))) response.http.headers.set('retry-after', '1');
        },
      };
    },
  };
}
