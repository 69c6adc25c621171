import type { Viewer } from '../access/viewer.js';
import type { Sql } from '../db/sql.js';
import { lockArticle } from '../articles/articleState.js';
import { recordArticleChanges } from '../articles/recordArticleChanges.js';

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
  await recordArticleChanges(
    sql,
    [{ id: article.id, slug: article.slug, version: article.version + 1, action: 'DELETE', before: article.state, after: article.state }],
    viewer.name,
    publicBaseUrl,
  );
  // Facts, tags and entity links go with it (ON DELETE CASCADE); entities stay for other articles.
  await sql.run(`DELETE FROM article WHERE id = $1::uuid`, article.id);
  return { id: article.id, slug: article.slug };
}
