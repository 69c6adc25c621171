// The API server's entry point: the only module with process-level side effects.
import { loadConfig } from './config.js';
import { openDatabase } from './db/openDatabase.js';
import { redactDatabaseUrl } from './config/databaseUrl.js';
import { isAppError } from './errors.js';
import { seedDemo } from './ingest/seedDemo.js';
import { createLogger } from './log.js';
import { startServer } from './server.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const db = await openDatabase(config, log);
  log.info(db.embedded ? `database: embedded PostgreSQL in ${config.dataDir}` : `database: ${redactDatabaseUrl(db.url)}`);
  if (config.seedOnEmpty) await seedDemo(db.prisma, log);
  const server = await startServer(config, db.prisma, log);
  log.info(`Storygraph API ready at ${server.url}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    await server.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  // Expected failures (bad configuration, unreachable database) get one clear line.
  process.stderr.write(
    `storygraph: ${isAppError(error) ? `${error.message} [${error.code}]` : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
