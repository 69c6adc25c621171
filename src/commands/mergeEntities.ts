import type { Viewer } from '../access/viewer.js';
import type { Sql } from '../db/sql.js';
import { AppError, ErrorCode } from '../errors.js';
import { rebuildArticleEntities } from '../ingest/persist/rebuildArticleEntities.js';
import { enqueueEvents } from '../webhooks/enqueueEvent.js';
import { lockEntity, type EntityState } from './editEntities.js';
import { recordAudit } from './recordAudit.js';

/** What a merge moved from one entity, kept with its redirect so a split can move it back. */
export interface MovedFacts {
  mentions: { articleId: string; start: number; end: number }[];
  speakerQuotes: string[];
  affiliationQuotes: string[];
  personRoles: string[];
  organizationRoles: string[];
  aliases: { name: string; nameKey: string; source: string }[];
}

/**
 * Merges entities into `intoId` in the caller's transaction: every mention, quote, role, alias
 * and article link of each of `fromIds` moves to it; their names become its aliases (so later
 * imports link them to it); a profile moves when the survivor has none; each merged entity
 * leaves a redirect (its id and slug answer the survivor) recording what moved, and is removed.
 * Entity summaries of the articles concerned are rebuilt. Throws NOT_FOUND for an unknown id and
 * BAD_USER_INPUT when `fromIds` is empty or names the survivor. Returns the survivor's id.
 */
export async function mergeEntities(sql: Sql, viewer: Viewer, intoId: string, fromIds: readonly string[]): Promise<string> {
  const ids = [...new Set(fromIds)];
  if (!ids.length) throw new AppError(ErrorCode.BAD_USER_INPUT, 'from: name at least one entity to merge', { argument: 'from' });
  if (ids.includes(intoId)) throw new AppError(ErrorCode.BAD_USER_INPUT, 'from: cannot merge an entity into itself', { argument: 'from' });
  const into = await lockEntity(sql, intoId, 'into');
  const articles: string[] = [];
  for (const fromId of ids) {
    const from = await lockEntity(sql, fromId, 'from');
    articles.push(...(await sql.rows<{ a: string }>(`SELECT "articleId"::text AS a FROM article_entity WHERE "entityId" = $1::uuid`, fromId)).map((r) => r.a));
    const moved = await moveFacts(sql, from, into);
    await sql.run(
      `INSERT INTO entity_redirect ("oldId", kind, "oldSlug", "oldName", "oldNameKey", "entityId", moved, "createdAt", "createdBy")
       VALUES ($1::uuid, $2::"EntityKind", $3, $4, $5, $6::uuid, $7::jsonb, now() AT TIME ZONE 'UTC', $8)
       ON CONFLICT (kind, "oldSlug") DO UPDATE SET "oldId" = EXCLUDED."oldId", "oldName" = EXCLUDED."oldName", "oldNameKey" = EXCLUDED."oldNameKey",
         "entityId" = EXCLUDED."entityId", moved = EXCLUDED.moved, "createdAt" = EXCLUDED."createdAt", "createdBy" = EXCLUDED."createdBy"`,
      from.id,
      from.kind,
      from.slug,
      from.name,
      from.nameKey,
      into.id,
      JSON.stringify(moved),
      viewer.name,
    );
    // Links to an entity merged earlier into this one now lead to the survivor.
    await sql.run(`UPDATE entity_redirect SET "entityId" = $2::uuid WHERE "entityId" = $1::uuid`, from.id, into.id);
    await sql.run(`DELETE FROM entity WHERE id = $1::uuid`, from.id);
    await recordAudit(sql, viewer, [{ action: 'mergeEntities', subjectType: 'Entity', subjectId: into.id, before: from, after: { into: into.id, moved } }]);
    await enqueueEvents(sql, [
      {
        event: 'entity.merged',
        orderKey: into.id,
        data: { entity: { id: into.id, kind: into.kind, merged: { id: from.id, slug: from.slug, name: from.name } } },
      },
    ]);
  }
  await rebuildArticleEntities(sql, articles);
  return into.id;
}

async function moveFacts(sql: Sql, from: EntityState, into: EntityState): Promise<MovedFacts> {
  const one = <T>(query: string) => sql.rows<T>(query, from.id, into.id);
  const mentions = await one<{ articleId: string; start: number; end: number }>(
    `UPDATE mention SET "entityId" = $2::uuid WHERE "entityId" = $1::uuid RETURNING "articleId"::text AS "articleId", start, "end"`,
  );
  const speakerQuotes = await one<{ id: string }>(`UPDATE quote SET "speakerId" = $2::uuid WHERE "speakerId" = $1::uuid RETURNING id::text AS id`);
  const affiliationQuotes = await one<{ id: string }>(
    `UPDATE quote SET "speakerAffiliationId" = $2::uuid WHERE "speakerAffiliationId" = $1::uuid RETURNING id::text AS id`,
  );
  const personRoles = await one<{ id: string }>(`UPDATE affiliation SET "personId" = $2::uuid WHERE "personId" = $1::uuid RETURNING id::text AS id`);
  const organizationRoles = await one<{ id: string }>(
    `UPDATE affiliation SET "organizationId" = $2::uuid WHERE "organizationId" = $1::uuid RETURNING id::text AS id`,
  );
  const aliases = await sql.rows<{ name: string; nameKey: string; source: string }>(
    `SELECT name, "nameKey", source::text AS source FROM entity_alias WHERE "entityId" = $1::uuid`,
    from.id,
  );
  // Its aliases and its own name become the survivor's, so later imports link them there.
  await sql.run(
    `INSERT INTO entity_alias (id, "entityId", name, "nameKey", source)
     SELECT gen_random_uuid(), $1::uuid, x.name, x.key, x.source::"AliasSource"
     FROM json_to_recordset($2::json) AS x(name text, key text, source text) WHERE x.key <> $3
     ON CONFLICT DO NOTHING`,
    into.id,
    JSON.stringify([{ name: from.name, key: from.nameKey, source: 'EDITOR' }, ...aliases.map((a) => ({ name: a.name, key: a.nameKey, source: a.source }))]),
    into.nameKey,
  );
  // A profile follows when the survivor has none of its kind.
  for (const table of ['person', 'organization', 'place']) {
    await sql.run(
      `UPDATE ${table} SET "entityId" = $2::uuid WHERE "entityId" = $1::uuid AND NOT EXISTS (SELECT 1 FROM ${table} WHERE "entityId" = $2::uuid)`,
      from.id,
      into.id,
    );
  }
  return {
    mentions,
    speakerQuotes: speakerQuotes.map((r) => r.id),
    affiliationQuotes: affiliationQuotes.map((r) => r.id),
    personRoles: personRoles.map((r) => r.id),
    organizationRoles: organizationRoles.map((r) => r.id),
    aliases,
  };
}
