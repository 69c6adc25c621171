import { AppError, ErrorCode } from '../../errors.js';

/** A sort direction as the API spells it. */
export type SortDirection = 'ASC' | 'DESC';

/**
 * Turns a list of `<Type>OrderByInput` (each naming exactly one field) into Prisma's orderBy,
 * followed by `tieBreak` so pages never overlap. Throws BAD_USER_INPUT on an input with no
 * field or several.
 */
export function orderByOf<O>(
  inputs: readonly Record<string, SortDirection | null | undefined>[] | null | undefined,
  fields: Record<string, (direction: 'asc' | 'desc') => O>,
  defaults: O[],
  tieBreak: O[],
): O[] {
  if (!inputs?.length) return [...defaults, ...tieBreak];
  const orders = inputs.map((input, i) => {
    const set = Object.entries(input).filter(([, direction]) => direction);
    if (set.length !== 1) throw new AppError(ErrorCode.BAD_USER_INPUT, `orderBy[${i}]: name exactly one field (got ${set.length})`, { argument: 'orderBy' });
    const [field, direction] = set[0]!;
    return fields[field]!(direction === 'DESC' ? 'desc' : 'asc');
  });
  return [...orders, ...tieBreak];
}
