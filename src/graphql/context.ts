import type { Viewer } from '../access/viewer.js';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../config/importLimits.js';
import { poolOf, type PrismaClient } from '../db/createPrisma.js';
import { sqlOf, type Sql } from '../db/sql.js';
import { createLoaders, type Loaders } from './loaders/createLoaders.js';
import { pgReader } from './read/pgReader.js';
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
  /** Base of public story URLs (`PUBLIC_BASE_URL`), for JSON-LD and webhook payloads, or null. */
  publicBaseUrl: string | null;
  /** The publisher named in JSON-LD (`PUBLISHER_NAME`), or null. */
  publisherName: string | null;
  /** What one article may hold (API writes are held to the import's limits). */
  importLimits: ImportLimits;
  /** Runs a write in one transaction; after it commits, this process looks for due webhook deliveries at once. */
  write<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
}

/** What a request's context is made from. */
export interface ContextOptions {
  prisma: PrismaClient;
  viewer: Viewer;
  maxPageSize: number;
  publicBaseUrl?: string | null;
  publisherName?: string | null;
  importLimits?: ImportLimits;
  /** Called after a write commits (wakes the webhook delivery loop). */
  afterWrite?: () => void;
}

/** A fresh context per request: loaders cache only within one request, so replicas share nothing. */
export function createContext(options: ContextOptions): Context {
  const { prisma, viewer } = options;
  const pool = poolOf(prisma);
  const read: Reader = pool ? pgReader(pool) : (statement) => prisma.$queryRaw(statement);
  const database = sqlOf(prisma);
  return {
    viewer,
    prisma,
    read,
    loaders: createLoaders(read, viewer),
    maxPageSize: options.maxPageSize,
    publicBaseUrl: options.publicBaseUrl ?? null,
    publisherName: options.publisherName ?? null,
    importLimits: options.importLimits ?? DEFAULT_IMPORT_LIMITS,
    write: async (work) => {
      const result = await database.transaction(work);
      options.afterWrite?.();
      return result;
    },
  };
}
