import { Prisma } from '../generated/prisma/client.js';
import type { NestedSource } from './nestedPageLoader.js';

const sql = Prisma.sql;

/** Newest first, as every article list is ordered; the id keeps offsets stable. */
const NEWEST = sql`a."publishedAt" desc nulls last, a."createdAt" desc, a.id`;
const VISIBLE_QUOTE = sql`q.status <> 'REJECTED'`;
/**
 * A table's model columns, aliased. Never `alias.*`: tables also hold columns Prisma cannot
 * read (the search `tsvector`s), and naming the model's fields keeps rows shaped like Prisma's.
 */
const columns = (alias: string, fields: Record<string, string>) =>
  Prisma.raw(
    Object.values(fields)
      .map((field) => `${alias}."${field}"`)
      .join(', '),
  );
const QUOTE = columns('q', Prisma.QuoteScalarFieldEnum);
const ARTICLE = columns('a', Prisma.ArticleScalarFieldEnum);
const ENTITY = columns('e', Prisma.EntityScalarFieldEnum);
const kindIs = (alias: string, kind: string | undefined) => (kind ? sql`${Prisma.raw(alias)}.kind = ${kind}::"EntityKind"` : sql`true`);
/** Visible affiliations of a person or an organization (`parent`), newest article first. */
const roles = (parent: Prisma.Sql): NestedSource => ({
  select: columns('af', Prisma.AffiliationScalarFieldEnum),
  from: sql`affiliation af join article a on a.id = af."articleId"`,
  parent,
  where: sql`af.status <> 'REJECTED'`,
  orderBy: sql`${NEWEST}, af.role, af.id`,
});

/**
 * The SQL of every paged relation (see `nestedPageLoader`); rows come back shaped like
 * Prisma's models.
 */
export const nestedSources = {
  quotesByArticle: (): NestedSource => ({ select: QUOTE, from: sql`quote q`, parent: sql`q."articleId"`, where: VISIBLE_QUOTE, orderBy: sql`q.start, q.id` }),
  mentionsByArticle: (): NestedSource => ({
    select: columns('m', Prisma.MentionScalarFieldEnum),
    from: sql`mention m`,
    parent: sql`m."articleId"`,
    where: sql`m.status <> 'REJECTED'`,
    orderBy: sql`m.start, m."end"`,
  }),
  /** Entities of one kind (the variant) in order of first mention. */
  entitiesByArticle: (kind: string | undefined): NestedSource => ({
    select: ENTITY,
    from: sql`article_entity ae join entity e on e.id = ae."entityId"`,
    parent: sql`ae."articleId"`,
    where: kindIs('e', kind),
    orderBy: sql`ae."firstStart", e.id`,
  }),
  tagsByArticle: (): NestedSource => ({
    select: columns('t', Prisma.TagScalarFieldEnum),
    from: sql`article_tag atg join tag t on t.id = atg."tagId"`,
    parent: sql`atg."articleId"`,
    where: sql`true`,
    orderBy: sql`t.name, t.id`,
  }),
  articlesByEntity: (): NestedSource => ({
    select: ARTICLE,
    from: sql`article_entity ae join article a on a.id = ae."articleId"`,
    parent: sql`ae."entityId"`,
    where: sql`true`,
    orderBy: NEWEST,
  }),
  quotesBySpeaker: (): NestedSource => ({
    select: QUOTE,
    from: sql`quote q join article a on a.id = q."articleId"`,
    parent: sql`q."speakerId"`,
    where: VISIBLE_QUOTE,
    orderBy: sql`${NEWEST}, q.start, q.id`,
  }),
  /** Quotes in articles that mention the entity, said by someone else (nor by a spokesperson for it). */
  quotedAboutByEntity: (): NestedSource => ({
    select: QUOTE,
    from: sql`article_entity ae join quote q on q."articleId" = ae."articleId" join article a on a.id = q."articleId"`,
    parent: sql`ae."entityId"`,
    where: sql`${VISIBLE_QUOTE} and q."speakerId" is distinct from ae."entityId" and q."speakerAffiliationId" is distinct from ae."entityId"`,
    orderBy: sql`${NEWEST}, q.start, q.id`,
  }),
  /** Entities (of one kind, the variant) sharing articles with the parent, most shared first. */
  coMentionedByEntity: (kind: string | undefined): NestedSource => ({
    select: sql`${ENTITY}, count(*)::int as "sharedArticles"`,
    from: sql`article_entity ae join article_entity other on other."articleId" = ae."articleId" and other."entityId" <> ae."entityId" join entity e on e.id = other."entityId"`,
    parent: sql`ae."entityId"`,
    where: kindIs('e', kind),
    groupBy: sql`ae."entityId", e.id`,
    orderBy: sql`count(*) desc, e.name, e.id`,
  }),
  /** Roles, newest article first. */
  rolesByPerson: (): NestedSource => roles(sql`af."personId"`),
  rolesByOrganization: (): NestedSource => roles(sql`af."organizationId"`),
  articlesByTag: (): NestedSource => ({
    select: ARTICLE,
    from: sql`article_tag atg join article a on a.id = atg."articleId"`,
    parent: sql`atg."tagId"`,
    where: sql`true`,
    orderBy: NEWEST,
  }),
};
