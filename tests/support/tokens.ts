import type { Role } from '../../src/access/viewer.js';
import { createApiToken } from '../../src/auth/apiTokens.js';
import type { PrismaClient } from '../../src/db/createPrisma.js';

let serial = 0;

/** A fresh API token with `role` on the test's database, as `npm run token -- create` makes one. */
export async function tokenFor(prisma: PrismaClient, role: Role): Promise<string> {
  const { token } = await createApiToken(prisma, { name: `test-${role.toLowerCase()}-${++serial}-${process.pid}`, role, createdBy: 'test' });
  return token;
}
