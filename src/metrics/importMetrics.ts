import client from 'prom-client';
import { registry } from './metrics.js';

/**
 * The import worker's metrics, in the process registry (`npm run worker` serves it on
 * `WORKER_METRICS_PORT`). The articles a job writes are counted by the import itself, in
 * `storygraph_articles_written_total{source="worker"}`.
 */

/** How an attempt at a job ended: done, failed with attempts left, failed for good, or found abandoned by a dead worker. */
export type ImportJobOutcome = 'completed' | 'retried' | 'failed' | 'stalled';

const importJobs = new client.Counter({
  name: 'storygraph_import_jobs_total',
  help: 'Import job attempts this worker ended, by outcome: completed, retried (failed, tried again after a backoff), failed (given up), stalled (a dead worker’s job handed out again)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

const importJobDuration = new client.Histogram({
  name: 'storygraph_import_job_duration_seconds',
  help: 'Time one attempt at an import job took in this worker, from taking the job to its end, by outcome (completed, retried, failed)',
  labelNames: ['outcome'] as const,
  // A batch of 100 articles takes seconds; a large one or a slow database, minutes.
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
  registers: [registry],
});

/** Counts of jobs on a queue by state, as Redis holds them. */
export type QueueCounts = Partial<Record<'waiting' | 'active' | 'delayed', number>>;

const queues = new Map<string, () => Promise<QueueCounts>>();
new client.Gauge({
  name: 'storygraph_import_queue_jobs',
  help: 'Jobs on the import queue by state (waiting, active, delayed: waiting out a retry backoff), read from Redis at each scrape: every worker of a queue reports the same numbers',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const [queue, read] of queues) {
      // Redis away for a moment: this scrape has no queue numbers rather than failing whole.
      const counts = await read().catch(() => null);
      for (const [state, value] of Object.entries(counts ?? {})) this.set({ queue, state }, value);
    }
  },
});

/** Reports the counts `read` returns for the queue `name` at each scrape, until the returned function is called. */
export function observeImportQueue(name: string, read: () => Promise<QueueCounts>): () => void {
  queues.set(name, read);
  return () => {
    if (queues.get(name) === read) queues.delete(name);
  };
}

/** Counts one ended attempt at an import job, and its duration when known. */
export function countImportJob(outcome: ImportJobOutcome, seconds?: number): void {
  importJobs.inc({ outcome });
  if (seconds !== undefined && outcome !== 'stalled') importJobDuration.observe({ outcome }, seconds);
}
