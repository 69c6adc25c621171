import pg from 'pg';
import { parseDatabaseUrl } from '../config/databaseUrl.js';

export interface PgPoolOptions {
  /** Upper bound on connections from this process. */
  max?: number;
  /** Server-side statement timeout in milliseconds (0 = none). */
  statementTimeoutMs?: number;
  applicationName?: string;
}

/**
 * Creates a `pg.Pool` from a URL, passing host, port, user and database as separate fields
 * (Prisma's adapter derives its shadow database by overriding `database`, which `pg` ignores
 * when a connectionString is set).
 */
export function createPgPool(url: string, options: PgPoolOptions = {}): pg.Pool {
  const target = parseDatabaseUrl(url);
  const pool = new pg.Pool({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'storygraph',
    // Timestamps are stored without a zone, in UTC (Prisma's DateTime): every session works in
    // UTC, so now() and CURRENT_TIMESTAMP defaults agree with the values Prisma writes.
    options: '-c TimeZone=UTC',
    connectionTimeoutMillis: 10_000,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    ...(target.params.sslmode && target.params.sslmode !== 'disable' ? { ssl: { rejectUnauthorized: target.params.sslmode === 'verify-full' } } : {}),
  });
  // An idle client that loses its connection emits 'error' on the pool; without a listener
  // that would crash the process. The next query gets a fresh connection.
  pool.on('error', () => undefined);
  return pool;
}
