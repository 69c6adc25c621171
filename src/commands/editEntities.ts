import type { Viewer } from '../access/viewer.js';
import type { Sql } from '../db/sql.js';
import { AppError, ErrorCode } from '../errors.js';
import { nameKey } from '../ingest/nameKey.js';
import { enqueueEvents } from '../webhooks/enqueueEvent.js';
import { recordAudit } from './recordAudit.js';

export type EntityKind = 'PERSON' | 'ORGANIZATION' | 'PLACE';

/** An entity as the editing commands see it. */
export interface EntityState {
  id: string;
  kind: EntityKind;
  name: string;
  slug: string;
  nameKey: string;
}

/** Reads and locks an entity; NOT_FOUND naming the argument when there is none. */
export async function lockEntity(sql: Sql, id: string, argument = 'id'): Promise<EntityState> {
  const [row] = await sql.rows<EntityState>(`SELECT id::text AS id, kind::text AS kind, name, slug, "nameKey" FROM entity WHERE id = $1::uuid FOR UPDATE`, id);
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `${argument}: no such person, organization or place`, { argument });
  return row;
}

/** A display name: one line, with a letter or digit (BAD_USER_INPUT otherwise). */
export function readName(value: string, argument: string): { name: string; key: string } {
  const name = value.replace(/\s+/g, ' ').trim();
  const key = nameKey(name);
  if (!key || name.length > 200)
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument}: ${JSON.stringify(value)} is not a name (a letter or digit, at most 200 characters)`, {
      argument,
    });
  return { name, key };
}

/** Records an entity edit: an audit entry and `entity.updated`. */
export async function entityEdited(sql: Sql, viewer: Viewer, action: string, before: EntityState, after: unknown): Promise<void> {
  await recordAudit(sql, viewer, [{ action, subjectType: 'Entity', subjectId: before.id, before, after }]);
  await enqueueEvents(sql, [{ event: 'entity.updated', orderKey: before.id, data: { entity: { id: before.id, kind: before.kind, action } } }]);
}

/** Another entity of `kind` already named `key`: the editor should merge instead (CONFLICT). */
async function assertNameFree(sql: Sql, kind: EntityKind, key: string, except: string, argument: string): Promise<void> {
  const [other] = await sql.rows<{ name: string }>(
    `SELECT name FROM entity WHERE kind = $1::"EntityKind" AND "nameKey" = $2 AND id <> $3::uuid`,
    kind,
    key,
    except,
  );
  if (other)
    throw new AppError(ErrorCode.CONFLICT, `${argument}: another ${kind.toLowerCase()} is named ${JSON.stringify(other.name)}; merge the two instead`, {
      argument,
    });
}

/** Renames an entity; its old name stays as an alias (later imports still link it) and its slug stays (links survive). */
export async function renameEntity(sql: Sql, viewer: Viewer, id: string, newName: string): Promise<string> {
  const before = await lockEntity(sql, id);
  const { name, key } = readName(newName, 'name');
  await assertNameFree(sql, before.kind, key, id, 'name');
  await sql.run(`UPDATE entity SET name = $2, "nameKey" = $3, "updatedAt" = now() AT TIME ZONE 'UTC' WHERE id = $1::uuid`, id, name, key);
  await sql.run(
    `INSERT INTO entity_alias (id, "entityId", name, "nameKey", source) SELECT gen_random_uuid(), $1::uuid, $2, $3, 'EDITOR'
     WHERE $3 <> $4 ON CONFLICT DO NOTHING`,
    id,
    before.name,
    before.nameKey,
    key,
  );
  await sql.run(`DELETE FROM entity_alias WHERE "entityId" = $1::uuid AND "nameKey" = $2`, id, key);
  await entityEdited(sql, viewer, 'renameEntity', before, { name });
  return id;
}

/** Adds another name for an entity (source EDITOR): later imports link the name to it. */
export async function addAlias(sql: Sql, viewer: Viewer, id: string, alias: string): Promise<string> {
  const before = await lockEntity(sql, id);
  const { name, key } = readName(alias, 'alias');
  if (key === before.nameKey) throw new AppError(ErrorCode.BAD_USER_INPUT, 'alias: is the entity’s own name', { argument: 'alias' });
  await sql.run(
    `INSERT INTO entity_alias (id, "entityId", name, "nameKey", source) VALUES (gen_random_uuid(), $1::uuid, $2, $3, 'EDITOR')
     ON CONFLICT ("entityId", "nameKey") DO UPDATE SET name = EXCLUDED.name, source = 'EDITOR'`,
    id,
    name,
    key,
  );
  await entityEdited(sql, viewer, 'addAlias', before, { alias: name });
  return id;
}

/** Removes a name from an entity's aliases; NOT_FOUND when it has no such alias. */
export async function removeAlias(sql: Sql, viewer: Viewer, id: string, alias: string): Promise<string> {
  const before = await lockEntity(sql, id);
  const removed = await sql.run(`DELETE FROM entity_alias WHERE "entityId" = $1::uuid AND "nameKey" = $2`, id, nameKey(alias));
  if (!removed) throw new AppError(ErrorCode.NOT_FOUND, `alias: ${JSON.stringify(alias)} is not an alias of ${before.name}`, { argument: 'alias' });
  await entityEdited(sql, viewer, 'removeAlias', before, { removed: alias });
  return id;
}

/** Changes an entity's kind (a place that is a party becomes an organization). CONFLICT when the kind already has that name or slug. */
export async function setEntityKind(sql: Sql, viewer: Viewer, id: string, kind: EntityKind): Promise<string> {
  const before = await lockEntity(sql, id);
  if (before.kind === kind) return id;
  await assertNameFree(sql, kind, before.nameKey, id, 'kind');
  const [slugTaken] = await sql.rows(`SELECT 1 FROM entity WHERE kind = $1::"EntityKind" AND slug = $2`, kind, before.slug);
  const slug = slugTaken ? `${before.slug}-${kind.toLowerCase()}` : before.slug;
  await sql.run(`UPDATE entity SET kind = $2::"EntityKind", slug = $3, "updatedAt" = now() AT TIME ZONE 'UTC' WHERE id = $1::uuid`, id, kind, slug);
  // A profile belongs to a kind: what was known as a place is not an organization's profile.
  await sql.run(`DELETE FROM person WHERE "entityId" = $1::uuid AND $2 <> 'PERSON'`, id, kind);
  await sql.run(`DELETE FROM organization WHERE "entityId" = $1::uuid AND $2 <> 'ORGANIZATION'`, id, kind);
  await sql.run(`DELETE FROM place WHERE "entityId" = $1::uuid AND $2 <> 'PLACE'`, id, kind);
  await entityEdited(sql, viewer, 'setEntityKind', before, { kind, slug });
  return id;
}
