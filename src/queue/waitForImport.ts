import { ErrorCode } from '../errors.js';
import type { ImportProgress } from '../ingest/importFiles.js';
import { addReport, emptyReport, type ImportReport } from '../ingest/importReport.js';
import type { ImportRun } from './enqueueImport.js';
import type { ImportQueue } from './importQueue.js';

export interface WaitOptions {
  /** Called after every look at the queue. */
  onProgress?: (progress: ImportProgress) => void;
  /** How often to look, in ms (default 250). */
  pollMs?: number;
  /** Jobs looked at per poll, oldest unfinished first (default 200): workers take jobs in order. */
  window?: number;
}

/**
 * Follows a run's jobs until every one has finished (the enqueuer may still be adding jobs
 * meanwhile) and returns the whole run's report: what the enqueuer counted plus each job's
 * report. A job that failed on every attempt counts its articles as failed (IMPORT_JOB_FAILED).
 * Progress counts articles: finished jobs whole, running ones by the progress they report.
 */
export async function waitForImport(queue: ImportQueue, run: ImportRun, options: WaitOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const pollMs = options.pollMs ?? 250;
  const window = options.window ?? 200;
  const report = emptyReport(false);
  const running = new Map<string, number>();
  let finishedArticles = 0;
  let next = 0; // jobs before `next` have all finished
  const finished = new Set<string>();
  for (;;) {
    const enqueued = run.enqueued;
    const pending = run.jobs.slice(next).filter((job) => !finished.has(job.id));
    await Promise.all(
      pending.slice(0, window).map(async ({ id, articles }) => {
        const job = await queue.getJob(id);
        if (!job) return;
        if (job.finishedOn) {
          const state = await job.getState();
          if (state === 'completed') addReport(report, job.returnvalue);
          else if (state === 'failed')
            addReport(
              report,
              failedJob(
                job.data.articles.map((a) => a.label),
                job.failedReason,
              ),
            );
          else return; // moved back to be retried between the two reads
          finished.add(id);
          running.delete(id);
          finishedArticles += articles;
        } else if (typeof job.progress === 'number') running.set(id, Math.min(articles, job.progress));
      }),
    );
    while (next < run.jobs.length && finished.has(run.jobs[next]!.id)) finished.delete(run.jobs[next++]!.id);
    const done = run.read.failed + finishedArticles + [...running.values()].reduce((sum, n) => sum + n, 0);
    options.onProgress?.({ done, total: enqueued ? run.articles + run.read.failed : null, seconds: (performance.now() - started) / 1000 });
    if (enqueued && next === run.jobs.length) break;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  addReport(report, run.read);
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** The report of a job given up: each of its articles failed with the job's last reason. */
function failedJob(labels: string[], reason: string): ImportReport {
  const report = emptyReport(false);
  report.files = labels.length;
  report.failed = labels.length;
  report.failures = labels.map((file) => ({ file, code: ErrorCode.IMPORT_JOB_FAILED, message: `${file}: the import job failed on every attempt: ${reason}` }));
  return report;
}
