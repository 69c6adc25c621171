import type { EntityType } from '../../extract/types.js';
import type { Sql } from '../persist/sqlOf.js';
import { addAlias, addEntity, naturalKey, type EntityIndex } from './entityIndex.js';
import { normaliseRole } from './nameParts.js';

interface Row {
  id: string;
  kind: EntityType;
  name: string;
  nameKey: string;
  needsReview: boolean;
  aliases: string[] | null;
  roles: string[] | null;
  orgs: string[] | null;
  allAliases: string[] | null;
}

/**
 * Adds to the index the stored entities whose name or alias is one of `keys`, with their
 * matching aliases and, for people, the roles and affiliations stored for them (evidence when
 * surnames collide). One query; entities already in the index keep their entry.
 */
export async function loadEntityIndex(sql: Sql, keys: readonly string[], index: EntityIndex): Promise<EntityIndex> {
  if (!keys.length) return index;
  const rows = await sql.rows<Row>(
    `WITH keys AS (SELECT json_array_elements_text($1::json) AS k),
     found AS (
       SELECT e.id FROM entity e WHERE e."nameKey" IN (SELECT k FROM keys)
       UNION SELECT a."entityId" FROM entity_alias a WHERE a."nameKey" IN (SELECT k FROM keys))
     SELECT e.id::text AS id, e.kind::text AS kind, e.name, e."nameKey", e."needsReview",
       ARRAY(SELECT a."nameKey" FROM entity_alias a WHERE a."entityId" = e.id AND a."nameKey" IN (SELECT k FROM keys)) AS aliases,
       CASE WHEN e.kind = 'PERSON' THEN ARRAY(SELECT DISTINCT af.role FROM affiliation af WHERE af."personId" = e.id AND af.status <> 'REJECTED' AND af.role <> '') END AS roles,
       CASE WHEN e.kind = 'PERSON' THEN ARRAY(SELECT DISTINCT o."nameKey" FROM affiliation af JOIN entity o ON o.id = af."organizationId" WHERE af."personId" = e.id AND af.status <> 'REJECTED') END AS orgs,
       CASE WHEN e.kind = 'ORGANIZATION' THEN ARRAY(SELECT a."nameKey" FROM entity_alias a WHERE a."entityId" = e.id) END AS "allAliases"
     FROM entity e WHERE e.id IN (SELECT id FROM found)`,
    JSON.stringify(keys),
  );
  for (const row of rows) {
    if (!index.byKey.has(naturalKey(row.kind, row.nameKey))) {
      addEntity(index, {
        ref: row.id,
        kind: row.kind,
        name: row.name,
        nameKey: row.nameKey,
        isNew: false,
        needsReview: row.needsReview,
        roles: (row.roles ?? []).map(normaliseRole).filter(Boolean),
        affiliationKeys: row.orgs ?? [],
        aliasKeys: row.allAliases ?? [],
      });
    }
    for (const alias of row.aliases ?? []) addAlias(index, row.kind, alias, row.id);
  }
  return index;
}
