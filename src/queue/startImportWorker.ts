import { Worker, type Job } from 'bullmq';
import type { SqlDatabase } from '../db/sql.js';
import { importSources } from '../ingest/importFiles.js';
import type { Logger } from '../log.js';
import { countImportJob } from '../metrics/importMetrics.js';
import { sourceArticle, type ImportJobData, type ImportJobResult } from './importJob.js';
import { queueConnection } from './importQueue.js';

export interface ImportWorkerOptions {
  redisUrl: string;
  queueName: string;
  /** Reads and batch writes of the import. */
  sql: SqlDatabase;
  log: Logger;
  publicBaseUrl: string | null;
  /** Jobs this process works on at once. */
  concurrency: number;
  /** The lock on a job, renewed every half of it while the job runs (`IMPORT_JOB_LOCK_MS`). */
  lockMs: number;
}

/** Failures and warnings a job's report keeps (the worker's log has them all). */
const MAX_LISTED = 1000;

/**
 * Starts a BullMQ worker that imports batch jobs with the same pipeline as `npm run import`
 * (one transaction per job). A worker that dies mid-job stops renewing its lock; after
 * `lockMs` another worker's stalled-job check hands the job out again, and since the write is
 * idempotent the retry stores what the dead worker had not committed and nothing twice.
 * `close()` finishes the jobs under way, then stops.
 */
export function startImportWorker(options: ImportWorkerOptions): Worker<ImportJobData, ImportJobResult> {
  const { log } = options;
  const process = async (job: Job<ImportJobData, ImportJobResult>): Promise<ImportJobResult> => {
    const articles = job.data.articles;
    log.info(`job ${job.id}: importing ${articles.length} article(s)`);
    let lastProgress = 0;
    const report = await importSources(
      options.sql,
      { items: iterate(articles.map(sourceArticle)), total: () => articles.length },
      {
        log,
        source: 'worker',
        publicBaseUrl: options.publicBaseUrl,
        reextract: job.data.reextract,
        batchSize: articles.length,
        workers: 0,
        onProgress: ({ done }) => {
          if (done === articles.length || performance.now() - lastProgress > 250) {
            lastProgress = performance.now();
            job.updateProgress(done).catch(() => undefined);
          }
        },
      },
    );
    log.info(
      `job ${job.id}: ${articles.length} article(s): ${report.imported} imported, ${report.updated} updated, ${report.unchanged} unchanged, ${report.failed} failed` +
        (job.attemptsStarted > 1 ? ` (taken ${job.attemptsStarted} times)` : ''),
    );
    return { ...report, failures: report.failures.slice(0, MAX_LISTED), warnings: report.warnings.slice(0, MAX_LISTED) };
  };
  const worker = new Worker<ImportJobData, ImportJobResult>(options.queueName, process, {
    connection: queueConnection(options.redisUrl),
    concurrency: options.concurrency,
    lockDuration: options.lockMs,
    // Look for stalled jobs as often as a lock lasts: a dead worker's job waits at most about
    // two lock durations. A job may stall a few times (workers killed in a row) before it fails.
    stalledInterval: options.lockMs,
    maxStalledCount: 3,
    autorun: true,
  });
  // processedOn: when this attempt took the job. A job failed for good has a finishedOn; one
  // that will be tried again has none yet (BullMQ moved it to the delayed set).
  const seconds = (job: Job) => (job.processedOn ? Math.max(0, Date.now() - job.processedOn) / 1000 : undefined);
  worker.on('completed', (job) => countImportJob('completed', seconds(job)));
  worker.on('failed', (job, error) => {
    if (job) countImportJob(job.finishedOn ? 'failed' : 'retried', seconds(job));
    log.error(`job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`);
  });
  worker.on('stalled', () => countImportJob('stalled'));
  worker.on('error', (error) => log.warn(`import worker: ${error.message}`));
  return worker;
}

async function* iterate<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}
