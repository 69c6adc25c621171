import type { ApolloServerPlugin } from '@apollo/server';
import { ERROR_CODES, isErrorCode } from '../errors.js';

/**
 * Gives a response whose every error is the client's the HTTP status of its first error's code
 * (400 bad input, 401 no or bad token, 403 role too low, 404, 409 …), so clients, proxies and
 * logs see a refusal as one. Responses with a server fault among their errors keep Apollo's status.
 */
export function httpStatusPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors?.length) return;
          const statuses = errors.map((error) => {
            const code = error.extensions?.code;
            return isErrorCode(code) ? ERROR_CODES[code].http : null;
          });
          if (statuses.every((status) => status !== null && status >= 400 && status < 500)) response.http.status = statuses[0]!;
        },
      };
    },
  };
}
