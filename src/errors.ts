/**
 * Stable error codes. Every code is listed with its meaning in the README; clients and scripts
 * may rely on them. Domain code throws `AppError`; only the GraphQL layer turns them into
 * GraphQL errors, and only `db/prismaErrors.ts` knows Prisma's own codes.
 */
export const ErrorCode = {
  // Input files
  FILE_NOT_FOUND: 'FILE_NOT_FOUND',
  FILE_UNREADABLE: 'FILE_UNREADABLE',
  EMPTY_FILE: 'EMPTY_FILE',
  BINARY_FILE: 'BINARY_FILE',
  NO_HEADLINE: 'NO_HEADLINE',
  NO_BODY: 'NO_BODY',
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  INVALID_JSON: 'INVALID_JSON',
  INVALID_FRONT_MATTER: 'INVALID_FRONT_MATTER',
  INVALID_FIELD: 'INVALID_FIELD',
  // Configuration and database
  INVALID_CONFIG: 'INVALID_CONFIG',
  INVALID_DATABASE_URL: 'INVALID_DATABASE_URL',
  DATABASE_UNREACHABLE: 'DATABASE_UNREACHABLE',
  MIGRATION_FAILED: 'MIGRATION_FAILED',
  EMBEDDED_DATABASE_FAILED: 'EMBEDDED_DATABASE_FAILED',
  // API
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An expected failure with a stable code and a message fit for the person who caused it. */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** Where the problem is: a file path, a line number, a field name. */
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** True for errors this project raised on purpose (as opposed to bugs). */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
