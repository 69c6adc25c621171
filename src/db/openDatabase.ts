import type { Config } from '../config.js';
import { DEFAULT_LIMITS, type Limits } from '../config/limits.js';
import type { Logger } from '../log.js';
import { connectDatabase, type ConnectionConfig } from './connectDatabase.js';
import { createPrisma, type PrismaClient } from './createPrisma.js';

export interface Database {
  url: string;
  embedded: boolean;
  prisma: PrismaClient;
  /** False while the embedded server is known to be down (restarting); always true for DATABASE_URL. */
  isUp(): boolean;
  /**
   * Disconnects (giving up after 2 s on a database that does not answer), and stops the embedded
   * server if this process started it.
   */
  close(): Promise<void>;
}

export type DatabaseConfig = ConnectionConfig &
  Pick<Config, 'statementTimeoutMs'> & {
    /** Pool size and client-side query timeout (`config.limits`); defaults from `config/limits.ts`. */
    limits?: Partial<Pick<Limits, 'poolSize' | 'queryTimeoutMs'>>;
  };

/** Longest `close` waits for the pool to say goodbye to the database. */
const DISCONNECT_TIMEOUT_MS = 2000;

/**
 * Connects to the database and migrates it (connectDatabase), and returns a Prisma client.
 * Throws DATABASE_UNREACHABLE, EMBEDDED_DATABASE_FAILED or MIGRATION_FAILED with a one-line reason.
 */
export async function openDatabase(config: DatabaseConfig, log: Logger): Promise<Database> {
  const connection = await connectDatabase(config, log);
  const prisma = createPrisma(connection.url, {
    statementTimeoutMs: config.statementTimeoutMs,
    max: config.limits?.poolSize ?? DEFAULT_LIMITS.poolSize,
    queryTimeoutMs: config.limits?.queryTimeoutMs ?? DEFAULT_LIMITS.queryTimeoutMs,
  });
  return {
    url: connection.url,
    embedded: connection.embedded,
    prisma,
    isUp: connection.isUp,
    close: async () => {
      await Promise.race([prisma.$disconnect(), new Promise((resolve) => setTimeout(resolve, DISCONNECT_TIMEOUT_MS).unref())]);
      await connection.close();
    },
  };
}
