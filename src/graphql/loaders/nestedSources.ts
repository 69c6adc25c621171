import type { Viewer } from '../../access/viewer.js';
import { columns, raw, sql, visible, type Sql } from '../read/sql.js';
import { asArticle, asEntity, asQuote, asRole, asMention, asTag } from '../read/tagRows.js';
import type { NestedSource } from './nestedPageLoader.js';

/** Newest first, as every article list is ordered; the id keeps offsets stable. */
const NEWEST = sql`a."publishedAt" desc nulls last, a."createdAt" desc, a.id`;
const kindIs = (alias: string, kind: string | undefined) => (kind ? sql`${raw(alias)}.kind = ${kind}::"EntityKind"` : sql`true`);

/**
 * The SQL of every paged relation (see `nestedPageLoader`) for one viewer: each applies the
 * access rule, and rows come back shaped like Prisma's models, tagged with their GraphQL type.
 */
export function nestedSources(viewer: Viewer) {
  const fact = (alias: string, article?: string): Sql => visible(viewer, 'fact', alias, { article });
  const article = visible(viewer, 'article', 'a');
  /** A person's or an organization's (`parent`) visible roles, newest article first. */
  const roles = (parent: Sql): NestedSource => ({
    select: columns.affiliation('af'),
    from: sql`affiliation af left join article a on a.id = af."articleId"`,
    parent,
    where: fact('af', 'a'),
    // Roles an editor set (no article) first, then as read, newest article first.
    orderBy: sql`(af."articleId" is null) desc, af.since desc nulls last, ${NEWEST}, af.role, af.id`,
    map: asRole,
  });
  return {
    quotesByArticle: (): NestedSource => ({
      select: columns.quote('q'),
      from: sql`quote q`,
      parent: sql`q."articleId"`,
      where: fact('q'),
      orderBy: sql`q.start, q.id`,
      map: asQuote,
    }),
    /** Mentions in text order; the variant is a comma-separated list of forms to keep. */
    mentionsByArticle: (forms: string | undefined): NestedSource => ({
      select: columns.mention('m'),
      from: sql`mention m`,
      parent: sql`m."articleId"`,
      where: forms ? sql`${fact('m')} and m.form::text = ANY(${forms.split(',')}::text[])` : fact('m'),
      orderBy: sql`m.start, m."end"`,
      map: asMention,
    }),
    /** Entities of one kind (the variant) in order of first mention. */
    entitiesByArticle: (kind: string | undefined): NestedSource => ({
      select: columns.entity('e'),
      from: sql`article_entity ae join entity e on e.id = ae."entityId"`,
      parent: sql`ae."articleId"`,
      where: kindIs('e', kind),
      orderBy: sql`ae."firstStart", e.id`,
      map: asEntity,
    }),
    tagsByArticle: (): NestedSource => ({
      select: columns.tag('t'),
      from: sql`article_tag atg join tag t on t.id = atg."tagId"`,
      parent: sql`atg."articleId"`,
      where: sql`true`,
      orderBy: sql`t.name, t.id`,
      map: asTag,
    }),
    articlesByEntity: (): NestedSource => ({
      select: columns.article('a'),
      from: sql`article_entity ae join article a on a.id = ae."articleId"`,
      parent: sql`ae."entityId"`,
      where: article,
      orderBy: NEWEST,
      map: asArticle,
    }),
    quotesBySpeaker: (): NestedSource => ({
      select: columns.quote('q'),
      from: sql`quote q join article a on a.id = q."articleId"`,
      parent: sql`q."speakerId"`,
      where: fact('q', 'a'),
      orderBy: sql`${NEWEST}, q.start, q.id`,
      map: asQuote,
    }),
    /** Quotes in articles that mention the entity, said by someone else (nor by a spokesperson for it). */
    quotedAboutByEntity: (): NestedSource => ({
      select: columns.quote('q'),
      from: sql`article_entity ae join quote q on q."articleId" = ae."articleId" join article a on a.id = q."articleId"`,
      parent: sql`ae."entityId"`,
      where: sql`${fact('q', 'a')} and q."speakerId" is distinct from ae."entityId" and q."speakerAffiliationId" is distinct from ae."entityId"`,
      orderBy: sql`${NEWEST}, q.start, q.id`,
      map: asQuote,
    }),
    /** Entities (of one kind, the variant) sharing visible articles with the parent, most shared first. */
    coMentionedByEntity: (kind: string | undefined): NestedSource => ({
      select: sql`${columns.entity('e')}, count(*)::int as "sharedArticles"`,
      from: sql`article_entity ae join article a on a.id = ae."articleId" join article_entity other on other."articleId" = ae."articleId" and other."entityId" <> ae."entityId" join entity e on e.id = other."entityId"`,
      parent: sql`ae."entityId"`,
      where: sql`${kindIs('e', kind)} and ${article}`,
      groupBy: sql`ae."entityId", e.id`,
      orderBy: sql`count(*) desc, e.name, e.id`,
      map: asEntity,
    }),
    rolesByPerson: (): NestedSource => roles(sql`af."personId"`),
    rolesByOrganization: (): NestedSource => roles(sql`af."organizationId"`),
    /** An article's revisions, newest first (the field checks the viewer's role). */
    revisionsByArticle: (): NestedSource => ({
      select: sql`r.*`,
      from: sql`article_revision r`,
      parent: sql`r."articleId"`,
      where: sql`true`,
      orderBy: sql`r.version desc`,
      map: (row: never) => row,
    }),
    articlesByTag: (): NestedSource => ({
      select: columns.article('a'),
      from: sql`article_tag atg join article a on a.id = atg."articleId"`,
      parent: sql`atg."tagId"`,
      where: article,
      orderBy: NEWEST,
      map: asArticle,
    }),
  };
}
