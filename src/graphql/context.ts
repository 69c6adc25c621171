import type { PrismaClient } from '../db/createPrisma.js';
import { createLoaders, type Loaders } from './createLoaders.js';

/** What every resolver receives: the database, this request's loaders and the page-size limit. */
export interface Context {
  prisma: PrismaClient;
  loaders: Loaders;
  /** Largest `first`/`last` accepted (BAD_USER_INPUT above it). */
  maxPageSize: number;
}

/** A fresh context per request: loaders cache only within one request, so replicas share nothing. */
export function createContext(prisma: PrismaClient, maxPageSize: number): Context {
  return { prisma, loaders: createLoaders(prisma), maxPageSize };
}
