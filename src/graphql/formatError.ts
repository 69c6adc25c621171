import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, ErrorCode, isAppError, isErrorCode } from '../errors.js';
import { toAppError } from '../db/prismaErrors.js';
import { currentBudget } from '../db/requestBudget.js';
import type { Logger } from '../log.js';
import { currentRequest } from '../requestScope.js';

/** Codes Apollo, graphql-js and the limits set for invalid requests (HTTP 4xx); passed through as they are. */
const isRequestCode = (code: unknown): code is ErrorCode => isErrorCode(code) && (ERROR_CODES[code].http ?? 0) >= 400 && (ERROR_CODES[code].http ?? 0) < 500;

/** graphql-js's parse error for Apollo's `parseOptions.maxTokens` (it spells "more that"); given its own code. */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more th(?:an|at) \d+ tokens/;

/** Apollo's refusal of an automatic persisted query whose hash is not its query's (it has no code). */
const HASH_MISMATCH = /^provided sha does not match query$/;

/** graphql-js's hints ("Did you mean …?"), which leak the schema when introspection is off. */
const SUGGESTION = / ?Did you mean .*\?$/;

export interface FormatErrorOptions {
  /** Drop "Did you mean …?" hints from messages (on whenever introspection is off). */
  hideSuggestions?: boolean;
}

/**
 * Gives every error a stable code. AppErrors keep their code and message; request errors keep
 * Apollo's; an error Apollo raised with a 4xx status but no code is the client's (BAD_REQUEST,
 * or PERSISTED_QUERY_HASH_MISMATCH); anything raised after the request's deadline is
 * REQUEST_TIMEOUT. Anything else is logged once per request, with the request id, and masked as
 * INTERNAL_SERVER_ERROR so no SQL, host names or stack traces reach clients.
 */
export function createFormatError(log: Logger, options: FormatErrorOptions = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const where = { locations: formatted.locations, path: formatted.path };
    const budget = currentBudget();
    if (budget?.expired) {
      return {
        message: `The request ran past its deadline of ${budget.timeoutMs} ms; its database work was cancelled`,
        ...where,
        extensions: { code: ErrorCode.REQUEST_TIMEOUT },
      };
    }
    const original = toAppError(unwrapResolverError(error));
    if (isAppError(original)) return { message: original.message, ...where, extensions: { ...original.details, code: original.code } };
    const code = formatted.extensions?.code;
    if (isRequestCode(code)) {
      const message = options.hideSuggestions ? formatted.message.replace(SUGGESTION, '') : formatted.message;
      const tokens = code === 'GRAPHQL_PARSE_FAILED' && TOO_MANY_TOKENS.test(message);
      return { message, ...where, extensions: { code: tokens ? ErrorCode.TOO_MANY_TOKENS : code } };
    }
    const status = httpStatusOf(error);
    if (status !== undefined && status >= 400 && status < 500) {
      const mismatch = HASH_MISMATCH.test(formatted.message);
      return { message: formatted.message, ...where, extensions: { code: mismatch ? ErrorCode.PERSISTED_QUERY_HASH_MISMATCH : ErrorCode.BAD_REQUEST } };
    }
    const request = currentRequest();
    const key = typeof original === 'object' && original !== null ? original : null;
    if (!key || !request?.loggedErrors.has(key)) {
      if (key) request?.loggedErrors.add(key);
      log.error(
        `${request ? `[${request.id}] ` : ''}unexpected error${formatted.path ? ` at ${formatted.path.join('.')}` : ''}: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`,
      );
    }
    return { message: 'Internal server error', ...where, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}

/** The HTTP status Apollo attached to an error it raised (`extensions.http.status`), if any. */
function httpStatusOf(error: unknown): number | undefined {
  const http = (error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http;
  return typeof http?.status === 'number' ? http.status : undefined;
}
