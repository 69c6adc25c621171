// npm run migrate: apply pending migrations to DATABASE_URL or the embedded database.
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/openDatabase.js';
import { runCli } from '../src/cli/runCli.js';
import { createLogger } from '../src/log.js';

const HELP = `Usage: npm run migrate

Applies pending migrations (prisma/migrations) to DATABASE_URL, or to the embedded database
when it is unset. The server also does this at start.

Exit codes: 0 the database is up to date, 1 failure, 2 usage error.`;

runCli({ name: 'migrate', help: HELP, options: {} }, async () => {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  // openDatabase migrates under an advisory lock and reports what it applied.
  const db = await openDatabase(config, log);
  log.info('migrate: the database is up to date');
  await db.close();
  return 0;
});
