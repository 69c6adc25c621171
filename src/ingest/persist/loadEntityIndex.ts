import type { EntityType } from '../../extract/types.js';
import { factStatusSql } from '../../access/visibility.js';
import type { Sql } from '../../db/sql.js';
import { addAlias, addEntity, naturalKey, type EntityIndex } from '../registry/entityIndex.js';
import { normaliseRole } from '../registry/nameParts.js';

interface Row {
  id: string;
  kind: EntityType;
  name: string;
  nameKey: string;
  aliases: string[] | null;
  roles: string[] | null;
  orgs: string[] | null;
  allAliases: string[] | null;
}

/**
 * Adds to the index the stored entities whose name or alias is one of `keys`, with their
 * matching aliases and, for people, the roles and affiliations stored for them (evidence when
 * surnames collide), plus the entities with the given ids. One query; entities already in the
 * index keep their entry.
 */
export async function loadEntityIndex(sql: Sql, keys: readonly string[], index: EntityIndex, ids: readonly string[] = []): Promise<EntityIndex> {
  if (!keys.length && !ids.length) return index;
  const rows = await sql.rows<Row>(
    // Keys are joined to the name indexes one by one (the tables grow during an import, so
    // statistics lag and a set-based plan would scan); matching aliases are grouped once.
    // Evidence is read for people reached through an alias (surname candidates) only, and
    // capped: a person in thousands of stories needs no more than a hundred roles to compare.
    `WITH keys AS MATERIALIZED (SELECT DISTINCT k FROM json_array_elements_text($1::json) AS k),
     hits AS (
       SELECT a."entityId" AS id, array_agg(a."nameKey") AS aliases FROM keys JOIN entity_alias a ON a."nameKey" = keys.k GROUP BY a."entityId"),
     found AS (
       SELECT e.id FROM keys JOIN entity e ON e."nameKey" = keys.k
       UNION SELECT id FROM hits
       UNION SELECT (json_array_elements_text($2::json))::uuid)
     SELECT e.id::text AS id, e.kind::text AS kind, e.name, e."nameKey", h.aliases,
       CASE WHEN e.kind = 'PERSON' AND h.id IS NOT NULL THEN ARRAY(
         SELECT DISTINCT f.role FROM (SELECT af.role FROM affiliation af WHERE af."personId" = e.id AND ${factStatusSql('af')} AND af.role <> '' LIMIT 100) f) END AS roles,
       CASE WHEN e.kind = 'PERSON' AND h.id IS NOT NULL THEN ARRAY(
         SELECT DISTINCT (SELECT o."nameKey" FROM entity o WHERE o.id = f."organizationId")
         FROM (SELECT af."organizationId" FROM affiliation af WHERE af."personId" = e.id AND ${factStatusSql('af')} AND af."organizationId" IS NOT NULL LIMIT 100) f) END AS orgs,
       CASE WHEN e.kind = 'ORGANIZATION' THEN ARRAY(SELECT a."nameKey" FROM entity_alias a WHERE a."entityId" = e.id LIMIT 200) END AS "allAliases"
     FROM found JOIN entity e ON e.id = found.id LEFT JOIN hits h ON h.id = e.id`,
    JSON.stringify(keys),
    JSON.stringify(ids),
  );
  for (const row of rows) {
    if (!index.byKey.has(naturalKey(row.kind, row.nameKey))) {
      addEntity(index, {
        ref: row.id,
        kind: row.kind,
        name: row.name,
        nameKey: row.nameKey,
        roles: (row.roles ?? []).map(normaliseRole).filter(Boolean),
        affiliationKeys: row.orgs ?? [],
        aliasKeys: row.allAliases ?? [],
      });
    }
    for (const alias of row.aliases ?? []) addAlias(index, row.kind, alias, row.id);
  }
  return index;
}
