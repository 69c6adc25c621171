import type { ApolloServerPlugin } from '@apollo/server';
import { currentRequest } from '../requestScope.js';

/**
 * Tells the request's scope what ran: the operation's name and type once resolved (or the name
 * the client sent, when the document never got that far), and the error codes of the response,
 * for the request log, metrics and traces.
 */
export function observePlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ request }) {
      const scope = currentRequest();
      if (scope) scope.operation = { name: request.operationName ?? null, type: null };
      return {
        async didResolveOperation({ operation, operationName }) {
          if (scope) scope.operation = { name: operationName ?? null, type: operation?.operation ?? null };
        },
        async willSendResponse({ response }) {
          if (!scope || response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const code = error.extensions?.code;
            scope.errorCodes.push(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
          }
        },
      };
    },
  };
}
