import type { EntityKind, Prisma } from '../../generated/prisma/client.js';

/** `PersonWhereInput`, `OrganizationWhereInput`, `PlaceWhereInput` and `EntityWhereInput` in one shape. */
export interface EntityWhereArgs {
  kind?: EntityKind | null;
  slug?: string | null;
  slugIn?: string[] | null;
  nameContains?: string | null;
  /** Person: has a role at the organization or place with this slug. */
  affiliation?: string | null;
  /** Organization or place: has a person with this slug in a role. */
  member?: string | null;
  hasQuotes?: boolean | null;
}

const visible = { status: { not: 'REJECTED' as const } };

/** Translates an entity filter into Prisma's where; `kind` pins the type of a root list. */
export function entityWhere(input: EntityWhereArgs | null | undefined, kind?: EntityKind): Prisma.EntityWhereInput {
  const where: Prisma.EntityWhereInput[] = [];
  if (kind) where.push({ kind });
  if (!input) return { AND: where };
  if (input.kind) where.push({ kind: input.kind });
  if (input.slug) where.push({ slug: input.slug });
  if (input.slugIn) where.push({ slug: { in: input.slugIn } });
  const text = input.nameContains?.trim();
  if (text) where.push({ OR: [{ name: { contains: text, mode: 'insensitive' } }, { aliases: { some: { name: { contains: text, mode: 'insensitive' } } } }] });
  if (input.affiliation) where.push({ affiliations: { some: { ...visible, organization: { slug: input.affiliation } } } });
  if (input.member) where.push({ members: { some: { ...visible, person: { slug: input.member } } } });
  if (input.hasQuotes === true) where.push({ quotes: { some: visible } });
  if (input.hasQuotes === false) where.push({ quotes: { none: visible } });
  return { AND: where };
}
