import { factStatusSql } from '../../access/visibility.js';
import { nameKey } from '../nameKey.js';
import type { PriorLinks } from '../registry/resolveEntities.js';
import type { Sql } from '../../db/sql.js';
import type { PlannedArticle } from '../plannedArticle.js';

/** For each article being updated, which entity each of its stored mentions' names points at (one query). */
export async function findPriorLinks(sql: Sql, batch: readonly PlannedArticle[]): Promise<(PriorLinks | undefined)[]> {
  const ids = batch.flatMap((a) => (a.stored ? [a.stored.id] : []));
  if (!ids.length) return batch.map(() => undefined);
  const rows = await sql.rows<{ a: string; text: string; e: string }>(
    `SELECT m."articleId"::text AS a, m.text, m."entityId"::text AS e FROM mention m
     WHERE m."articleId" IN (SELECT (json_array_elements_text($1::json))::uuid) AND ${factStatusSql('m')}`,
    JSON.stringify(ids),
  );
  const byArticle = new Map<string, PriorLinks>();
  for (const row of rows) {
    let links = byArticle.get(row.a);
    if (!links) byArticle.set(row.a, (links = new Map()));
    if (!links.has(nameKey(row.text))) links.set(nameKey(row.text), row.e);
  }
  return batch.map((a) => (a.stored ? byArticle.get(a.stored.id) : undefined));
}
