import { randomUUID } from 'node:crypto';
import type { Viewer } from '../access/viewer.js';
import type { ImportLimits } from '../config/importLimits.js';
import type { Sql } from '../db/sql.js';
import { AppError, ErrorCode } from '../errors.js';
import { storeArticles } from '../ingest/storeArticles.js';
import { articleInputOf, type ArticleDraft } from './articleInput.js';
import { asConflict } from './asConflict.js';

export interface WriteOptions {
  limits: ImportLimits;
  publicBaseUrl: string | null;
}

/**
 * Creates an article from an API write in the caller's transaction, through the import's
 * write path (`storeArticles`: parse → extract → resolve → store, with its revision and
 * webhook events). A new article is a draft unless the draft says otherwise. Returns its id.
 * Throws BAD_USER_INPUT naming the field when the content is not an article.
 */
export async function createArticle(sql: Sql, viewer: Viewer, draft: ArticleDraft, options: WriteOptions): Promise<string> {
  if ((draft.text === null || draft.text === undefined) && (draft.title === undefined || draft.paragraphs === undefined)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'input: give text (a whole story), or title and paragraphs', { argument: 'input' });
  }
  const given = Object.fromEntries(Object.entries(draft).map(([key, value]) => [key, value !== undefined]));
  const source = {
    sourceKey: `api:${randomUUID()}`,
    sourcePath: null,
    sourceUrl: null,
    byline: null,
    publishedAt: null,
    status: 'DRAFT' as const,
    section: null,
  };
  const read = articleInputOf(draft, given, { parsed: null, source }, options.limits);
  // Published through the API without a date means published now: a null date is left for
  // imported sources that carry none, never for a story an editor just made public.
  const input = read.source.status === 'PUBLISHED' && !read.source.publishedAt ? { ...read, source: { ...read.source, publishedAt: new Date() } } : read;
  const outcome = await storeArticles(sql, [input], { actor: viewer.name, publicBaseUrl: options.publicBaseUrl }).catch(asConflict);
  return outcome.articles[0]!.articleId;
}
