import { AppError, ErrorCode } from '../errors.js';

/** The one place that knows Prisma's error codes. */
const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;

/** A unique-key race (P2002), a serialisation failure or a deadlock: safe to retry the whole transaction. */
export function isConflict(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'P2002' || code === 'P2034' || code === '23505' || code === '40001' || code === '40P01';
}

/** Maps Prisma's known errors to AppErrors; anything else is returned unchanged. */
export function toAppError(error: unknown): unknown {
  const code = codeOf(error);
  if (code === 'P2002') return new AppError(ErrorCode.CONFLICT, 'a record with the same unique key already exists', {}, { cause: error });
  if (code === 'P2025') return new AppError(ErrorCode.NOT_FOUND, 'the record does not exist', {}, { cause: error });
  return error;
}
