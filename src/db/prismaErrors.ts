import { AppError, ErrorCode } from '../errors.js';

/** The one place that knows Prisma's error codes. */
const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;

/** A unique-key race (P2002), a serialisation failure or a deadlock: safe to retry the whole transaction. */
export function isConflict(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'P2002' || code === 'P2034' || code === '23505' || code === '40001' || code === '40P01';
}

/** SQLSTATEs of a server that is shutting down, restarting or refusing connections. */
const SERVER_GOING_AWAY = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);
/** Driver-adapter error kinds and Prisma codes for a database that cannot be reached. */
const UNREACHABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const UNREACHABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
/** `pg`'s own messages for a connection that died or a server that stopped answering. */
const UNREACHABLE_MESSAGE =
  /Query read timeout|Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|ECONNREFUSED/;

/** Maps Prisma's and `pg`'s known errors to AppErrors; anything else is returned unchanged. */
export function toAppError(error: unknown): unknown {
  const code = codeOf(error);
  if (code === 'P2002') return new AppError(ErrorCode.CONFLICT, 'a record with the same unique key already exists', {}, { cause: error });
  if (code === 'P2025') return new AppError(ErrorCode.NOT_FOUND, 'the record does not exist', {}, { cause: error });
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } } } | null)?.meta?.driverAdapterError?.cause;
  const sqlState = cause?.originalCode ?? code;
  if (sqlState === '57014') {
    return new AppError(ErrorCode.REQUEST_TIMEOUT, 'a database statement ran past its time limit and was cancelled', {}, { cause: error });
  }
  const message = error instanceof Error ? error.message : '';
  if (
    (code && UNREACHABLE_CODES.has(code)) ||
    (sqlState && SERVER_GOING_AWAY.has(sqlState)) ||
    (cause?.kind && UNREACHABLE_KINDS.has(cause.kind)) ||
    UNREACHABLE_MESSAGE.test(message)
  ) {
    return new AppError(ErrorCode.DATABASE_UNAVAILABLE, 'the database is not answering; retry later', {}, { cause: error });
  }
  return error;
}

/**
 * Why a read may simply run on another server: the one asked cannot be reached or is going away
 * (`unavailable`), or is a standby that cancelled the statement to replay the primary's
 * changes (`conflict`, a recovery conflict: SQLSTATE 40001). Null for anything else: timeouts
 * and the request's own deadline are not cured by another server.
 */
export function replicaFailure(error: unknown): 'unavailable' | 'conflict' | null {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } } | null)?.meta?.driverAdapterError?.cause;
  if ((cause?.originalCode ?? codeOf(error)) === '40001') return 'conflict';
  const known = toAppError(error);
  return known instanceof AppError && known.code === ErrorCode.DATABASE_UNAVAILABLE ? 'unavailable' : null;
}
