import { candidateKeys } from '../registry/candidateKeys.js';
import type { EntityIndex } from '../registry/entityIndex.js';
import { loadEntityIndex } from './loadEntityIndex.js';
import { resolveEntities, type Resolution } from '../registry/resolveEntities.js';
import { findPriorLinks } from './findPriorLinks.js';
import type { Sql } from '../../db/sql.js';
import type { PlannedArticle } from '../plannedArticle.js';

/**
 * Resolves a batch's names against the stored entities, loaded into `index` for the batch's
 * candidate keys (and the entities its updated articles linked to before), plus whatever
 * `index` already holds. Shared by the import and the dry run, so both resolve alike.
 */
export async function resolveBatch(sql: Sql, batch: readonly PlannedArticle[], index: EntityIndex): Promise<Resolution> {
  const plans = batch.map((a) => a.plan);
  const earlier = await findPriorLinks(sql, batch);
  const priorIds = [...new Set(earlier.flatMap((links) => (links ? [...links.values()] : [])))];
  await loadEntityIndex(sql, candidateKeys(plans, index), index, priorIds);
  return resolveEntities(plans, index, earlier);
}
