import type { Viewer } from '../../access/viewer.js';
import type { EntityKind, EntityWhereInput, OrganizationWhereInput, PersonWhereInput } from '../generated/schemaTypes.js';
import { escapeLike } from '../read/escapeLike.js';
import { and, join, sql, visible, type Sql } from '../read/sql.js';

/** `PersonWhereInput`, `OrganizationWhereInput`, `PlaceWhereInput` and `EntityWhereInput` in one shape. */
export type AnyEntityWhere = EntityWhereInput & PersonWhereInput & OrganizationWhereInput;

/**
 * An entity filter as an SQL condition on the entity aliased `e`; `kind` pins the type of a
 * root list. Roles and quotes it looks through are the ones the viewer may see.
 */
export function entityWhere(viewer: Viewer, input: AnyEntityWhere | null | undefined, kind?: EntityKind): Sql {
  const conditions: Sql[] = [];
  if (kind) conditions.push(sql`e.kind = ${kind}::"EntityKind"`);
  if (!input) return and(conditions);
  if (input.kind) conditions.push(sql`e.kind = ${input.kind}::"EntityKind"`);
  if (input.slug) conditions.push(sql`e.slug = ${input.slug}`);
  if (input.slugIn) conditions.push(input.slugIn.length ? sql`e.slug IN (${join(input.slugIn)})` : sql`FALSE`);
  const text = input.nameContains?.trim();
  if (text) {
    const pattern = `%${escapeLike(text)}%`;
    conditions.push(sql`(e.name ILIKE ${pattern} OR EXISTS (SELECT 1 FROM entity_alias al WHERE al."entityId" = e.id AND al.name ILIKE ${pattern}))`);
  }
  if (input.affiliation) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM affiliation af JOIN entity o ON o.id = af."organizationId" WHERE af."personId" = e.id AND o.slug = ${input.affiliation} AND ${visible(viewer, 'fact', 'af')})`,
    );
  }
  if (input.member) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM affiliation af JOIN entity p ON p.id = af."personId" WHERE af."organizationId" = e.id AND p.slug = ${input.member} AND ${visible(viewer, 'fact', 'af')})`,
    );
  }
  if (typeof input.hasQuotes === 'boolean') {
    const quotes = sql`EXISTS (SELECT 1 FROM quote q WHERE q."speakerId" = e.id AND ${visible(viewer, 'fact', 'q')})`;
    conditions.push(input.hasQuotes ? quotes : sql`NOT ${quotes}`);
  }
  return and(conditions);
}
