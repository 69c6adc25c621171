import type { Viewer } from '../access/viewer.js';
import type { Sql } from '../db/sql.js';
import { AppError, ErrorCode } from '../errors.js';
import { encodeGlobalId } from '../content/globalId.js';
import { recordAudit } from './recordAudit.js';
import { lockEntity } from './editEntities.js';

/** A role as an editor sets it; `id` changes an existing one. Fields left out stay (for a change); null clears. */
export interface RoleInput {
  id?: string | null;
  personId?: string | null;
  title?: string | null;
  affiliationId?: string | null;
  since?: Date | null;
  until?: Date | null;
}

/**
 * Creates or changes a person's role (VERIFIED, by this editor): a new role belongs to no
 * article. The person must be a PERSON and the affiliation an organization or place.
 * Returns the role's id.
 */
export async function setRole(sql: Sql, viewer: Viewer, input: RoleInput): Promise<string> {
  const given = (key: keyof RoleInput) => input[key] !== undefined;
  let before: Record<string, unknown> | null = null;
  let personId = input.personId ?? null;
  if (input.id) {
    const [row] = await sql.rows<{ personId: string; organizationId: string | null; role: string; since: Date | null; until: Date | null }>(
      `SELECT "personId"::text AS "personId", "organizationId"::text AS "organizationId", role, since, until FROM affiliation WHERE id = $1::uuid FOR UPDATE`,
      input.id,
    );
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, 'input.id: no such role', { argument: 'input.id' });
    before = row;
    personId = given('personId') ? personId : row.personId;
  }
  if (!personId) throw new AppError(ErrorCode.BAD_USER_INPUT, 'input.personId: a new role needs its person', { argument: 'input.personId' });
  const person = await lockEntity(sql, personId, 'input.personId');
  if (person.kind !== 'PERSON') throw new AppError(ErrorCode.BAD_USER_INPUT, 'input.personId: roles are held by people', { argument: 'input.personId' });
  if (input.affiliationId) {
    const affiliation = await lockEntity(sql, input.affiliationId, 'input.affiliationId');
    if (affiliation.kind === 'PERSON')
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'input.affiliationId: a role is for an organization or a place', { argument: 'input.affiliationId' });
  }
  const title = input.title === undefined ? undefined : (input.title ?? '').replace(/\s+/g, ' ').trim();
  if (input.since && input.until && input.since.getTime() > input.until.getTime())
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'input.until: is before input.since', { argument: 'input.until' });
  const values = {
    personId,
    organizationId: given('affiliationId') ? (input.affiliationId ?? null) : ((before?.organizationId as string | null) ?? null),
    role: title ?? (before?.role as string | undefined) ?? '',
    since: given('since') ? (input.since?.toISOString() ?? null) : ((before?.since as Date | null)?.toISOString() ?? null),
    until: given('until') ? (input.until?.toISOString() ?? null) : ((before?.until as Date | null)?.toISOString() ?? null),
  };
  const [row] = await sql.rows<{ id: string }>(
    `INSERT INTO affiliation (id, "personId", "organizationId", role, "articleId", since, until, confidence, status, "reviewedBy", "reviewedAt")
     VALUES (COALESCE($1::uuid, gen_random_uuid()), $2::uuid, $3::uuid, $4, NULL, $5::timestamptz AT TIME ZONE 'UTC', $6::timestamptz AT TIME ZONE 'UTC', 1, 'VERIFIED', $7, now() AT TIME ZONE 'UTC')
     ON CONFLICT (id) DO UPDATE SET "personId" = EXCLUDED."personId", "organizationId" = EXCLUDED."organizationId", role = EXCLUDED.role,
       since = EXCLUDED.since, until = EXCLUDED.until, status = 'VERIFIED', "reviewedBy" = EXCLUDED."reviewedBy", "reviewedAt" = EXCLUDED."reviewedAt"
     RETURNING id::text AS id`,
    input.id ?? null,
    values.personId,
    values.organizationId,
    values.role,
    values.since,
    values.until,
    viewer.name,
  );
  await recordAudit(sql, viewer, [{ action: 'setRole', subjectType: 'Role', subjectId: encodeGlobalId('Role', row!.id), before, after: values }]);
  return row!.id;
}
