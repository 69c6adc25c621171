import { AppError, ErrorCode } from '../../errors.js';

/** Longest search text accepted; longer input is almost certainly not typed by a person. */
export const MAX_SEARCH_LENGTH = 200;

/**
 * Trims and validates search text. Throws BAD_USER_INPUT for text with no letter or digit
 * (nothing could match it) or longer than MAX_SEARCH_LENGTH.
 */
export function searchText(query: string, argument = 'query'): string {
  const text = query.trim();
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument} must contain at least one letter or digit`, { argument });
  }
  if (text.length > MAX_SEARCH_LENGTH) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument} must be at most ${MAX_SEARCH_LENGTH} characters (got ${text.length})`, { argument });
  }
  return text;
}
