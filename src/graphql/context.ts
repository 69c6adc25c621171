import type { PrismaClient } from '../db/createPrisma.js';
import { createLoaders, type Loaders } from './createLoaders.js';

/** What every resolver receives: the database and this request's loaders. */
export interface Context {
  prisma: PrismaClient;
  loaders: Loaders;
}

/** A fresh context per request: loaders cache only within one request, so replicas share nothing. */
export function createContext(prisma: PrismaClient): Context {
  return { prisma, loaders: createLoaders(prisma) };
}
