import type { Viewer } from '../access/viewer.js';
import type { FactRef } from '../content/factId.js';
import type { Sql } from '../db/sql.js';
import { AppError, ErrorCode } from '../errors.js';
import { slugify } from '../ingest/nameKey.js';
import { rebuildArticleEntities } from '../ingest/persist/rebuildArticleEntities.js';
import { enqueueEvents } from '../webhooks/enqueueEvent.js';
import { lockEntity, readName } from './editEntities.js';
import type { MovedFacts } from './mergeEntities.js';
import { recordAudit } from './recordAudit.js';

type MentionKey = Extract<FactRef, { kind: 'MENTION' }>;

/**
 * Moves the given mentions and quotes of an entity to a new entity named `name`, of the same
 * kind, in the caller's transaction. When the name is that of an entity merged into this one,
 * the split undoes the merge: the old entity comes back with its id and slug (its redirect is
 * removed) and the roles, quotes it spoke for and aliases the merge moved go back with it.
 * The name stops being an alias of the source, so later imports link it to the new entity.
 * Throws BAD_USER_INPUT for a mention or quote that is not the source's, CONFLICT when another
 * entity of the kind has the name. Returns the new entity's id.
 */
export async function splitEntity(
  sql: Sql,
  viewer: Viewer,
  id: string,
  newName: string,
  mentions: readonly MentionKey[],
  quoteIds: readonly string[],
): Promise<string> {
  const source = await lockEntity(sql, id);
  const { name, key } = readName(newName, 'name');
  if (key === source.nameKey) throw new AppError(ErrorCode.BAD_USER_INPUT, 'name: is the entity’s own name', { argument: 'name' });
  const [redirect] = await sql.rows<{ oldId: string; oldSlug: string; kind: string; moved: MovedFacts }>(
    `SELECT "oldId"::text AS "oldId", "oldSlug", kind::text AS kind, moved FROM entity_redirect WHERE "entityId" = $1::uuid AND "oldNameKey" = $2 FOR UPDATE`,
    id,
    key,
  );
  const kind = redirect?.kind ?? source.kind;
  const [taken] = await sql.rows(`SELECT 1 FROM entity WHERE kind = $1::"EntityKind" AND "nameKey" = $2`, kind, key);
  if (taken) throw new AppError(ErrorCode.CONFLICT, `name: another ${kind.toLowerCase()} is named ${JSON.stringify(name)}`, { argument: 'name' });
  const [created] = await sql.rows<{ id: string; slug: string }>(
    `INSERT INTO entity (id, kind, name, slug, "nameKey", "needsReview", "createdAt", "updatedAt")
     SELECT COALESCE($1::uuid, gen_random_uuid()), $2::"EntityKind", $3, s.slug, $4, false, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
     FROM (SELECT CASE WHEN EXISTS (SELECT 1 FROM entity WHERE kind = $2::"EntityKind" AND slug = $5)
                       THEN $5 || '-' || left(md5($4), 8) ELSE $5 END AS slug) s
     RETURNING id::text AS id, slug`,
    redirect?.oldId ?? null,
    kind,
    name,
    key,
    redirect?.oldSlug ?? slugify(name),
  );
  const target = created!.id;
  const movedMentions = await sql.rows<{ articleId: string }>(
    `UPDATE mention m SET "entityId" = $2::uuid FROM json_to_recordset($3::json) AS x(a uuid, s int, e int)
     WHERE m."entityId" = $1::uuid AND m."articleId" = x.a AND m.start = x.s AND m."end" = x.e RETURNING m."articleId"::text AS "articleId"`,
    id,
    target,
    JSON.stringify(mentions.map((m) => ({ a: m.articleId, s: m.start, e: m.end }))),
  );
  if (movedMentions.length !== mentions.length)
    throw new AppError(ErrorCode.BAD_USER_INPUT, `mentionIds: some are not mentions of ${source.name}`, { argument: 'mentionIds' });
  const movedQuotes = await sql.run(
    `UPDATE quote SET "speakerId" = $2::uuid WHERE "speakerId" = $1::uuid AND id IN (SELECT (json_array_elements_text($3::json))::uuid)`,
    id,
    target,
    JSON.stringify(quoteIds),
  );
  if (movedQuotes !== new Set(quoteIds).size)
    throw new AppError(ErrorCode.BAD_USER_INPUT, `quoteIds: some are not quotes of ${source.name}`, { argument: 'quoteIds' });
  if (redirect) await undoMerge(sql, id, target, redirect.moved);
  await sql.run(`DELETE FROM entity_alias WHERE "entityId" = $1::uuid AND "nameKey" = $2`, id, key);
  const articles = [...movedMentions.map((m) => m.articleId), ...(redirect?.moved.mentions.map((m) => m.articleId) ?? [])];
  await rebuildArticleEntities(sql, articles);
  await recordAudit(sql, viewer, [
    {
      action: 'splitEntity',
      subjectType: 'Entity',
      subjectId: id,
      before: source,
      after: { created: { id: target, name, slug: created!.slug }, mentions: mentions.length, quotes: quoteIds.length, undidMerge: !!redirect },
    },
  ]);
  await enqueueEvents(sql, [
    { event: 'entity.split', orderKey: id, data: { entity: { id, kind: source.kind, split: { id: target, name, slug: created!.slug } } } },
  ]);
  return target;
}

/** Moves back what a merge moved and the split did not name: roles, the quotes it spoke for, its aliases; the redirect goes. */
async function undoMerge(sql: Sql, survivor: string, restored: string, moved: MovedFacts): Promise<void> {
  const ids = (list: readonly string[]) => JSON.stringify(list);
  await sql.run(
    `UPDATE affiliation SET "personId" = $2::uuid WHERE "personId" = $1::uuid AND id IN (SELECT (json_array_elements_text($3::json))::uuid)`,
    survivor,
    restored,
    ids(moved.personRoles),
  );
  await sql.run(
    `UPDATE affiliation SET "organizationId" = $2::uuid WHERE "organizationId" = $1::uuid AND id IN (SELECT (json_array_elements_text($3::json))::uuid)`,
    survivor,
    restored,
    ids(moved.organizationRoles),
  );
  await sql.run(
    `UPDATE quote SET "speakerAffiliationId" = $2::uuid WHERE "speakerAffiliationId" = $1::uuid AND id IN (SELECT (json_array_elements_text($3::json))::uuid)`,
    survivor,
    restored,
    ids(moved.affiliationQuotes),
  );
  await sql.run(
    `INSERT INTO entity_alias (id, "entityId", name, "nameKey", source)
     SELECT gen_random_uuid(), $1::uuid, x.name, x."nameKey", x.source::"AliasSource" FROM json_to_recordset($2::json) AS x(name text, "nameKey" text, source text)
     ON CONFLICT DO NOTHING`,
    restored,
    JSON.stringify(moved.aliases),
  );
  await sql.run(
    `DELETE FROM entity_alias WHERE "entityId" = $1::uuid AND "nameKey" IN (SELECT x."nameKey" FROM json_to_recordset($2::json) AS x("nameKey" text))`,
    survivor,
    JSON.stringify(moved.aliases),
  );
  await sql.run(`DELETE FROM entity_redirect WHERE "oldId" = $1::uuid`, restored);
}
