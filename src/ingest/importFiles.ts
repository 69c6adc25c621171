import type { PrismaClient } from '../db/createPrisma.js';
import { ErrorCode, isAppError } from '../errors.js';
import { EXTRACTOR_VERSION } from '../extract/extractArticle.js';
import type { EntityType } from '../extract/types.js';
import type { Logger } from '../log.js';
import { findStoredVersions, isUnchanged } from './persist/findStoredVersions.js';
import { persistBatch, type BatchResult } from './persist/persistBatch.js';
import { previewBatch, type PreviewState } from './persist/previewBatch.js';
import { sqlOf, type SqlDatabase } from '../db/sql.js';
import type { BatchArticle } from './persist/writeBatch.js';
import { createExtractor } from './extractArticles.js';
import { contentHashOf } from './planArticle.js';
import { emptyIndex } from './registry/entityIndex.js';
import { refreshAcronyms } from './persist/refreshAcronyms.js';
import { emptyAcronyms } from './registry/acronymIndex.js';
import { formatOfName } from './sources/detectFormat.js';
import { expandInputs } from './sources/expandInputs.js';
import { readSources } from './sources/readSources.js';
import type { SourceArticle, SourceItem } from './sources/types.js';

export interface FileFailure {
  file: string;
  code: ErrorCode;
  message: string;
}

export interface ImportReport {
  dryRun: boolean;
  /** Articles read (or that failed to read): files, or lines of JSON Lines. */
  files: number;
  imported: number;
  updated: number;
  unchanged: number;
  failed: number;
  entitiesCreated: number;
  peopleCreated: number;
  organizationsCreated: number;
  placesCreated: number;
  tagsCreated: number;
  /** Words of the articles extracted (new or changed). */
  words: number;
  seconds: number;
  failures: FileFailure[];
  warnings: string[];
  /** Dry run only: names of the entities and tags the import would create. */
  wouldCreate?: { people: string[]; organizations: string[]; places: string[]; tags: string[] };
}

/** Where an import stands; `total` is null until the inputs are counted (or for stdin/JSON Lines). */
export interface ImportProgress {
  done: number;
  total: number | null;
  seconds: number;
}

export interface ImportOptions {
  log: Logger;
  /** Parse and extract everything, write nothing, report what would happen. */
  dryRun?: boolean;
  /** Worker threads for extraction (default 0: extract in this thread). */
  workers?: number;
  /** Articles per transaction (default 100). */
  batchSize?: number;
  /** Where "-" reads JSON Lines from (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Connection for reads and batch writes (the CLI passes a `pg` pool); default: raw SQL through `prisma`. */
  sql?: SqlDatabase;
  /** Called as articles finish; used for progress display. */
  onProgress?: (progress: ImportProgress) => void;
}

/** Names kept in a dry run's report, per kind: enough to review, bounded for huge archives. */
const MAX_LISTED_NAMES = 10_000;
const MAX_KEPT_WARNINGS = 1_000;
/** Extracted batches that may wait for their write (each holds at most batchSize articles' plans). */
const MAX_QUEUED_WRITES = 2;

const createdKey: Record<EntityType, 'peopleCreated' | 'organizationsCreated' | 'placesCreated'> = {
  PERSON: 'peopleCreated',
  ORGANIZATION: 'organizationsCreated',
  PLACE: 'placesCreated',
};

/**
 * Imports files, directories, globs and "-" (JSON Lines on stdin): read → check hashes →
 * extract → plan → resolve identities → persist, in batches of articles with one transaction
 * per batch. Extraction of the next batch overlaps the database writes of the previous one.
 * Unchanged articles (same content hash and extractor version) are neither extracted nor
 * written. A bad input is reported with its reason and the run goes on.
 */
export async function importFiles(prisma: PrismaClient, inputs: string[], options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const { log } = options;
  const dryRun = options.dryRun ?? false;
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const sql = options.sql ?? sqlOf(prisma);
  const report: ImportReport = {
    dryRun,
    files: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    entitiesCreated: 0,
    peopleCreated: 0,
    organizationsCreated: 0,
    placesCreated: 0,
    tagsCreated: 0,
    words: 0,
    seconds: 0,
    failures: [],
    warnings: [],
    ...(dryRun ? { wouldCreate: { people: [], organizations: [], places: [], tags: [] } } : {}),
  };

  // Counting runs beside the import so the first batch does not wait for a walk of a big tree.
  let total: number | null = null;
  countInputs(inputs).then(
    (n) => (total = n),
    () => undefined,
  );
  let done = 0;
  const progress = (n: number) => {
    done += n;
    const seconds = (performance.now() - started) / 1000;
    options.onProgress?.({ done, total, seconds });
  };
  const fail = (label: string, error: unknown) => {
    report.failed++;
    const entry = describeFailure(label, error);
    report.failures.push(entry);
    log.error(entry.message);
  };

  const acronyms = emptyAcronyms();
  const index = emptyIndex();
  if (dryRun) {
    await refreshAcronyms(sql, acronyms);
    index.byAcronym = acronyms.byAcronym;
  }
  const preview: PreviewState = { index, written: new Map(), newTags: new Set() };

  // Where the time goes, for --verbose: reading and parsing, hashing and extracting, waiting on writes.
  const spent = { reading: 0, extracting: 0, waiting: 0 };
  // Batches are written one at a time and in order, behind extraction. Up to MAX_QUEUED_WRITES
  // wait their turn, so a batch whose write takes longer than the next one's extraction does
  // not stall extraction (commit and previewPrepared never reject: failures are reported).
  let writing: Promise<void> = Promise.resolve();
  const queued: Promise<void>[] = [];
  let mark = performance.now();
  const lap = (phase: keyof typeof spent) => {
    const now = performance.now();
    spent[phase] += now - mark;
    mark = now;
  };
  const extractor = createExtractor(options.workers ?? 0);
  try {
    for await (const items of readAhead(inBatches(readSources(inputs, options.stdin ? { stdin: options.stdin } : {}), batchSize), 2)) {
      lap('reading');
      report.files += items.length;
      const prepared = await prepare(items);
      lap('extracting');
      writing = writing.then(() => (dryRun ? previewPrepared(prepared) : commit(prepared)));
      writing.catch(() => undefined); // rethrown where it is awaited; not "unhandled" while queued
      queued.push(writing);
      if (queued.length > MAX_QUEUED_WRITES) await queued.shift();
      lap('waiting');
    }
    await writing;
    lap('waiting');
  } finally {
    await extractor.close();
  }
  report.seconds = (performance.now() - started) / 1000;
  log.debug(
    `time: reading ${(spent.reading / 1000).toFixed(2)} s, checking and extracting ${(spent.extracting / 1000).toFixed(2)} s, waiting for writes ${(spent.waiting / 1000).toFixed(2)} s`,
  );
  return report;

  /** Checks hashes for the whole batch in one query, then extracts and plans what changed. */
  async function prepare(items: SourceItem[]): Promise<(BatchArticle & { label: string })[]> {
    const articles: SourceArticle[] = [];
    for (const item of items) {
      if (item.kind === 'failure') {
        fail(item.label, item.error);
        continue;
      }
      for (const warning of item.warnings) {
        log.warn(warning);
        if (report.warnings.length < MAX_KEPT_WARNINGS) report.warnings.push(warning);
      }
      articles.push(item);
    }
    let stored;
    try {
      stored = await findStoredVersions(
        sql,
        articles.map((a) => a.source.sourceKey),
      );
    } catch (error) {
      for (const article of articles) fail(article.label, error);
      progress(items.length);
      return [];
    }
    let settled = items.length - articles.length;
    const changed: (SourceArticle & { contentHash: string })[] = [];
    for (const article of articles) {
      const known = stored.get(article.source.sourceKey) ?? null;
      // The hash comes first: an unchanged article skips extraction, the costly step.
      const contentHash = contentHashOf(article.parsed, article.source);
      if (!isUnchanged(known, contentHash, EXTRACTOR_VERSION)) {
        changed.push({ ...article, contentHash });
        continue;
      }
      report.unchanged++;
      settled++;
      log.debug(`${article.label}: unchanged (${known!.slug})`);
    }
    const plans = await extractor.extract(changed);
    const out: (BatchArticle & { label: string })[] = [];
    changed.forEach(({ label, source }, i) => {
      const plan = plans[i]!;
      if (plan instanceof Error) {
        fail(label, plan);
        settled++;
      } else out.push({ label, plan, stored: stored.get(source.sourceKey) ?? null });
    });
    progress(settled);
    return out;
  }

  async function commit(batch: (BatchArticle & { label: string })[]): Promise<void> {
    if (!batch.length) return;
    try {
      const started = performance.now();
      record(batch, await persistBatch(sql, batch, acronyms));
      log.debug(`batch of ${batch.length} stored in ${(performance.now() - started).toFixed(0)} ms`);
    } catch (error) {
      if (batch.length === 1) {
        fail(batch[0]!.label, error);
      } else {
        // Something in the batch cannot be stored: store the others one by one and name it.
        log.debug(`batch of ${batch.length} failed (${String(error)}); retrying its articles one by one`);
        for (const article of batch) {
          try {
            record([article], await persistBatch(sql, [article], acronyms));
          } catch (inner) {
            fail(article.label, inner);
          }
        }
      }
    }
    progress(batch.length);
  }

  function record(batch: (BatchArticle & { label: string })[], result: BatchResult): void {
    result.articles.forEach((outcome, i) => {
      const { label, plan } = batch[i]!;
      if (outcome.status === 'created') report.imported++;
      else if (outcome.status === 'updated') report.updated++;
      else report.unchanged++;
      if (outcome.status !== 'unchanged') report.words += plan.wordCount;
      log.debug(`${label}: ${outcome.status} (${outcome.slug})`);
    });
    for (const kind of Object.keys(createdKey) as EntityType[]) {
      report[createdKey[kind]] += result.entitiesCreated[kind];
      report.entitiesCreated += result.entitiesCreated[kind];
    }
    report.tagsCreated += result.tagsCreated;
  }

  async function previewPrepared(batch: (BatchArticle & { label: string })[]): Promise<void> {
    if (!batch.length) return;
    try {
      const result = await previewBatch(sql, batch, preview);
      result.statuses.forEach((status, i) => {
        const { label, plan } = batch[i]!;
        if (status === 'created') report.imported++;
        else if (status === 'updated') report.updated++;
        else report.unchanged++;
        if (status !== 'unchanged') report.words += plan.wordCount;
        log.debug(`${label}: would be ${status === 'created' ? 'imported' : status}`);
      });
      const lists = report.wouldCreate!;
      for (const entity of result.entities) {
        report[createdKey[entity.kind]]++;
        report.entitiesCreated++;
        const list = entity.kind === 'PERSON' ? lists.people : entity.kind === 'ORGANIZATION' ? lists.organizations : lists.places;
        if (list.length < MAX_LISTED_NAMES) list.push(entity.name);
      }
      report.tagsCreated += result.tags.length;
      for (const tag of result.tags) if (lists.tags.length < MAX_LISTED_NAMES) lists.tags.push(tag);
    } catch (error) {
      for (const article of batch) fail(article.label, error);
    }
    progress(batch.length);
  }
}

/**
 * Groups source items into batches. A source key seen again closes the batch, so one
 * transaction never holds two versions of one article (the later one then updates it).
 */
async function* inBatches(items: AsyncIterable<SourceItem>, size: number): AsyncGenerator<SourceItem[]> {
  let batch: SourceItem[] = [];
  let keys = new Set<string>();
  for await (const item of items) {
    if (item.kind === 'article') {
      if (keys.has(item.source.sourceKey)) {
        yield batch;
        batch = [];
        keys = new Set();
      }
      keys.add(item.source.sourceKey);
    }
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
      keys = new Set();
    }
  }
  if (batch.length) yield batch;
}

/**
 * Keeps up to `depth` items requested ahead, so the next batch's files are read (their I/O and
 * parsing run between extractions) while this batch is extracted and written.
 */
async function* readAhead<T>(source: AsyncIterable<T>, depth: number): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const queue: Promise<IteratorResult<T>>[] = [];
  const fill = () => {
    while (queue.length < depth) {
      const next = iterator.next();
      next.catch(() => undefined); // rethrown where it is awaited, below; not "unhandled" meanwhile
      queue.push(next);
    }
  };
  fill();
  for (;;) {
    const next = await queue.shift()!;
    if (next.done) return;
    fill();
    yield next.value;
  }
}

/** How many articles the inputs hold, when that is known without reading them (not for JSON Lines or stdin). */
async function countInputs(inputs: readonly string[]): Promise<number | null> {
  let n = 0;
  for await (const entry of expandInputs(inputs)) {
    if (entry.kind === 'stdin' || (entry.kind === 'file' && formatOfName(entry.path) === 'jsonl')) return null;
    n++;
  }
  return n;
}

function describeFailure(file: string, failure: unknown): FileFailure {
  if (isAppError(failure)) return { file, code: failure.code, message: failure.message };
  const message = failure instanceof Error ? (failure.message.split('\n').filter(Boolean).slice(-1)[0] ?? failure.name) : String(failure);
  return { file, code: ErrorCode.IMPORT_FAILED, message: `${file}: could not be imported: ${message}` };
}
