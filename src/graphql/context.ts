import type { Viewer } from '../access/viewer.js';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../config/importLimits.js';
import { poolOf, type PrismaClient } from '../db/createPrisma.js';
import type { ReadReplicas } from '../db/readReplicas.js';
import { sqlOf, type Sql } from '../db/sql.js';
import { parseLsn, type Lsn } from '../db/walLsn.js';
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
  /** Where reads go (see `replicaReadsPlugin`): the primary unless this request may read from a replica. */
  consistency: ReadConsistency;
}

/** This request's reads and read replicas. */
export interface ReadConsistency {
  /** Set once the operation is known to be a query a replica may answer; reads before that go to the primary. */
  replicaReads: boolean;
  /** A commit the caller has seen (its `Storygraph-Consistency` header): only a replica replayed past it may answer. */
  after: Lsn | null;
  /** Where the primary's WAL stood after this request's last write committed (with replicas only), for the response header. */
  wroteAt: Lsn | null;
  /** Replicas are configured. */
  replicas: boolean;
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
  /** Read replicas, when configured (`DATABASE_REPLICA_URLS`). */
  replicas?: ReadReplicas | null;
  /** The commit position the caller says it has seen (`Storygraph-Consistency`). */
  after?: Lsn | null;
}

/** A fresh context per request: loaders cache only within one request, so replicas share nothing. */
export function createContext(options: ContextOptions): Context {
  const { prisma, viewer } = options;
  const replicas = options.replicas ?? null;
  const consistency: ReadConsistency = { replicaReads: false, after: options.after ?? null, wroteAt: null, replicas: replicas !== null };
  const primary = readerOf(prisma);
  const read: Reader = (statement) =>
    replicas && consistency.replicaReads ? replicas.read(consistency.after, (client) => readerOf(client)(statement)) : primary(statement);
  const database = sqlOf(prisma);
  return {
    consistency,
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
      // A position at or past the commit: a replica that has replayed it shows this write.
      if (replicas) consistency.wroteAt = await currentLsn(prisma);
      return result;
    },
  };
}

/** Reads on a client's `pg` pool as named prepared statements (see pgReader.ts), or through Prisma for a client without one. */
function readerOf(client: PrismaClient): Reader {
  const pool = poolOf(client);
  return pool ? pgReader(pool) : (statement) => client.$queryRawUnsafe(statement.text, ...statement.values);
}

async function currentLsn(prisma: PrismaClient): Promise<Lsn | null> {
  const [row] = await prisma.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
  return parseLsn(row?.lsn);
}
