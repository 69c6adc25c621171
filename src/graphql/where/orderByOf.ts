import { AppError, ErrorCode } from '../../errors.js';
import type { SortDirection } from '../generated/schemaTypes.js';
import { sortKey, type KeyType, type SortKey } from '../paging/sortKey.js';

/** How each sortable field of a list orders rows: a sort key for a direction. */
export type SortFields = Record<string, (direction: 'ASC' | 'DESC') => SortKey>;

/**
 * Turns a list of `<Type>OrderByInput` (each naming exactly one field) into sort keys,
 * followed by `tieBreak` (unique together) so pages never overlap and every row has its own
 * cursor. Throws BAD_USER_INPUT on an input with no field or several.
 */
export function orderByOf(
  inputs: readonly Record<string, SortDirection | null | undefined>[] | null | undefined,
  fields: SortFields,
  defaults: readonly SortKey[],
  tieBreak: readonly SortKey[],
): SortKey[] {
  if (!inputs?.length) return [...defaults, ...tieBreak];
  const orders = inputs.map((input, i) => {
    const set = Object.entries(input).filter(([, direction]) => direction);
    if (set.length !== 1) throw new AppError(ErrorCode.BAD_USER_INPUT, `orderBy[${i}]: name exactly one field (got ${set.length})`, { argument: 'orderBy' });
    const [field, direction] = set[0]!;
    return fields[field]!(direction === 'DESC' ? 'DESC' : 'ASC');
  });
  return [...orders, ...tieBreak];
}

/** A sortable field: `expression ASC|DESC`, NULLs last in both directions when it is nullable. */
export function sortBy(name: string, expression: string, type: KeyType, nullable = false): (direction: 'ASC' | 'DESC') => SortKey {
  return (direction) => sortKey(name, expression, type, direction, nullable ? { nullable, nullsLast: true } : {});
}
