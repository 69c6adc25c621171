import type { Sql } from '../../db/sql.js';
import type { PlannedArticle } from '../plannedArticle.js';
import { findStoredVersions } from './findStoredVersions.js';

/** The batch with each article's stored version read again (after a conflict: another writer stored some of them meanwhile). */
export async function refreshStoredVersions(sql: Sql, batch: readonly PlannedArticle[]): Promise<PlannedArticle[]> {
  const stored = await findStoredVersions(
    sql,
    batch.map((a) => a.plan.source.sourceKey),
  );
  return batch.map(({ plan }) => ({ plan, stored: stored.get(plan.source.sourceKey) ?? null }));
}
