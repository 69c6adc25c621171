/**
 * Every stable error code of Storygraph, in one place: GraphQL errors carry it in
 * `extensions.code`, HTTP refusals in their JSON body, CLIs in brackets after the message.
 * Clients and scripts may rely on the codes; the README's table is generated from this list
 * (`npm run docs`) and a test keeps the two equal. Domain code throws `AppError`; only the
 * GraphQL layer turns it into a GraphQL error, and only `db/prismaErrors.ts` knows Prisma's codes.
 */
const CODES = {
  // Input files (import, extract)
  FILE_NOT_FOUND: { http: null, meaning: 'an import path does not exist' },
  FILE_UNREADABLE: { http: null, meaning: 'a file exists but cannot be read (permissions, a directory given as a file…)' },
  EMPTY_FILE: { http: null, meaning: 'a file holds nothing but whitespace' },
  BINARY_FILE: { http: null, meaning: 'a file is not text (UTF-8, Latin-1, or UTF-16 with a byte order mark)' },
  NO_HEADLINE: { http: null, meaning: 'a file has no headline line (nothing after the path line, or a first line too long to be one)' },
  NO_BODY: { http: null, meaning: 'a file has a headline but no paragraphs' },
  NOT_A_REGULAR_FILE: { http: null, meaning: 'an import path is a FIFO, a socket or a device, not a file or a directory' },
  ARTICLE_TOO_LARGE: {
    http: null,
    meaning: 'an article (a single-article file, or one JSON Lines line) has more bytes than `IMPORT_MAX_ARTICLE_BYTES` (the message names the file and line)',
  },
  TOO_MANY_PARAGRAPHS: { http: null, meaning: 'an article has more paragraphs than `IMPORT_MAX_PARAGRAPHS` (the message names the file and line)' },
  INVALID_JSON: { http: null, meaning: 'a JSON Lines line is not valid JSON or not an object (the message names the file and line)' },
  INVALID_FRONT_MATTER: {
    http: null,
    meaning:
      'Markdown front matter cannot be read: not closed, a line that is not `key: value`, a duplicate key, TOML, or a needed field in YAML this reader does not support',
  },
  INVALID_FIELD: { http: null, meaning: 'a JSON Lines or front matter field has the wrong type or value (the message names the file, line and field)' },
  IMPORT_FAILED: { http: null, meaning: 'an article was read but could not be stored (a database error; the message gives the reason)' },
  // Configuration and database
  INVALID_CONFIG: { http: null, meaning: 'an environment variable has an invalid value (the message names it)' },
  INVALID_DATABASE_URL: { http: null, meaning: '`DATABASE_URL` is not a `postgresql://` URL with a host and a database' },
  DATABASE_UNREACHABLE: { http: null, meaning: 'the PostgreSQL server cannot be reached or refused the connection' },
  EMBEDDED_DATABASE_FAILED: { http: null, meaning: 'the embedded PostgreSQL could not be created or started' },
  MIGRATION_FAILED: { http: null, meaning: 'a migration failed, an applied migration was edited, or the database is newer than the code' },
  REDIS_UNREACHABLE: { http: null, meaning: 'Redis at `REDIS_URL` cannot be reached (the import queue and its workers need it)' },
  IMPORT_JOB_FAILED: { http: null, meaning: 'a queued import job failed on every attempt (its articles are listed with the last reason)' },
  PORT_IN_USE: { http: null, meaning: 'the HTTP port (`PORT`) is already taken by another process' },
  // HTTP and GraphQL requests
  BAD_REQUEST: { http: 400, meaning: 'the HTTP request is malformed (body not JSON, too large, no query)' },
  GRAPHQL_PARSE_FAILED: { http: 400, meaning: 'the query is not valid GraphQL syntax' },
  GRAPHQL_VALIDATION_FAILED: { http: 400, meaning: 'the query does not match the schema, or introspection is off' },
  PERSISTED_QUERY_NOT_FOUND: { http: 400, meaning: 'an automatic persisted query hash the server does not know yet: send the query with it' },
  PERSISTED_QUERY_NOT_SUPPORTED: { http: 400, meaning: 'persisted queries are turned off' },
  PERSISTED_QUERY_HASH_MISMATCH: { http: 400, meaning: "an automatic persisted query's `sha256Hash` is not the hash of the query sent with it" },
  OPERATION_RESOLUTION_FAILURE: { http: 400, meaning: 'the document holds several operations and `operationName` does not pick one of them' },
  TOO_MANY_TOKENS: { http: 400, meaning: 'the document has more tokens than `GRAPHQL_MAX_TOKENS`' },
  QUERY_TOO_DEEP: { http: 400, meaning: 'fields nest deeper than `GRAPHQL_MAX_DEPTH`' },
  TOO_MANY_ALIASES: { http: 400, meaning: 'the operation has more aliases than `GRAPHQL_MAX_ALIASES`' },
  QUERY_TOO_COMPLEX: { http: 400, meaning: "the operation's estimated cost is over `GRAPHQL_MAX_COST`" },
  BAD_USER_INPUT: {
    http: 400,
    meaning:
      'a GraphQL argument is invalid (page size over the limit, a malformed ID, cursor or date, an `orderBy` entry without exactly one field, a string over its length limit or holding a NUL character or a lone surrogate, an input list or nesting over its limit)',
  },
  UNAUTHENTICATED: {
    http: 401,
    meaning:
      'a write without a token, or a request whose `Authorization` token is malformed, unknown, expired or revoked (whatever it asks: a bad token never reads as anonymous)',
  },
  FORBIDDEN: { http: 403, meaning: "the token's role may not do this (a READER writing, an EDITOR managing tokens)" },
  NOT_FOUND: { http: 404, meaning: 'a record an operation needs does not exist (or the caller may not see it)' },
  CONFLICT: {
    http: 409,
    meaning:
      'a write collided with another: the article changed since the `version` it was made on (`extensions.currentVersion` says which it is now), or a name, span or key is taken',
  },
  RATE_LIMITED: {
    http: 429,
    meaning: 'too many requests from one token (or, without one, one client address); the `Retry-After` header says how many seconds to wait',
  },
  REQUEST_TIMEOUT: {
    http: 503,
    meaning: 'the request ran past its deadline (`REQUEST_TIMEOUT_MS`) and its SQL was cancelled; ask for less, or retry later',
  },
  DATABASE_UNAVAILABLE: { http: 503, meaning: 'the database cannot be reached right now (restarting, down or not answering); retry later' },
  INTERNAL_SERVER_ERROR: { http: 500, meaning: 'anything unexpected; details are logged on the server, never sent to clients' },
} as const satisfies Record<string, { http: number | null; meaning: string }>;

export type ErrorCode = keyof typeof CODES;

/** The codes by name, e.g. `ErrorCode.NOT_FOUND === 'NOT_FOUND'`. */
export const ErrorCode = Object.fromEntries(Object.keys(CODES).map((code) => [code, code])) as { readonly [K in ErrorCode]: K };

/** Every code with its meaning and the HTTP status a request refused with it gets (null: not an HTTP error). */
export const ERROR_CODES: Readonly<Record<ErrorCode, { readonly http: number | null; readonly meaning: string }>> = CODES;

/** True for one of the codes above. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(CODES, value);
}

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
