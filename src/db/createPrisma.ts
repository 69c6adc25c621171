import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { createPgPool, type PgPoolOptions } from './createPgPool.js';

export type { PrismaClient };

/** A PrismaClient over the `pg` driver adapter; the caller owns it and must `$disconnect()`. */
export function createPrisma(url: string, options: PgPoolOptions = {}): PrismaClient {
  const pool = createPgPool(url, options);
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter });
}
