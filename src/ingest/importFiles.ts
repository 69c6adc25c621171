import { realpath } from 'node:fs/promises';
import type { PrismaClient } from '../db/createPrisma.js';
import { isConflict } from '../db/prismaErrors.js';
import { ErrorCode, isAppError } from '../errors.js';
import { EXTRACTOR_VERSION, extractArticle } from '../extract/extractArticle.js';
import type { Logger } from '../log.js';
import { listArticleFiles } from './listArticleFiles.js';
import type { ParsedArticle } from './parseArticle.js';
import { findStoredVersion, isUnchanged, persistArticle, type PersistStatus } from './persistArticle.js';
import { contentHashOf, planArticle, type ArticleSource } from './planArticle.js';
import { readArticleFile } from './readArticleFile.js';

export interface FileFailure {
  file: string;
  code: string;
  message: string;
}

export interface ImportReport {
  files: number;
  imported: number;
  updated: number;
  unchanged: number;
  failed: number;
  entitiesCreated: number;
  tagsCreated: number;
  words: number;
  seconds: number;
  failures: FileFailure[];
  warnings: string[];
}

export interface ImportOptions {
  log: Logger;
  /** Called after each file; used for progress display. */
  onFile?: (done: number, total: number) => void;
}

/**
 * Imports article files and directories: read → parse → extract → plan → persist, one
 * transaction per article. A bad file is reported with its reason and the run goes on.
 */
export async function importFiles(prisma: PrismaClient, paths: string[], options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const listed = await listArticleFiles(paths);
  const report: ImportReport = { files: listed.length, imported: 0, updated: 0, unchanged: 0, failed: 0, entitiesCreated: 0, tagsCreated: 0, words: 0, seconds: 0, failures: [], warnings: [] };
  const counters: Record<PersistStatus, 'imported' | 'updated' | 'unchanged'> = { created: 'imported', updated: 'updated', unchanged: 'unchanged' };
  let done = 0;
  for (const { file, error } of listed) {
    try {
      if (error) throw error;
      const { parsed, warnings } = await readArticleFile(file);
      for (const warning of warnings) options.log.warn(warning);
      report.warnings.push(...warnings);
      const result = await importParsed(prisma, parsed, await sourceOf(parsed, file));
      report[counters[result.status]]++;
      report.entitiesCreated += result.entitiesCreated;
      report.tagsCreated += result.tagsCreated;
      report.words += result.words;
      options.log.debug(`${file}: ${result.status} (${result.slug})`);
    } catch (failure) {
      report.failed++;
      const entry = describeFailure(file, failure);
      report.failures.push(entry);
      options.log.error(entry.message);
    }
    options.onFile?.(++done, listed.length);
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** Extracts, plans and stores one parsed article; retries once when a concurrent import won a unique key. */
export async function importParsed(prisma: PrismaClient, parsed: ParsedArticle, source: ArticleSource) {
  // Checking the hash first means a re-run of an unchanged archive reads and hashes each file
  // but skips extraction, the costly step.
  const stored = await findStoredVersion(prisma, source.sourceKey);
  if (isUnchanged(stored, contentHashOf(parsed, source), EXTRACTOR_VERSION)) {
    return { status: 'unchanged' as const, articleId: stored!.id, slug: stored!.slug, entitiesCreated: 0, tagsCreated: 0, words: 0 };
  }
  const extraction = extractArticle({ text: parsed.text, title: parsed.title, paragraphs: parsed.paragraphs, editorTags: parsed.editorTags });
  const plan = planArticle(parsed, extraction, source, EXTRACTOR_VERSION);
  let result;
  try {
    result = await persistArticle(prisma, plan, stored);
  } catch (error) {
    if (!isConflict(error)) throw error;
    result = await persistArticle(prisma, plan);
  }
  return { ...result, words: plan.wordCount };
}

/**
 * The seed format carries the article's path in the CMS: that is its identity, wherever the
 * file lies. Other files are identified by their real path.
 */
async function sourceOf(parsed: ParsedArticle, file: string): Promise<ArticleSource> {
  const real = await realpath(file);
  const sourceKey = parsed.pathLine !== null ? `path:/${parsed.pathLine}` : `file:${real}`;
  return { sourceKey, sourcePath: real, sourceUrl: null, byline: null, publishedAt: null };
}

function describeFailure(file: string, failure: unknown): FileFailure {
  if (isAppError(failure)) return { file, code: failure.code, message: failure.message };
  const message = failure instanceof Error ? failure.message.split('\n').filter(Boolean).slice(-1)[0] ?? failure.name : String(failure);
  return { file, code: ErrorCode.INTERNAL_SERVER_ERROR, message: `${file}: could not be imported: ${message}` };
}

