import { factStatusSql } from '../../access/visibility.js';
import type { Sql } from '../../db/sql.js';

/**
 * Rebuilds the per-article entity summaries of updated articles from every mention now stored:
 * a corrected article may keep reviewed mentions, which the batch's rows do not know. Runs after
 * the fact statement, whose CTEs cannot see the mentions it inserts.
 */
export async function recountArticleEntities(sql: Sql, articleIds: readonly string[]): Promise<void> {
  if (!articleIds.length) return;
  await sql.run(
    `INSERT INTO article_entity ("articleId", "entityId", "mentionCount", "firstStart")
     SELECT m."articleId", m."entityId", count(*), min(m.start) FROM mention m
     WHERE m."articleId" IN (SELECT (json_array_elements_text($1::json))::uuid) AND ${factStatusSql('m')}
     GROUP BY m."articleId", m."entityId"`,
    JSON.stringify(articleIds),
  );
}
