import { randomUUID } from 'node:crypto';
import type { ImportLimits } from '../config/importLimits.js';
import { countArticle, countWarning, emptyReport, type ImportReport } from '../ingest/importReport.js';
import { inBatches } from '../ingest/inBatches.js';
import { readSources } from '../ingest/sources/readSources.js';
import { walkInputs } from '../ingest/sources/walkInputs.js';
import type { Logger } from '../log.js';
import { IMPORT_BATCH, MAX_JOB_TEXT_BYTES, queuedArticle, type ImportJobData, type QueuedArticle } from './importJob.js';
import type { ImportQueue } from './importQueue.js';

/** One queued import: its batch jobs as they are added, and what the enqueuer itself counted. */
export interface ImportRun {
  id: string;
  jobs: { id: string; articles: number }[];
  /** Articles put into jobs so far. */
  articles: number;
  /** Inputs that could not be read (failed) and warnings, counted by the enqueuer. */
  read: ImportReport;
  /** True once every input has been read and every job added. */
  enqueued: boolean;
}

export interface EnqueueOptions {
  log: Logger;
  /** Articles per job (and per transaction in the worker). */
  batchSize: number;
  reextract: boolean;
  limits?: ImportLimits;
  stdin?: NodeJS.ReadableStream;
}

/** A run with a new id and nothing enqueued yet. */
export function newImportRun(): ImportRun {
  return { id: randomUUID(), jobs: [], articles: 0, read: emptyReport(false), enqueued: false };
}

/**
 * Reads the inputs as `npm run import` does and adds their articles to the queue in batch jobs
 * of up to `batchSize` articles (and MAX_JOB_TEXT_BYTES of text), filling in `run` as it goes so
 * that a watcher can follow along. Inputs that cannot be read are counted in `run.read` and
 * logged; they never reach a worker.
 */
export async function enqueueImport(queue: ImportQueue, run: ImportRun, inputs: string[], options: EnqueueOptions): Promise<void> {
  const { log } = options;
  const walk = walkInputs(inputs);
  const add = async (articles: QueuedArticle[]) => {
    if (!articles.length) return;
    const id = `${run.id}-${run.jobs.length + 1}`;
    const data: ImportJobData = { run: run.id, reextract: options.reextract, articles };
    await queue.add(IMPORT_BATCH, data, { jobId: id });
    run.jobs.push({ id, articles: articles.length });
    run.articles += articles.length;
  };
  for await (const items of inBatches(readSources(walk.entries, { stdin: options.stdin, limits: options.limits }), options.batchSize)) {
    let job: QueuedArticle[] = [];
    let bytes = 0;
    for (const item of items) {
      if (item.kind === 'failure') {
        run.read.files++;
        const failure = countArticle(run.read, item.label, { status: 'failed', error: item.error });
        if (failure) log.error(failure.message);
        continue;
      }
      for (const warning of item.warnings) {
        log.warn(warning);
        countWarning(run.read, warning);
      }
      const size = Buffer.byteLength(item.parsed.text);
      if (job.length && bytes + size > MAX_JOB_TEXT_BYTES) {
        await add(job);
        job = [];
        bytes = 0;
      }
      job.push(queuedArticle(item));
      bytes += size;
    }
    await add(job);
  }
  run.enqueued = true;
}
