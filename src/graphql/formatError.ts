import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, ErrorCode, isAppError, isErrorCode } from '../errors.js';
import { toAppError } from '../db/prismaErrors.js';
import type { Logger } from '../log.js';

/** Codes Apollo, graphql-js and the limits set for invalid requests (HTTP 400); passed through as they are. */
const isRequestCode = (code: unknown): code is ErrorCode => isErrorCode(code) && ERROR_CODES[code].http === 400;

/** graphql-js's parse error for Apollo's `parseOptions.maxTokens` (it spells "more that"); given its own code. */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more th(?:an|at) \d+ tokens/;

/** graphql-js's hints ("Did you mean …?"), which leak the schema when introspection is off. */
const SUGGESTION = / ?Did you mean .*\?$/;

export interface FormatErrorOptions {
  /** Drop "Did you mean …?" hints from messages (on whenever introspection is off). */
  hideSuggestions?: boolean;
}

/**
 * Gives every error a stable code. AppErrors keep their code and message; request errors keep
 * Apollo's; anything else is logged and masked as INTERNAL_SERVER_ERROR so no SQL, host names
 * or stack traces reach clients.
 */
export function createFormatError(log: Logger, options: FormatErrorOptions = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = toAppError(unwrapResolverError(error));
    if (isAppError(original)) {
      return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { ...original.details, code: original.code } };
    }
    const code = formatted.extensions?.code;
    if (isRequestCode(code)) {
      const message = options.hideSuggestions ? formatted.message.replace(SUGGESTION, '') : formatted.message;
      const tokens = code === 'GRAPHQL_PARSE_FAILED' && TOO_MANY_TOKENS.test(message);
      return { message, locations: formatted.locations, path: formatted.path, extensions: { code: tokens ? ErrorCode.TOO_MANY_TOKENS : code } };
    }
    log.error(
      `unexpected error${formatted.path ? ` at ${formatted.path.join('.')}` : ''}: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`,
    );
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
