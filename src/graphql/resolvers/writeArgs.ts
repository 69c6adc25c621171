import { AppError, ErrorCode } from '../../errors.js';
import { fromGlobalId, type NodeType } from '../globalId.js';

/** The row id inside a global ID of `type`; BAD_USER_INPUT naming the argument otherwise. */
export function idOf(globalId: string, type: NodeType, argument: string): string {
  const decoded = fromGlobalId(globalId, argument);
  if (decoded.type !== type) throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument}: expected the ID of a ${type}, got a ${decoded.type}'s`, { argument });
  return decoded.id;
}

/** An ISO 8601 date argument; BAD_USER_INPUT naming it otherwise. */
export function dateOf(value: string, argument: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument}: ${JSON.stringify(value)} is not an ISO 8601 date`, { argument });
  }
  return date;
}
