// npm run worker -- [--concurrency N]
import { runCli, UsageError } from '../src/cli/runCli.js';
import { loadConfig } from '../src/config.js';
import { createPgPool } from '../src/db/createPgPool.js';
import { connectDatabase } from '../src/db/connectDatabase.js';
import { releaseExitSignals } from '../src/db/startEmbeddedPostgres.js';
import { pgSqlOf } from '../src/db/sql.js';
import { assertPortFree } from '../src/http/assertPortFree.js';
import { startMetricsServer } from '../src/http/startMetricsServer.js';
import { createLogger } from '../src/log.js';
import { observeImportQueue } from '../src/metrics/importMetrics.js';
import { observePool } from '../src/metrics/metrics.js';
import { assertRedisReachable, openImportQueue } from '../src/queue/importQueue.js';
import { startImportWorker } from '../src/queue/startImportWorker.js';

const HELP = `Usage: npm run worker -- [options]

Imports the articles that "npm run import -- --queue" put on the import queue in Redis. Run
any number of workers, on any number of machines: each takes one job (a batch of articles) at
a time and stores it in one transaction. A worker that dies mid-job loses nothing: after
IMPORT_JOB_LOCK_MS another worker takes the job again, and storing it twice changes nothing.
SIGTERM or SIGINT finishes the jobs under way, then exits 0.

Prometheus metrics are served at http://<host>:WORKER_METRICS_PORT/metrics (default 9464;
with METRICS_TOKEN set, scrapes need Authorization: Bearer <token>), with the probes
/health/live and /health/ready (ready: taking jobs, Redis and the database answer).

Options:
  --concurrency N   jobs worked on at once by this process (default 1; extraction uses one
                    core per job, so more than the cores available only adds waiting)
  -h, --help        show this help

Environment: REDIS_URL (required), IMPORT_QUEUE (default storygraph-import),
IMPORT_JOB_LOCK_MS (default 30000), WORKER_METRICS_PORT (default 9464, 0 = any free port),
METRICS_TOKEN, DATABASE_URL (unset = the embedded database),
PUBLIC_BASE_URL (links in webhook payloads), LOG_LEVEL.
Exit codes: 0 stopped by a signal, 1 failure (Redis or the database unreachable, the metrics
port taken), 2 usage error.`;

/** Longest a readiness probe waits for Redis or the database. */
const PROBE_TIMEOUT_MS = 2000;

/** True when `check` settles in time without an error. */
function answers(check: () => Promise<unknown>): Promise<boolean> {
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PROBE_TIMEOUT_MS).unref());
  return Promise.race([
    check().then(
      () => true,
      () => false,
    ),
    timeout,
  ]);
}

const options = { concurrency: { type: 'string' } } as const;

runCli({ name: 'worker', help: HELP, options }, async ({ values }) => {
  const concurrency = values.concurrency === undefined ? 1 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new UsageError(`--concurrency must be a whole number from 1 to 64 (got ${values.concurrency})`);
  const config = loadConfig();
  if (!config.redisUrl) throw new UsageError('REDIS_URL is not set: the import queue lives in Redis');
  const log = createLogger(config.logLevel);
  // Before the slower start: a second worker on this machine needs a port of its own.
  await assertPortFree(config.workerMetricsPort, 'WORKER_METRICS_PORT');
  await assertRedisReachable(config.redisUrl);
  // The worker reads and writes through its own pool: no Prisma client to start.
  const db = await connectDatabase(config, log);
  const pool = createPgPool(db.url, { max: concurrency + 2, statementTimeoutMs: config.statementTimeoutMs, applicationName: 'storygraph-worker' });
  const unobservePool = observePool('primary', pool);
  // The queue's waiting and active counts, read at each scrape.
  const queue = openImportQueue(config.redisUrl, config.importQueue.name);
  const unobserveQueue = observeImportQueue(config.importQueue.name, () => queue.getJobCounts('waiting', 'active', 'delayed'));
  const worker = startImportWorker({
    redisUrl: config.redisUrl,
    queueName: config.importQueue.name,
    sql: pgSqlOf(pool),
    log,
    publicBaseUrl: config.publicBaseUrl,
    concurrency,
    lockMs: config.importQueue.lockMs,
  });
  let stopping = false;
  // The worker's port is a port of its own, like the API's METRICS_PORT: the token, when set, is asked the same way.
  const metrics = await startMetricsServer(config.workerMetricsPort, config.metrics.token, 'WORKER_METRICS_PORT', {
    '/health/live': () => true,
    '/health/ready': async () =>
      !stopping && worker.isRunning() && (await answers(() => pool.query('SELECT 1'))) && (await answers(() => queue.getJobCounts('waiting'))),
  });
  releaseExitSignals();
  const stop = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await worker.waitUntilReady();
  log.info(`worker: metrics at ${metrics.url}`);
  log.info(`worker: waiting for import jobs on queue ${config.importQueue.name} (concurrency ${concurrency})`);
  const signal = await stop;
  stopping = true;
  log.info(`worker: ${signal}: finishing the jobs under way`);
  await worker.close();
  unobserveQueue();
  await queue.close();
  unobservePool();
  await pool.end();
  await db.close();
  // Scrapes keep working while the jobs under way finish; the port closes last.
  await metrics.close();
  log.info('worker: stopped');
  return 0;
});
