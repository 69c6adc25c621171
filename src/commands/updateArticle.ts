import type { Viewer } from '../access/viewer.js';
import { lockArticle } from '../articles/articleState.js';
import type { VersionedState } from '../articles/loadArticleStates.js';
import type { Sql } from '../db/sql.js';
import { takeImportLock } from '../ingest/persist/importLock.js';
import type { ArticleInput } from '../ingest/prepareArticles.js';
import { buildParsedArticle } from '../ingest/sources/buildParsedArticle.js';
import { storeArticles } from '../ingest/storeArticles.js';
import { articleInputOf, type ArticleDraft } from './articleInput.js';
import { asConflict } from './asConflict.js';
import type { WriteOptions } from './createArticle.js';

/** An article's stored content as the write path's input: what an update starts from. */
export function storedInput(article: VersionedState): ArticleInput {
  const { state } = article;
  return {
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
}

/**
 * Changes an article's content in the caller's transaction, after checking its version
 * (CONFLICT with the current one), through the import's write path: a changed text is
 * extracted again; facts an editor reviewed are kept; a revision and `article.updated` are
 * recorded. Fields the draft leaves out stay; status and publication time are changed by
 * publishing, not here. Returns the article's id.
 */
export async function updateArticle(sql: Sql, viewer: Viewer, id: string, version: number, draft: ArticleDraft, options: WriteOptions): Promise<string> {
  // The write path's lock first, then the row's: the order every writer takes them in.
  await takeImportLock(sql);
  const article = await lockArticle(sql, id, version);
  const given = Object.fromEntries(Object.entries(draft).map(([key, value]) => [key, value !== undefined]));
  const input = articleInputOf(
    { ...draft, status: undefined, publishedAt: undefined },
    { ...given, status: false, publishedAt: false },
    storedInput(article),
    options.limits,
  );
  await storeArticles(sql, [input], { actor: viewer.name, publicBaseUrl: options.publicBaseUrl }).catch(asConflict);
  return article.id;
}
