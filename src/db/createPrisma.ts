import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { createPgPool, type PgPoolOptions } from './createPgPool.js';

export type { PrismaClient };

export interface PrismaOptions extends PgPoolOptions {
  /** Called with each SQL statement sent outside a transaction (for statement-count tests and tracing). */
  onQuery?: (sql: string) => void;
}

const pools = new WeakMap<PrismaClient, pg.Pool>();

/** The `pg` pool under a client made by `createPrisma` (for pool metrics). */
export function poolOf(prisma: PrismaClient): pg.Pool | undefined {
  return pools.get(prisma);
}

/** A PrismaClient over the `pg` driver adapter; the caller owns it and must `$disconnect()`. */
export function createPrisma(url: string, options: PrismaOptions = {}): PrismaClient {
  const pool = createPgPool(url, options);
  const onQuery = options.onQuery;
  if (onQuery) {
    const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
    (pool as { query: unknown }).query = (...args: unknown[]) => {
      const first = args[0];
      onQuery(typeof first === 'string' ? first : String((first as { text?: string }).text));
      return query(...args);
    };
  }
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const prisma = new PrismaClient({ adapter });
  pools.set(prisma, pool);
  return prisma;
}
