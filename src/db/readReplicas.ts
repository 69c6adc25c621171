import { parseDatabaseUrl } from '../config/databaseUrl.js';
import type { Logger } from '../log.js';
import { createPrisma, type PrismaClient } from './createPrisma.js';
import { replicaFailure } from './prismaErrors.js';
import { parseLsn, type Lsn } from './walLsn.js';

/** How long a replica's replay position is trusted before it is asked again. */
const REPLAY_CACHE_MS = 20;
/** How long a replica that failed is left alone before reads try it again. */
const RETRY_AFTER_MS = 5000;

export interface ReplicaOptions {
  statementTimeoutMs: number;
  /** Connections per replica from this process. */
  poolSize: number;
  queryTimeoutMs: number;
}

/** Streaming replicas of the primary (`DATABASE_REPLICA_URLS`) that take reads off it. */
export interface ReadReplicas {
  /**
   * Runs `read` on the next replica in turn that has replayed at least `after` (a commit the
   * caller must see; null: any), else on the primary. A replica that cannot answer, or that
   * cancels the read to replay WAL, has the read run on the primary instead, and is left
   * alone for a few seconds.
   */
  read<T>(after: Lsn | null, read: (prisma: PrismaClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

interface Replica {
  name: string;
  prisma: PrismaClient;
  downUntil: number;
  replay: { lsn: Lsn | null; at: number; pending: Promise<Lsn | null> | null };
}

/** Clients for the replicas at `urls`; reads fall back to `primary`. */
export function openReadReplicas(urls: readonly string[], primary: PrismaClient, options: ReplicaOptions, log: Logger): ReadReplicas {
  const replicas: Replica[] = urls.map((url) => {
    const target = parseDatabaseUrl(url, 'DATABASE_REPLICA_URLS');
    return {
      name: `${target.host}:${target.port}/${target.database}`,
      prisma: createPrisma(url, { ...options, max: options.poolSize, applicationName: 'storygraph-replica-read' }),
      downUntil: 0,
      replay: { lsn: null, at: -Infinity, pending: null },
    };
  });
  let next = 0;

  /** The replica's replay position, asked at most every REPLAY_CACHE_MS (null: unknown, or not a standby). */
  const replayed = (replica: Replica): Promise<Lsn | null> => {
    const { replay } = replica;
    if (performance.now() - replay.at < REPLAY_CACHE_MS) return Promise.resolve(replay.lsn);
    replay.pending ??= replica.prisma.$queryRaw<{ lsn: string | null }[]>`SELECT pg_last_wal_replay_lsn()::text AS lsn`
      .then(([row]) => parseLsn(row?.lsn))
      .catch(() => null)
      .then((lsn) => {
        replica.replay = { lsn, at: performance.now(), pending: null };
        return lsn;
      });
    return replay.pending;
  };

  const choose = async (after: Lsn | null): Promise<Replica | null> => {
    const now = performance.now();
    for (let tried = 0; tried < replicas.length; tried++) {
      const replica = replicas[next++ % replicas.length]!;
      if (replica.downUntil > now) continue;
      if (after === null) return replica;
      const lsn = await replayed(replica);
      if (lsn !== null && lsn >= after) return replica;
    }
    return null;
  };

  return {
    async read(after, read) {
      const replica = await choose(after);
      if (!replica) return read(primary);
      try {
        return await read(replica.prisma);
      } catch (error) {
        const failure = replicaFailure(error);
        if (failure === null) throw error;
        if (failure === 'unavailable') {
          if (replica.downUntil < performance.now())
            log.warn(
              `replica ${replica.name} cannot answer (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); reading from the primary`,
            );
          replica.downUntil = performance.now() + RETRY_AFTER_MS;
        }
        return read(primary);
      }
    },
    async close() {
      await Promise.all(replicas.map((replica) => replica.prisma.$disconnect().catch(() => undefined)));
    },
  };
}
