import type pg from 'pg';
import { parseDatabaseUrl } from '../config/databaseUrl.js';
import { BudgetedPool } from './budgetedPool.js';
import { observeStatements } from './observeStatements.js';

export interface PgPoolOptions {
  /** Upper bound on connections from this process. */
  max?: number;
  /** Server-side statement timeout in milliseconds (0 = none). */
  statementTimeoutMs?: number;
  /**
   * Client-side limit on waiting for a statement's answer, in milliseconds (0 = none): a
   * database that stops answering (frozen, cut off) fails the statement instead of hanging it.
   */
  queryTimeoutMs?: number;
  applicationName?: string;
}

/** How long an idle connection stays open. */
const IDLE_TIMEOUT_MS = 5 * 60_000;

/**
 * Creates a `pg.Pool` from a URL, passing host, port, user and database as separate fields
 * (Prisma's adapter derives its shadow database by overriding `database`, which `pg` ignores
 * when a connectionString is set). The pool applies the budget of the request it runs for
 * (`requestBudget.ts`), whether Prisma or plain `pg` code uses it.
 */
export function createPgPool(url: string, options: PgPoolOptions = {}): pg.Pool {
  const target = parseDatabaseUrl(url);
  const pool = new BudgetedPool({
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
    // A connection keeps its prepared statements and, after five executions, their generic
    // plans; dropped after pg's default 10 idle seconds, a fresh one plans each statement for
    // its parameters again five times. Idle connections do not keep a process alive.
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    allowExitOnIdle: true,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    ...(options.queryTimeoutMs ? { query_timeout: options.queryTimeoutMs } : {}),
    ...(target.params.sslmode && target.params.sslmode !== 'disable' ? { ssl: { rejectUnauthorized: target.params.sslmode === 'verify-full' } } : {}),
  });
  // An idle client that loses its connection emits 'error' on the pool; without a listener
  // that would crash the process. The next query gets a fresh connection.
  pool.on('error', () => undefined);
  // A connection being closed (pool.end(), a dropped connection) has no listener of pg-pool's;
  // a server that dies then would crash the process with an unhandled 'error' event.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    observeStatements(client);
  });
  return pool;
}
