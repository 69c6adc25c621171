import type { Sql } from '../../db/sql.js';

/**
 * Deletes what extraction stored for articles about to be re-extracted (one statement): facts
 * still AUTO, and the per-article summaries and the tag links the source and extraction gave,
 * which are rebuilt. Facts an editor verified or rejected stay, and block their re-creation;
 * tags an editor put on through the API stay.
 */
export async function clearExtractedFacts(sql: Sql, articleIds: readonly string[]): Promise<void> {
  if (!articleIds.length) return;
  await sql.run(
    `WITH ids AS (SELECT (json_array_elements_text($1::json))::uuid AS id),
      m AS (DELETE FROM mention WHERE "articleId" IN (SELECT id FROM ids) AND status = 'AUTO'),
      q AS (DELETE FROM quote WHERE "articleId" IN (SELECT id FROM ids) AND status = 'AUTO'),
      f AS (DELETE FROM affiliation WHERE "articleId" IN (SELECT id FROM ids) AND status = 'AUTO'),
      e AS (DELETE FROM article_entity WHERE "articleId" IN (SELECT id FROM ids)),
      t AS (DELETE FROM article_tag WHERE "articleId" IN (SELECT id FROM ids) AND "addedBy" IS NULL)
     SELECT 1`,
    JSON.stringify(articleIds),
  );
}
