import type { Sql } from '../../db/sql.js';
import type { EntityType } from '../../extract/types.js';
import type { NewEntity } from '../registry/resolveEntities.js';
import { freeSlugSql } from './freeSlugSql.js';
import { entityTable } from './tables/writtenTables.js';

/** The batch's new entities: the database id of each `new:` ref, and the entities this statement created. */
export interface InsertedEntities {
  ids: Map<string, string>;
  created: { kind: EntityType; name: string }[];
}

/**
 * Inserts the entities a batch's resolution created, in one statement, and returns the id of
 * each (its own, or that of the entity a concurrent writer stored under the same natural key).
 * Rows go in natural-key order, so concurrent writers take the unique keys in the same order;
 * slugs follow the slug rule in the order the resolution created them.
 */
export async function insertEntities(sql: Sql, entities: readonly NewEntity[]): Promise<InsertedEntities> {
  const out: InsertedEntities = { ids: new Map(), created: [] };
  if (!entities.length) return out;
  const result = await sql.rows<{ id: string; kind: EntityType; nameKey: string; name: string; created: boolean }>(
    `WITH x AS (SELECT * FROM ${entityTable.from('$1', 'x', { ordinality: true })}),
     ins AS (
       INSERT INTO entity (id, ${entityTable.columns}, "createdAt", "updatedAt")
       SELECT gen_random_uuid(), ${entityTable.select('x', { slug: freeSlugSql({ table: 'entity', alias: 'x', scope: ['kind'], identity: 'x."nameKey"', hash: 'md5' }) })}, now(), now()
       FROM x ORDER BY x.kind::text COLLATE "C", x."nameKey" COLLATE "C"
       ON CONFLICT DO NOTHING
       RETURNING id, kind, "nameKey", name)
     SELECT id::text AS id, kind::text AS kind, "nameKey", name, true AS created FROM ins
     UNION ALL
     SELECT e.id::text, e.kind::text, e."nameKey", e.name, false FROM entity e JOIN x ON e.kind = x.kind AND e."nameKey" = x."nameKey"`,
    entityTable.json(entities.map(({ kind, name, nameKey, slug, needsReview }) => ({ kind, name, nameKey, slug, needsReview }))),
  );
  for (const row of result) {
    out.ids.set(`new:${row.kind}:${row.nameKey}`, row.id);
    if (row.created) out.created.push({ kind: row.kind, name: row.name });
  }
  return out;
}
