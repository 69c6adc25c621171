import { requireRole } from '../../access/viewer.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../../auth/apiTokens.js';
import { AppError, ErrorCode } from '../../errors.js';
import type { ApiTokenResolvers, MutationResolvers, QueryResolvers } from '../generated/schemaTypes.js';

/** Query.viewer and Query.tokens. */
export const tokenQueryResolvers: Pick<QueryResolvers, 'viewer' | 'tokens'> = {
  viewer: (_, __, ctx) => ctx.viewer,
  tokens: (_, __, ctx) => {
    requireRole(ctx.viewer, 'ADMIN', 'Listing tokens');
    return listApiTokens(ctx.prisma);
  },
};

/** Mutation.createToken and Mutation.revokeToken (ADMIN). */
export const tokenMutationResolvers: Pick<MutationResolvers, 'createToken' | 'revokeToken'> = {
  createToken: async (_, { input }, ctx) => {
    requireRole(ctx.viewer, 'ADMIN', 'Creating a token');
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && Number.isNaN(expiresAt.getTime())) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `input.expiresAt: ${JSON.stringify(input.expiresAt)} is not an ISO 8601 date`, {
        argument: 'input.expiresAt',
      });
    }
    const { token, info } = await createApiToken(ctx.prisma, { name: input.name, role: input.role, expiresAt, createdBy: ctx.viewer.name });
    return { token, apiToken: info };
  },
  revokeToken: (_, { name }, ctx) => {
    requireRole(ctx.viewer, 'ADMIN', 'Revoking a token');
    return revokeApiToken(ctx.prisma, name);
  },
};

export const apiTokenResolvers: ApiTokenResolvers = {
  createdAt: (token) => token.createdAt.toISOString(),
  expiresAt: (token) => token.expiresAt?.toISOString() ?? null,
  revokedAt: (token) => token.revokedAt?.toISOString() ?? null,
  active: (token) => token.revokedAt === null && (token.expiresAt === null || token.expiresAt.getTime() > Date.now()),
};
