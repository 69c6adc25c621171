// npm run worker -- [--concurrency N]
import { runCli, UsageError } from '../src/cli/runCli.js';
import { loadConfig } from '../src/config.js';
import { createPgPool } from '../src/db/createPgPool.js';
import { openDatabase } from '../src/db/openDatabase.js';
import { releaseExitSignals } from '../src/db/startEmbeddedPostgres.js';
import { pgSqlOf } from '../src/db/sql.js';
import { createLogger } from '../src/log.js';
import { assertRedisReachable } from '../src/queue/importQueue.js';
import { startImportWorker } from '../src/queue/startImportWorker.js';

const HELP = `Usage: npm run worker -- [options]

Imports the articles that "npm run import -- --queue" put on the import queue in Redis. Run
any number of workers, on any number of machines: each takes one job (a batch of articles) at
a time and stores it in one transaction. A worker that dies mid-job loses nothing: after
IMPORT_JOB_LOCK_MS another worker takes the job again, and storing it twice changes nothing.
SIGTERM or SIGINT finishes the jobs under way, then exits 0.

Options:
  --concurrency N   jobs worked on at once by this process (default 1; extraction uses one
                    core per job, so more than the cores available only adds waiting)
  -h, --help        show this help

Environment: REDIS_URL (required), IMPORT_QUEUE (default storygraph-import),
IMPORT_JOB_LOCK_MS (default 30000), DATABASE_URL (unset = the embedded database),
PUBLIC_BASE_URL (links in webhook payloads), LOG_LEVEL.
Exit codes: 0 stopped by a signal, 1 failure (Redis or the database unreachable), 2 usage error.`;

const options = { concurrency: { type: 'string' } } as const;

runCli({ name: 'worker', help: HELP, options }, async ({ values }) => {
  const concurrency = values.concurrency === undefined ? 1 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new UsageError(`--concurrency must be a whole number from 1 to 64 (got ${values.concurrency})`);
  const config = loadConfig();
  if (!config.redisUrl) throw new UsageError('REDIS_URL is not set: the import queue lives in Redis');
  const log = createLogger(config.logLevel);
  await assertRedisReachable(config.redisUrl);
  const db = await openDatabase(config, log);
  const pool = createPgPool(db.url, { max: concurrency + 2, statementTimeoutMs: config.statementTimeoutMs, applicationName: 'storygraph-worker' });
  const worker = startImportWorker({
    redisUrl: config.redisUrl,
    queueName: config.importQueue.name,
    prisma: db.prisma,
    sql: pgSqlOf(pool),
    log,
    publicBaseUrl: config.publicBaseUrl,
    concurrency,
    lockMs: config.importQueue.lockMs,
  });
  releaseExitSignals();
  const stop = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await worker.waitUntilReady();
  log.info(`worker: waiting for import jobs on queue ${config.importQueue.name} (concurrency ${concurrency})`);
  const signal = await stop;
  log.info(`worker: ${signal}: finishing the jobs under way`);
  await worker.close();
  await pool.end();
  await db.close();
  log.info('worker: stopped');
  return 0;
});
