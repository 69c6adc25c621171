import { AppError, ErrorCode } from '../../errors.js';
import type { SortDirection } from '../generated/schemaTypes.js';
import { join, raw, type Sql } from '../read/sql.js';

/** How each sortable field of a list orders rows: an SQL expression and where NULLs go. */
export type SortFields = Record<string, (direction: 'ASC' | 'DESC') => Sql>;

/**
 * Turns a list of `<Type>OrderByInput` (each naming exactly one field) into an ORDER BY list,
 * followed by `tieBreak` so pages never overlap. Throws BAD_USER_INPUT on an input with no
 * field or several.
 */
export function orderByOf(
  inputs: readonly Record<string, SortDirection | null | undefined>[] | null | undefined,
  fields: SortFields,
  defaults: readonly Sql[],
  tieBreak: Sql,
): Sql {
  if (!inputs?.length) return join([...defaults, tieBreak], ', ');
  const orders = inputs.map((input, i) => {
    const set = Object.entries(input).filter(([, direction]) => direction);
    if (set.length !== 1) throw new AppError(ErrorCode.BAD_USER_INPUT, `orderBy[${i}]: name exactly one field (got ${set.length})`, { argument: 'orderBy' });
    const [field, direction] = set[0]!;
    return fields[field]!(direction === 'DESC' ? 'DESC' : 'ASC');
  });
  return join([...orders, tieBreak], ', ');
}

/** `expression ASC|DESC`, with NULLs last in both directions when asked. */
export function sortBy(expression: string, nullsLast = false): (direction: 'ASC' | 'DESC') => Sql {
  return (direction) => raw(`${expression} ${direction}${nullsLast ? ' NULLS LAST' : ''}`);
}
