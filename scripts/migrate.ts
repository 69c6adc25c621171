// npm run migrate: apply pending migrations to DATABASE_URL or the embedded database.
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/openDatabase.js';
import { createLogger } from '../src/log.js';
import { runCli } from './runCli.js';

runCli('migrate', async () => {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(
      'Usage: npm run migrate\n\nApplies pending migrations (prisma/migrations) to DATABASE_URL, or to the embedded database when it is unset.\nThe server also does this at start. Exit code 0 on success, 1 on failure.\n',
    );
    return 0;
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  // openDatabase migrates under an advisory lock and reports what it applied.
  const db = await openDatabase(config, log);
  log.info('migrate: the database is up to date');
  await db.close();
  return 0;
});
