// npm run import -- [options] <file | directory | glob | ->...
import { availableParallelism } from 'node:os';
import { loadConfig } from '../src/config.js';
import { createPgPool } from '../src/db/createPgPool.js';
import { connectDatabase } from '../src/db/connectDatabase.js';
import { importFiles, type ImportProgress, type ImportReport } from '../src/ingest/importFiles.js';
import { pgSqlOf } from '../src/db/sql.js';
import { runCli, UsageError } from '../src/cli/runCli.js';
import { createLogger, type Logger } from '../src/log.js';
import type { Config } from '../src/config.js';

const HELP = `Usage: npm run import -- [options] <file | directory | glob | ->...

Imports articles into Storygraph: parses each one, extracts people, organizations, places,
quotes and tags, links names to the people and organizations already known, and stores
them in batches (one transaction per batch: a batch is stored whole or not at all).
Directories are walked recursively; "-" reads JSON Lines from stdin. Re-importing
unchanged content writes nothing; changed content updates its article in place.

Formats: the seed format ("/path" line, headline, paragraphs, "TAGS:" line), plain news
text (headline line, blank line, paragraphs), JSON Lines (.jsonl) and Markdown with YAML
front matter (.md).

Options:
  --dry-run         parse and extract everything, write nothing, and report what would
                    happen (new, updated, unchanged, failed; new people, organizations, tags)
  --reextract       extract and store every article again, even unchanged ones (after an
                    upgrade of the extractor); editors' reviews, merges and splits are kept
  --json            print the summary as one JSON object on stdout
  --batch-size N    articles per transaction (default 100)
  --workers N       worker threads extracting articles (default: cores - 1, at most 4, and
                    none on two cores or fewer; 0 = extract in the main thread)
  --progress        always show the progress bar; --no-progress never (default: on a terminal)
  --verbose         log every article
  --quiet           log errors only
  --queue           read the inputs here and put their articles on the import queue in Redis
                    (REDIS_URL), in jobs of --batch-size articles, for "npm run worker"
                    processes to import; prints the run's id and job count
  --wait            with --queue: follow the run until every job is done, with one progress
                    bar for the whole run, then print the summary (as without --queue)
  -h, --help        show this help

Progress goes to stderr: a bar with count, rate and ETA on a terminal, otherwise one line
every 5 seconds. The summary gives imported, updated, unchanged, failed, entities created,
seconds and articles/s; --json adds files, words, peakRssMB, peopleCreated, organizationsCreated,
placesCreated, tagsCreated, failures and, for a dry run, the names it would create.

Environment: DATABASE_URL (unset = the embedded database), STORYGRAPH_DATA_DIR,
IMPORT_MAX_ARTICLE_BYTES (default 1048576) and IMPORT_MAX_PARAGRAPHS (default 2000): an
article over either limit is refused with ARTICLE_TOO_LARGE or TOO_MANY_PARAGRAPHS.
With --queue: REDIS_URL (required), IMPORT_QUEUE (default storygraph-import).
Exit codes: 0 all articles imported or unchanged (with --queue and no --wait: all inputs read
and queued), 1 some input failed, 2 usage error.`;

const options = {
  'dry-run': { type: 'boolean' },
  reextract: { type: 'boolean' },
  json: { type: 'boolean' },
  'batch-size': { type: 'string' },
  workers: { type: 'string' },
  progress: { type: 'boolean' },
  verbose: { type: 'boolean' },
  quiet: { type: 'boolean' },
  queue: { type: 'boolean' },
  wait: { type: 'boolean' },
} as const;

runCli({ name: 'import', help: HELP, options, positionals: { min: 1, label: 'files' }, allowNegative: true }, async ({ values, positionals }) => {
  const batchSize = values['batch-size'] === undefined ? 100 : Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
    throw new UsageError(`--batch-size must be a whole number from 1 to 10000 (got ${values['batch-size']})`);
  // Extraction is memory-bound: on two cores a second thread mostly competes with PostgreSQL
  // and the JIT (measured in bench/README.md), so worker threads start from three cores.
  const cores = availableParallelism();
  const workers = values.workers === undefined ? (cores > 2 ? Math.min(cores - 1, 4) : 0) : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new UsageError(`--workers must be a whole number from 0 to 64 (got ${values.workers})`);
  const config = loadConfig();
  const bar = (values.progress ?? (process.stderr.isTTY === true && !values.quiet)) ? progressBar() : null;
  const level = values.quiet ? 'error' : values.verbose ? 'debug' : config.logLevel === 'debug' ? 'debug' : 'info';
  const log = createLogger(level, (line) => {
    bar?.clear();
    process.stderr.write(line + '\n');
  });
  if (values.wait && !values.queue) throw new UsageError('--wait goes with --queue');
  if (values.queue) {
    if (values['dry-run']) throw new UsageError('--dry-run cannot be queued: run it without --queue');
    if (values.workers !== undefined) throw new UsageError('--workers sets threads of this process; with --queue, run more "npm run worker" processes instead');
    if (!config.redisUrl) throw new UsageError('--queue needs REDIS_URL: the import queue lives in Redis');
    return importThroughQueue(config, config.redisUrl, positionals, { ...values, batchSize }, log, bar);
  }
  // No Prisma client: every read and batch write goes straight through `pg` (large JSON
  // parameters pass it much faster), and not loading one saves start-up time.
  const db = await connectDatabase(config, log);
  const pool = createPgPool(db.url, { max: 3, statementTimeoutMs: config.statementTimeoutMs, applicationName: 'storygraph-import' });
  try {
    const report = await importFiles(pgSqlOf(pool), positionals, {
      log,
      publicBaseUrl: config.publicBaseUrl,
      reextract: values.reextract ?? false,
      dryRun: values['dry-run'] ?? false,
      batchSize,
      workers,
      limits: config.importLimits,
      onProgress: progressReporter(bar, values.quiet ?? false, log),
    });
    bar?.clear();
    if (values.json) process.stdout.write(JSON.stringify(summaryOf(report)) + '\n');
    else if (!values.quiet) log.info(formatSummary(report));
    return report.failed > 0 ? 1 : 0;
  } finally {
    bar?.clear();
    await pool.end();
    await db.close();
  }
});

/** `--queue [--wait]`: enqueue the inputs' articles, and with --wait follow the run to its end. */
async function importThroughQueue(
  config: Config,
  redisUrl: string,
  inputs: string[],
  values: { batchSize: number; reextract?: boolean; wait?: boolean; json?: boolean; quiet?: boolean },
  log: Logger,
  bar: ReturnType<typeof progressBar> | null,
): Promise<number> {
  // Loaded only here: BullMQ and ioredis take ~0.4 s of CPU to load, which a direct import never needs.
  const [{ enqueueImport, newImportRun }, { assertRedisReachable, openImportQueue }, { waitForImport }] = await Promise.all([
    import('../src/queue/enqueueImport.js'),
    import('../src/queue/importQueue.js'),
    import('../src/queue/waitForImport.js'),
  ]);
  await assertRedisReachable(redisUrl);
  const queue = openImportQueue(redisUrl, config.importQueue.name);
  try {
    const run = newImportRun();
    const enqueued = enqueueImport(queue, run, inputs, { log, batchSize: values.batchSize, reextract: values.reextract ?? false, limits: config.importLimits });
    if (!values.wait) {
      await enqueued;
      const summary = {
        run: run.id,
        queue: config.importQueue.name,
        jobs: run.jobs.length,
        articles: run.articles,
        failed: run.read.failed,
        failures: run.read.failures,
      };
      if (values.json) process.stdout.write(JSON.stringify(summary) + '\n');
      else if (!values.quiet)
        log.info(
          `import: queued ${run.articles} article(s) in ${run.jobs.length} job(s) on ${config.importQueue.name} as run ${run.id}; ${run.read.failed} input(s) failed to read`,
        );
      return run.read.failed > 0 ? 1 : 0;
    }
    const [, report] = await Promise.all([enqueued, waitForImport(queue, run, { onProgress: progressReporter(bar, values.quiet ?? false, log) })]);
    bar?.clear();
    if (values.json) process.stdout.write(JSON.stringify({ run: run.id, ...summaryOf(report) }) + '\n');
    else if (!values.quiet) log.info(formatSummary(report));
    return report.failed > 0 ? 1 : 0;
  } finally {
    bar?.clear();
    await queue.close();
  }
}

/** A one-line bar on stderr, redrawn at most ten times a second. */
function progressBar() {
  let shown = false;
  let last = 0;
  return {
    draw(progress: ImportProgress) {
      const now = performance.now();
      if (now - last < 100 && progress.done !== progress.total) return;
      last = now;
      const width = 24;
      const share = progress.total ? Math.min(1, progress.done / progress.total) : 0;
      const filled = Math.round(share * width);
      const bar = progress.total ? `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ` : '';
      process.stderr.write(`\r\x1b[2K${bar}${describeProgress(progress)}`);
      shown = true;
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}

function describeProgress({ done, total, seconds }: ImportProgress): string {
  const rate = seconds > 0 ? done / seconds : 0;
  const count = total ? `${done}/${total} articles (${Math.floor((100 * done) / total)}%)` : `${done} articles`;
  const eta = total && rate > 0 ? `, ETA ${formatDuration((total - done) / rate)}` : '';
  return `${count}, ${rate.toFixed(0)} articles/s${eta}`;
}

function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

function summaryOf(report: ImportReport) {
  const { failures, warnings, wouldCreate, ...counts } = report;
  const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  return {
    ...counts,
    seconds: Number(report.seconds.toFixed(3)),
    articlesPerSecond: rate(report),
    peakRssMB,
    failures,
    warnings,
    ...(wouldCreate ? { wouldCreate } : {}),
  };
}

function rate(report: ImportReport): number {
  return report.seconds > 0 ? Number((report.files / report.seconds).toFixed(1)) : 0;
}

function formatSummary(report: ImportReport): string {
  const verb = report.dryRun ? 'dry run, nothing written: would have ' : '';
  const lines = [
    `import: ${verb}${report.files} article(s): ${report.imported} ${report.dryRun ? 'new' : 'imported'}, ${report.updated} updated, ${report.unchanged} unchanged, ${report.failed} failed; ` +
      `${report.entitiesCreated} new entities (${report.peopleCreated} people, ${report.organizationsCreated} organizations, ${report.placesCreated} places), ${report.tagsCreated} new tags; ` +
      `${report.seconds.toFixed(2)} s (${rate(report)} articles/s)`,
  ];
  if (report.wouldCreate) {
    const sample = (label: string, names: string[]) =>
      names.length && lines.push(`  new ${label}: ${names.slice(0, 20).join(', ')}${names.length > 20 ? `, … (${names.length})` : ''}`);
    sample('people', report.wouldCreate.people);
    sample('organizations', report.wouldCreate.organizations);
    sample('places', report.wouldCreate.places);
    sample('tags', report.wouldCreate.tags);
  }
  return lines.join('\n');
}

/** Progress on the bar, or without one a plain line every few seconds: readable in CI logs and files. */
function progressReporter(bar: ReturnType<typeof progressBar> | null, quiet: boolean, log: Logger): (progress: ImportProgress) => void {
  let lastLog = performance.now();
  return (progress) => {
    if (bar) bar.draw(progress);
    else if (!quiet && performance.now() - lastLog >= 5000 && progress.done !== progress.total) {
      lastLog = performance.now();
      log.info(`import: ${describeProgress(progress)}`);
    }
  };
}
