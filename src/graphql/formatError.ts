import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, isAppError } from '../errors.js';
import { toAppError } from '../db/prismaErrors.js';
import type { Logger } from '../log.js';

/** Codes Apollo and graphql-js set themselves for invalid requests; passed through as they are. */
const REQUEST_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * Gives every error a stable code. AppErrors keep their code and message; request errors keep
 * Apollo's; anything else is logged and masked as INTERNAL_SERVER_ERROR so no SQL, host names
 * or stack traces reach clients.
 */
export function createFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = toAppError(unwrapResolverError(error));
    if (isAppError(original)) {
      return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { code: original.code } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_CODES.has(code)) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    log.error(`unexpected error${formatted.path ? ` at ${formatted.path.join('.')}` : ''}: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
