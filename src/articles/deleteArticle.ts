import type { Viewer } from '../access/viewer.js';
import type { Sql } from '../db/sql.js';
import { cancelScheduled, enqueueEvent } from '../webhooks/enqueueEvent.js';
import { articleEventData } from './articleEvents.js';
import { lockArticle } from './articleState.js';
import { recordRevision } from './recordRevision.js';

/**
 * Deletes an article and its facts in the caller's transaction, after checking its version.
 * Its revisions stay (the last one records the deletion), a scheduled publication is
 * cancelled, and `article.deleted` goes to webhooks. Returns its id and slug.
 */
export async function deleteArticle(
  sql: Sql,
  viewer: Viewer,
  id: string,
  expectedVersion: number,
  publicBaseUrl: string | null,
): Promise<{ id: string; slug: string }> {
  const article = await lockArticle(sql, id, expectedVersion);
  const version = article.version + 1;
  await recordRevision(sql, { articleId: article.id, version, action: 'DELETE', actor: viewer.name, before: article.state, after: article.state });
  await cancelScheduled(sql, 'article.published', article.id);
  await enqueueEvent(sql, 'article.deleted', article.id, articleEventData({ ...article, version }, publicBaseUrl));
  // Facts, tags and entity links go with it (ON DELETE CASCADE); entities stay for other articles.
  await sql.run(`DELETE FROM article WHERE id = $1::uuid`, article.id);
  return { id: article.id, slug: article.slug };
}
