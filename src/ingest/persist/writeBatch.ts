import type { Sql } from '../../db/sql.js';
import type { BatchOutcome, StoredOutcome } from '../articleOutcome.js';
import type { PlannedArticle } from '../plannedArticle.js';
import type { Resolution } from '../registry/resolveEntities.js';
import { buildFactRows } from './buildFactRows.js';
import { clearExtractedFacts } from './clearExtractedFacts.js';
import { insertEntities } from './insertEntities.js';
import { insertFacts } from './insertFacts.js';
import { insertTags } from './insertTags.js';
import { recountArticleEntities } from './recountArticleEntities.js';

/**
 * Writes the entities, tags and facts of a batch whose article rows are stored (`articles`,
 * in batch order) and whose names are resolved, inside the caller's transaction, with
 * multi-row statements: entities and tags one each (their ids are needed next), the removal of
 * re-extracted facts, then aliases and every fact in one. Inserts use `ON CONFLICT DO NOTHING`;
 * a row that should exist afterwards but does not means a concurrent writer won a unique key,
 * and BatchConflict makes the caller retry. Facts an editor verified or rejected (status ≠
 * AUTO) are kept and never re-created.
 */
export async function writeBatch(
  sql: Sql,
  batch: readonly PlannedArticle[],
  articles: readonly StoredOutcome[],
  resolution: Resolution,
): Promise<BatchOutcome<StoredOutcome>> {
  const entities = await insertEntities(sql, resolution.created);
  const tags = await insertTags(sql, batch);
  const updatedIds = articles.filter((a) => a.status === 'updated').map((a) => a.articleId);
  await clearExtractedFacts(sql, updatedIds);
  await insertFacts(sql, buildFactRows(batch, resolution, { articles, entities: entities.ids, tags: tags.ids }));
  await recountArticleEntities(sql, updatedIds);
  return { articles: [...articles], createdEntities: entities.created, createdTags: tags.created };
}
