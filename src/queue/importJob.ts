import type { ImportReport } from '../ingest/importReport.js';
import type { ParsedArticle } from '../ingest/parseArticle.js';
import type { ArticleSource } from '../ingest/planArticle.js';
import type { SourceArticle } from '../ingest/sources/types.js';

/** Job name of a batch of articles on the import queue. */
export const IMPORT_BATCH = 'import-batch';

/**
 * One article as a job carries it: parsed already, so a worker on another machine needs
 * neither the files nor the reader, only Redis and the database.
 */
export interface QueuedArticle {
  label: string;
  parsed: ParsedArticle;
  source: Omit<ArticleSource, 'publishedAt'> & { publishedAt: string | null };
}

/** What a batch job holds: the run it belongs to, how to import, and its articles. */
export interface ImportJobData {
  run: string;
  reextract: boolean;
  articles: QueuedArticle[];
}

/** What a finished batch job returns: the import report of its articles. */
export type ImportJobResult = ImportReport;

/** An article read by the enqueuer, as a job carries it (JSON: dates as ISO strings). */
export function queuedArticle(article: SourceArticle): QueuedArticle {
  return { label: article.label, parsed: article.parsed, source: { ...article.source, publishedAt: article.source.publishedAt?.toISOString() ?? null } };
}

/** A job's article back as the import reads it. Warnings were logged by the enqueuer. */
export function sourceArticle(article: QueuedArticle): SourceArticle {
  const publishedAt = article.source.publishedAt === null ? null : new Date(article.source.publishedAt);
  return { kind: 'article', label: article.label, parsed: article.parsed, source: { ...article.source, publishedAt }, warnings: [] };
}

/** Bytes of article text a job holds at most (besides `--batch-size` articles): Redis keeps jobs in memory. */
export const MAX_JOB_TEXT_BYTES = 4 * 1024 * 1024;
