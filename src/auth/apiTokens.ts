import type { Role, Viewer } from '../access/viewer.js';
import { AppError, ErrorCode } from '../errors.js';
import type { PrismaClient } from '../db/createPrisma.js';
import { newToken, secretMatches, splitToken } from './tokenSecret.js';

/** A token as listed: everything but its secret. */
export interface ApiTokenInfo {
  name: string;
  role: Role;
  createdAt: Date;
  createdBy: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,63}$/u;
const LISTED = { name: true, role: true, createdAt: true, createdBy: true, expiresAt: true, revokedAt: true } as const;

/**
 * Creates a token named `name` with `role`, valid until `expiresAt` (or for ever). Returns the
 * token, which is not stored and cannot be shown again. Throws BAD_USER_INPUT for a bad name or
 * a past expiry, CONFLICT when an active token has the name.
 */
export async function createApiToken(
  prisma: PrismaClient,
  input: { name: string; role: Role; expiresAt?: Date | null; createdBy: string },
): Promise<{ token: string; info: ApiTokenInfo }> {
  const name = input.name.trim();
  if (!NAME.test(name)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `name: ${JSON.stringify(input.name)} is not a token name (1–64 letters, digits, spaces, . _ @ -)`, {
      argument: 'name',
    });
  }
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'expiresAt: must be in the future', { argument: 'expiresAt' });
  }
  const secret = newToken();
  try {
    const info = await prisma.apiToken.create({
      data: {
        name,
        role: input.role,
        lookup: secret.lookup,
        salt: secret.salt,
        secretHash: secret.secretHash,
        createdBy: input.createdBy,
        expiresAt: input.expiresAt ?? null,
      },
      select: LISTED,
    });
    return { token: secret.token, info };
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002')
      throw new AppError(ErrorCode.CONFLICT, `an active token is already named ${JSON.stringify(name)}; revoke it first`, { argument: 'name' });
    throw error;
  }
}

/** Every token, active first, then newest first. */
export function listApiTokens(prisma: PrismaClient): Promise<ApiTokenInfo[]> {
  return prisma.apiToken.findMany({ select: LISTED, orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }] });
}

/** Revokes the active token named `name`; throws NOT_FOUND when there is none. */
export async function revokeApiToken(prisma: PrismaClient, name: string): Promise<ApiTokenInfo> {
  const active = await prisma.apiToken.findFirst({ where: { name: name.trim(), revokedAt: null }, select: { id: true } });
  if (!active) throw new AppError(ErrorCode.NOT_FOUND, `no active token is named ${JSON.stringify(name)}`, { argument: 'name' });
  return prisma.apiToken.update({ where: { id: active.id }, data: { revokedAt: new Date() }, select: LISTED });
}

/**
 * The viewer a presented token stands for. Throws UNAUTHENTICATED when it is malformed,
 * unknown, expired or revoked: a client with a bad token is told so, never served as anonymous.
 */
export async function viewerForToken(prisma: PrismaClient, token: string): Promise<Viewer> {
  const parts = splitToken(token);
  const row = parts ? await prisma.apiToken.findUnique({ where: { lookup: parts.lookup } }) : null;
  if (!parts || !row || !secretMatches(parts.secret, row.salt, row.secretHash)) throw unauthenticated('the token is not valid');
  if (row.revokedAt) throw unauthenticated(`the token ${row.name} was revoked`);
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) throw unauthenticated(`the token ${row.name} expired`);
  return { role: row.role, name: row.name, tokenId: row.id, system: false };
}

function unauthenticated(message: string): AppError {
  return new AppError(ErrorCode.UNAUTHENTICATED, message);
}
