import type { Sql } from '../db/sql.js';
import { AppError, ErrorCode } from '../errors.js';
import { loadArticleStates, type VersionedState } from './loadArticleStates.js';

/** An article's editable content and publication state: what a revision records and restores. */
export interface ArticleState {
  title: string;
  paragraphs: string[];
  byline: string | null;
  section: string | null;
  sourceUrl: string | null;
  status: 'DRAFT' | 'PUBLISHED';
  /** ISO 8601, or null. */
  publishedAt: string | null;
  /** Editor tags, by name, sorted. */
  tags: string[];
}

/**
 * Reads an article for a write and locks its row until the transaction ends, so concurrent
 * writes to one article take turns. Throws NOT_FOUND when it does not exist and CONFLICT
 * (with `currentVersion`) when `expectedVersion` is not its version: an editor never silently
 * overwrites another's change.
 */
export async function lockArticle(sql: Sql, id: string, expectedVersion: number | null): Promise<VersionedState> {
  const article = (await loadArticleStates(sql, [id], true)).get(id);
  if (!article) throw new AppError(ErrorCode.NOT_FOUND, 'no such article', { argument: 'id' });
  if (expectedVersion !== null && article.version !== expectedVersion) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `the article changed since version ${expectedVersion}: it is at version ${article.version}; reload it and apply your change again`,
      {
        argument: 'version',
        currentVersion: article.version,
      },
    );
  }
  return article;
}
