import type { Sql } from '../../db/sql.js';
import { recountArticleEntities } from './recountArticleEntities.js';

/**
 * Rebuilds the per-article entity summaries of these articles from their visible mentions, after
 * an editor moved, added or rejected mentions (or merged entities): entities, counts and lists
 * follow at once.
 */
export async function rebuildArticleEntities(sql: Sql, articleIds: readonly string[]): Promise<void> {
  const ids = [...new Set(articleIds)];
  if (!ids.length) return;
  await sql.run(`DELETE FROM article_entity WHERE "articleId" IN (SELECT (json_array_elements_text($1::json))::uuid)`, JSON.stringify(ids));
  await recountArticleEntities(sql, ids);
}
