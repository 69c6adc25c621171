import { ANONYMOUS, type Viewer } from '../access/viewer.js';
import { AppError, ErrorCode } from '../errors.js';

/**
 * The viewer a request's `Authorization` header stands for: anonymous without one, the token's
 * role with `Bearer <token>`. Throws UNAUTHENTICATED for any other header and (through
 * `viewerForToken`) for a token that is malformed, unknown, expired or revoked.
 */
export async function authenticate(header: string | undefined, viewerForToken: (token: string) => Promise<Viewer>): Promise<Viewer> {
  if (header === undefined || header.trim() === '') return ANONYMOUS;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match) throw new AppError(ErrorCode.UNAUTHENTICATED, 'the Authorization header must be "Bearer <token>"');
  return viewerForToken(match[1]!);
}
