import { AppError, ErrorCode } from '../errors.js';

/** What a caller may do: READER reads published content, EDITOR also drafts and writes, ADMIN also tokens and webhooks. */
export type Role = 'READER' | 'EDITOR' | 'ADMIN';

/** Who is asking. Anonymous callers have no role; the system (import, export, workers) sees everything. */
export interface Viewer {
  /** null for anonymous callers. */
  role: Role | null;
  /** The token's name, the audit trail's "who" ("import" for the system). */
  name: string;
  /** The token's id, or null (anonymous, system). */
  tokenId: string | null;
  /** Processes of Storygraph itself (import, export, workers): every record, no role checks. */
  system: boolean;
}

export const ANONYMOUS: Viewer = Object.freeze({ role: null, name: 'anonymous', tokenId: null, system: false });

/** The import, export and background workers. */
export const SYSTEM: Viewer = Object.freeze({ role: 'ADMIN', name: 'import', tokenId: null, system: true });

const RANK: Record<Role, number> = { READER: 1, EDITOR: 2, ADMIN: 3 };

/** True when the viewer's role is `role` or above. */
export function hasRole(viewer: Viewer, role: Role): boolean {
  return viewer.system || (viewer.role !== null && RANK[viewer.role] >= RANK[role]);
}

/**
 * Lets the operation go on when the viewer has `role` or above. Throws UNAUTHENTICATED for an
 * anonymous caller (who may have forgotten the token) and FORBIDDEN for a role too low.
 */
export function requireRole(viewer: Viewer, role: Role, action: string): void {
  if (hasRole(viewer, role)) return;
  if (viewer.role === null)
    throw new AppError(ErrorCode.UNAUTHENTICATED, `${action} needs an API token (Authorization: Bearer <token>) with role ${role} or above`);
  throw new AppError(ErrorCode.FORBIDDEN, `${action} needs role ${role} or above; this token (${viewer.name}) is ${viewer.role}`);
}
