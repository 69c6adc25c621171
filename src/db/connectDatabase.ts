import pg from 'pg';
import type { Config } from '../config.js';
import { parseDatabaseUrl } from '../config/databaseUrl.js';
import { AppError, ErrorCode } from '../errors.js';
import type { Logger } from '../log.js';
import { createPgPool } from './createPgPool.js';
import { migrate } from './migrate.js';
import { startEmbeddedPostgres } from './startEmbeddedPostgres.js';

/** A migrated database to connect to, without a client: callers bring their own (Prisma, a `pg` pool). */
export interface DatabaseConnection {
  url: string;
  embedded: boolean;
  /** False while the embedded server is known to be down (restarting); always true for DATABASE_URL. */
  isUp(): boolean;
  /** Stops the embedded server if this process started it. */
  close(): Promise<void>;
}

export type ConnectionConfig = Pick<Config, 'databaseUrl' | 'dataDir' | 'embeddedPort'> & {
  /** Restart the embedded server with backoff if it dies (the API server does). */
  superviseEmbedded?: boolean;
  /**
   * Apply pending migrations (default). When false, pending migrations are refused instead
   * (MIGRATION_FAILED): replicas in production leave migrating to one `npm run migrate`.
   */
  migrate?: boolean;
};

/**
 * Connects to DATABASE_URL (creating the database if the server lacks it) or starts the
 * embedded server, and applies pending migrations. Throws DATABASE_UNREACHABLE,
 * EMBEDDED_DATABASE_FAILED or MIGRATION_FAILED with a one-line reason. Loads no Prisma client:
 * the import CLI writes through `pg` alone and is spared loading one (see openDatabase).
 */
export async function connectDatabase(config: ConnectionConfig, log: Logger): Promise<DatabaseConnection> {
  const embedded = config.databaseUrl === null;
  const server = embedded
    ? await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPort, log, supervise: config.superviseEmbedded ?? false })
    : null;
  const url = server?.url ?? config.databaseUrl!;
  try {
    await ensureReachable(url, log);
    const pool = createPgPool(url, { max: 2 });
    try {
      const applied = await migrate(pool, log, undefined, { apply: config.migrate ?? true });
      if (applied.length) log.info(`applied ${applied.length} migration(s)`);
    } finally {
      await pool.end();
    }
  } catch (error) {
    await server?.stop();
    throw error;
  }
  return {
    url,
    embedded,
    isUp: () => server?.isUp() ?? true,
    close: async () => {
      await server?.stop();
    },
  };
}

/** Fails fast with a readable reason; creates the database when only it is missing. */
async function ensureReachable(url: string, log: Logger): Promise<void> {
  const target = parseDatabaseUrl(url);
  const where = `${target.host}:${target.port}/${target.database}`;
  const connect = async (database: string) => {
    const client = new pg.Client({
      host: target.host,
      port: target.port,
      user: target.user,
      password: target.password,
      database,
      connectionTimeoutMillis: 5000,
    });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };
  try {
    const client = await connect(target.database);
    await client.end();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '3D000') {
      const admin = await connect('postgres').catch((inner: unknown) => {
        throw unreachable(where, inner);
      });
      try {
        await admin.query(`CREATE DATABASE "${target.database.replace(/"/g, '""')}"`);
        log.info(`created database ${target.database}`);
      } catch (inner) {
        if ((inner as { code?: string }).code !== '42P04') throw unreachable(where, inner);
      } finally {
        await admin.end();
      }
      return;
    }
    throw unreachable(where, error);
  }
}

function unreachable(where: string, error: unknown): AppError {
  const err = error as { code?: string; message?: string };
  const reason = err.code === 'ECONNREFUSED' ? 'connection refused' : err.code === 'ENOTFOUND' ? 'unknown host' : (err.message ?? String(error));
  return new AppError(ErrorCode.DATABASE_UNREACHABLE, `cannot connect to PostgreSQL at ${where}: ${reason}`, { where }, { cause: error });
}
