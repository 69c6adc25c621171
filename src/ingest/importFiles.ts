import type { ImportLimits } from '../config/importLimits.js';
import type { PrismaClient } from '../db/createPrisma.js';
import { asSqlDatabase, type SqlDatabase } from '../db/sql.js';
import type { Logger } from '../log.js';
import { countArticleWrite, type WriteSource } from '../metrics/metrics.js';
import type { BatchOutcome } from './articleOutcome.js';
import { createExtractor } from './extractArticles.js';
import { countArticle, countCreated, countWarning, emptyReport, type ImportReport } from './importReport.js';
import { inBatches } from './inBatches.js';
import { prepareArticles, type PreparedArticle } from './prepareArticles.js';
import { readAhead } from './readAhead.js';
import { emptyAcronyms } from './registry/acronymIndex.js';
import { createPreviewSink } from './sinks/createPreviewSink.js';
import { createWriteSink } from './sinks/createWriteSink.js';
import { readSources } from './sources/readSources.js';
import type { SourceArticle, SourceItem } from './sources/types.js';
import { walkInputs } from './sources/walkInputs.js';
import { writeQueue } from './writeQueue.js';

export type { FileFailure, ImportReport } from './importReport.js';

/** Where an import stands; `total` is null until the inputs are counted (or for stdin/JSON Lines). */
export interface ImportProgress {
  done: number;
  total: number | null;
  seconds: number;
}

export interface ImportOptions {
  log: Logger;
  /** Base of public story URLs for webhook payloads (`PUBLIC_BASE_URL`). */
  publicBaseUrl?: string | null;
  /** Extract and store every article again, even unchanged ones (after an extractor or registry change). */
  reextract?: boolean;
  /** Parse and extract everything, write nothing, report what would happen. */
  dryRun?: boolean;
  /** Worker threads for extraction (default 0: extract in this thread). */
  workers?: number;
  /** Articles per transaction (default 100). */
  batchSize?: number;
  /** Where "-" reads JSON Lines from (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** What one article may hold (default DEFAULT_IMPORT_LIMITS). */
  limits?: ImportLimits;
  /** Who imports, for the written-articles metric (default `cli`). */
  source?: WriteSource;
  /** Called as articles finish; used for progress display. */
  onProgress?: (progress: ImportProgress) => void;
}

type Planned = Extract<PreparedArticle<SourceArticle>, { status: 'planned' }>;

/** Extracted batches that may wait for their write (each holds at most batchSize articles' plans). */
const MAX_QUEUED_WRITES = 2;

/**
 * Imports files, directories, globs and "-" (JSON Lines on stdin): read → check hashes →
 * extract → plan, then store (or, in a dry run, preview) in batches of articles with one
 * transaction per batch; the two halves of storeArticles, pipelined: extraction of the next
 * batch overlaps the database writes of the previous one. Unchanged articles (same content
 * hash and extractor version) are neither extracted nor written. A bad input is reported with
 * its reason and the run goes on.
 */
export async function importFiles(database: PrismaClient | SqlDatabase, inputs: string[], options: ImportOptions): Promise<ImportReport> {
  const walk = walkInputs(inputs);
  return importSources(database, { items: readSources(walk.entries, { stdin: options.stdin, limits: options.limits }), total: walk.total }, options);
}

/** Articles (and inputs that failed to read) to import, and how many there are once known. */
export interface ImportSource {
  items: AsyncIterable<SourceItem>;
  total(): number | null;
}

/**
 * Imports articles already read (importFiles' reader, or an import queue's job): extract, plan
 * and store them in batches as importFiles describes.
 */
export async function importSources(database: PrismaClient | SqlDatabase, source: ImportSource, options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const { log } = options;
  const dryRun = options.dryRun ?? false;
  const batchSize = Math.max(1, options.batchSize ?? 100);
  // A Prisma client is used through raw SQL; the CLI and the worker pass a `pg` pool's SqlDatabase.
  const db = asSqlDatabase(database);
  const report = emptyReport(dryRun);
  const acronyms = emptyAcronyms();
  const sink = dryRun
    ? createPreviewSink(db, acronyms)
    : createWriteSink(db, acronyms, log, { publicBaseUrl: options.publicBaseUrl ?? null, force: options.reextract ?? false });
  const writes = writeQueue(MAX_QUEUED_WRITES);

  let done = 0;
  const settle = (n: number) => {
    done += n;
    options.onProgress?.({ done, total: source.total(), seconds: (performance.now() - started) / 1000 });
  };
  const count = (label: string, outcome: BatchOutcome['articles'][number], words?: number) => {
    const failure = countArticle(report, label, outcome, words);
    if (!dryRun) countArticleWrite(options.source ?? 'cli', outcome.status);
    if (failure) log.error(failure.message);
    else if (outcome.status !== 'failed')
      log.debug(dryRun ? `${label}: would be ${outcome.status === 'created' ? 'imported' : outcome.status}` : `${label}: ${outcome.status} (${outcome.slug})`);
  };

  /** Writes (or previews) a planned batch and counts what it did; never rejects. */
  const write = async (planned: Planned[]) => {
    if (!planned.length) return;
    const started = performance.now();
    const outcome = await sink.store(planned.map((p) => p.article));
    outcome.articles.forEach((article, i) => count(planned[i]!.input.label, article, planned[i]!.article.plan.wordCount));
    countCreated(report, outcome);
    log.debug(`batch of ${planned.length} ${dryRun ? 'previewed' : 'stored'} in ${(performance.now() - started).toFixed(0)} ms`);
    settle(planned.length);
  };

  // Where the time goes, for --verbose: reading and parsing, hashing and extracting, waiting on writes.
  const spent = { reading: 0, extracting: 0, waiting: 0 };
  let mark = performance.now();
  const lap = (phase: keyof typeof spent) => {
    const now = performance.now();
    spent[phase] += now - mark;
    mark = now;
  };
  const extractor = createExtractor(options.workers ?? 0);
  try {
    for await (const items of readAhead(inBatches(source.items, batchSize), 2)) {
      lap('reading');
      report.files += items.length;
      const articles: SourceArticle[] = [];
      for (const item of items) {
        if (item.kind === 'failure') count(item.label, { status: 'failed', error: item.error });
        else {
          for (const warning of item.warnings) {
            log.warn(warning);
            countWarning(report, warning);
          }
          articles.push(item);
        }
      }
      let prepared: PreparedArticle<SourceArticle>[];
      try {
        prepared = await prepareArticles(db, articles, extractor, options.reextract ?? false);
      } catch (error) {
        prepared = articles.map((input) => ({ input, status: 'failed', error: error as Error }));
      }
      for (const p of prepared) {
        if (p.status === 'unchanged') count(p.input.label, { status: 'unchanged', articleId: p.stored.id, slug: p.stored.slug });
        else if (p.status === 'failed') count(p.input.label, { status: 'failed', error: p.error });
      }
      const planned = prepared.filter((p): p is Planned => p.status === 'planned');
      settle(items.length - planned.length);
      lap('extracting');
      await writes.push(() => write(planned));
      lap('waiting');
    }
    await writes.drain();
    lap('waiting');
  } finally {
    await extractor.close();
  }
  report.seconds = (performance.now() - started) / 1000;
  log.debug(
    `time: reading ${(spent.reading / 1000).toFixed(2)} s, checking and extracting ${(spent.extracting / 1000).toFixed(2)} s, waiting for writes ${(spent.waiting / 1000).toFixed(2)} s`,
  );
  return report;
}
