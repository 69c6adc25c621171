import type { Viewer } from '../access/viewer.js';
import { lockArticle, type ArticleState } from '../articles/articleState.js';
import type { Sql } from '../db/sql.js';
import { AppError, ErrorCode } from '../errors.js';
import { takeImportLock } from '../ingest/persist/importLock.js';
import { buildParsedArticle } from '../ingest/sources/buildParsedArticle.js';
import { storeArticles } from '../ingest/storeArticles.js';
import { asConflict } from './asConflict.js';
import type { WriteOptions } from './createArticle.js';

/**
 * Makes an earlier revision's content and publication state current again, in the caller's
 * transaction, after checking the article's version: one write through the import's path,
 * recorded as a RESTORE revision (with its webhook events). Throws NOT_FOUND for a revision
 * the article does not have. Returns the article's id.
 */
export async function restoreRevision(sql: Sql, viewer: Viewer, id: string, revision: number, version: number, options: WriteOptions): Promise<string> {
  await takeImportLock(sql);
  const article = await lockArticle(sql, id, version);
  const [row] = await sql.rows<{ snapshot: ArticleState }>(`SELECT snapshot FROM article_revision WHERE "articleId" = $1::uuid AND version = $2`, id, revision);
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `the article has no revision ${revision}`, { argument: 'revision' });
  const state = row.snapshot;
  const input = {
    parsed: buildParsedArticle('api', state.title, state.paragraphs, state.tags),
    source: {
      sourceKey: article.sourceKey,
      sourcePath: article.sourcePath,
      sourceUrl: state.sourceUrl,
      byline: state.byline,
      publishedAt: state.publishedAt ? new Date(state.publishedAt) : null,
      status: state.status,
      section: state.section,
    },
  };
  await storeArticles(sql, [input], { actor: viewer.name, publicBaseUrl: options.publicBaseUrl, updateAction: 'RESTORE', force: true }).catch(asConflict);
  return article.id;
}
