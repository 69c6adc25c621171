// The API server's entry point: the only module with process-level side effects.
import { loadConfig } from './config.js';
import { openDatabase } from './db/openDatabase.js';
import { releaseExitSignals } from './db/startEmbeddedPostgres.js';
import { redactDatabaseUrl } from './config/databaseUrl.js';
import { isAppError } from './errors.js';
import { seedDemo } from './ingest/seedDemo.js';
import { createLogger } from './log.js';
import { startServer } from './server.js';
import { assertPortFree } from './http/assertPortFree.js';
import { ensureAssets } from './pages/buildAssets.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  await assertPortFree(config.port);
  const db = await openDatabase({ ...config, superviseEmbedded: true }, log);
  // This process shuts the embedded database down itself, in order, on SIGINT and SIGTERM.
  releaseExitSignals();
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    // Whatever state the database is in, the process is gone within the shutdown timeout.
    setTimeout(() => {
      log.warn(`shutdown took over ${config.shutdownTimeoutMs} ms; exiting anyway`);
      process.exit(0);
    }, config.shutdownTimeoutMs).unref();
    await server?.stop();
    await db.close();
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
  log.info(`Storygraph API ready at ${server.url}`);
}

main().catch((error: unknown) => {
  // Expected failures (bad configuration, unreachable database, busy port) get one clear line.
  process.stderr.write(
    `storygraph: ${isAppError(error) ? `${error.message} [${error.code}]` : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
