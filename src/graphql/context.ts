import type { Viewer } from '../access/viewer.js';
import type { PrismaClient } from '../db/createPrisma.js';
import { createLoaders, type Loaders } from './loaders/createLoaders.js';
import type { Reader } from './read/sql.js';

/** What every resolver receives: who asks, the database, this request's loaders and the page-size limit. */
export interface Context {
  /** The caller, from their token (anonymous without one); every read applies its access rule. */
  viewer: Viewer;
  /** Writes go through Prisma. */
  prisma: PrismaClient;
  /** Reads: one SQL statement, rows back. */
  read: Reader;
  loaders: Loaders;
  /** Largest `first`/`last` accepted (BAD_USER_INPUT above it). */
  maxPageSize: number;
}

/** A fresh context per request: loaders cache only within one request, so replicas share nothing. */
export function createContext(prisma: PrismaClient, viewer: Viewer, maxPageSize: number): Context {
  const read: Reader = (statement) => prisma.$queryRaw(statement);
  return { viewer, prisma, read, loaders: createLoaders(read, viewer), maxPageSize };
}
