// The API server's entry point: the only module with process-level side effects.
import { loadConfig } from './config.js';
import { openDatabase } from './db/openDatabase.js';
import { releaseExitSignals } from './db/startEmbeddedPostgres.js';
import { redactDatabaseUrl } from './config/databaseUrl.js';
import { isAppError } from './errors.js';
import { seedDemo } from './ingest/seedDemo.js';
import { createServiceLogger } from './log.js';
import { startServer } from './server.js';
import { assertPortFree } from './http/assertPortFree.js';
import { ensureAssets } from './pages/buildAssets.js';

/** What closing the pool and the embedded database may take after the grace period, at most. */
const HARD_STOP_MARGIN_MS = 7000;

async function main(): Promise<void> {
  const config = loadConfig();
  const log = await createServiceLogger({ level: config.logLevel, format: config.logFormat });
  await assertPortFree(config.port);
  // Before anything that should be traced starts; the SDK is loaded only when asked for.
  const stopTracing = config.tracing ? (await import('./tracing/startTracing.js')).startTracing(config.tracing) : null;
  if (config.tracing) log.info(`tracing: exporting spans to ${config.tracing.endpoint}/v1/traces as ${config.tracing.serviceName}`);
  const db = await openDatabase({ ...config, superviseEmbedded: true, migrate: config.migrateOnStart }, log);
  // This process shuts the embedded database down itself, in order, on SIGINT and SIGTERM.
  if (db.embedded) releaseExitSignals();
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    log.info(`${signal}: shutting down; requests in flight get ${config.shutdownTimeoutMs} ms to finish`, { signal });
    // Whatever state the database is in, the process is gone soon after the grace period:
    // closing the pool and the embedded database is bounded too (2 s, 4 s).
    setTimeout(() => {
      log.warn(`shutdown took over ${config.shutdownTimeoutMs + HARD_STOP_MARGIN_MS} ms; exiting anyway`);
      process.exit(1);
    }, config.shutdownTimeoutMs + HARD_STOP_MARGIN_MS).unref();
    const cut = (await server?.stop(config.shutdownTimeoutMs)) ?? 0;
    await db.close();
    await stopTracing?.().catch(() => undefined);
    if (cut) log.warn(`stopped after ${Date.now() - started} ms; ${cut} request(s) were cut off at the deadline`, { cut });
    else log.info(`stopped after ${Date.now() - started} ms; every request accepted was answered`);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  log.info(db.embedded ? `database: embedded PostgreSQL in ${config.dataDir}` : `database: ${redactDatabaseUrl(db.url)}`);
  if (config.seedOnEmpty) await seedDemo(db.prisma, log);
  // The browser pages' bundles (explorer, desk, styles) are built here when missing or stale.
  // A failed build leaves the API up; the pages then answer without their scripts and styles.
  await ensureAssets().then(
    (built) => built && log.info('pages: built the browser bundles into web/dist'),
    (error: unknown) => log.warn(`pages: could not build the browser bundles: ${error instanceof Error ? error.message : String(error)}`),
  );
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    server = await startServer(config, db.prisma, log, { databaseUp: db.isUp });
  } catch (error) {
    await db.close();
    throw error;
  }
  log.info(`Storygraph API ready at ${server.url} (started in ${process.uptime().toFixed(1)} s)`);
}

main().catch((error: unknown) => {
  // Expected failures (bad configuration, unreachable database, busy port) get one clear line.
  process.stderr.write(
    `storygraph: ${isAppError(error) ? `${error.message} [${error.code}]` : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
