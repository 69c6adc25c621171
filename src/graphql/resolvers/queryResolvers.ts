import type { GraphQLResolveInfo } from 'graphql';
import { visibleSql } from '../../access/visibility.js';
import { hasRole, type Viewer } from '../../access/viewer.js';
import { AppError, ErrorCode } from '../../errors.js';
import type { Context } from '../context.js';
import type { EntityKind, QueryResolvers, SortDirection } from '../generated/schemaTypes.js';
import { fromGlobalId, type NodeType } from '../globalId.js';
import { windowOf, type PageArgs } from '../paginate.js';
import { listPage } from '../read/listPage.js';
import { prefetchSelection } from '../read/prefetchSelection.js';
import { columns, sql, visible, type Sql } from '../read/sql.js';
import type { Entity } from '../../generated/prisma/client.js';
import type { EntityRow } from '../rows.js';
import { asArticle, asEntity, asQuote, asTag } from '../read/tagRows.js';
import { articleWhere } from '../where/articleWhere.js';
import { entityWhere, type AnyEntityWhere } from '../where/entityWhere.js';
import { orderByOf, sortBy } from '../where/orderByOf.js';
import { newestArticles } from '../paging/newestArticles.js';
import { sortKey } from '../paging/sortKey.js';
import { quoteWhere } from '../where/quoteWhere.js';
import { tagWhere } from '../where/tagWhere.js';

const KIND_OF: Partial<Record<NodeType, EntityKind>> = { Person: 'PERSON', Organization: 'ORGANIZATION', Place: 'PLACE' };

async function nodeById(globalId: string, ctx: Context, argument: string) {
  const { type, id } = fromGlobalId(globalId, argument);
  const kind = KIND_OF[type];
  if (kind) {
    const entity = await ctx.loaders.entityById.load(id);
    if (entity) return entity.kind === kind ? entity : null;
    // An entity merged into another: its old ID answers the survivor, marked as a redirect.
    return redirected(ctx, sql`r."oldId" = ${id}::uuid`);
  }
  if (type === 'Article') return ctx.loaders.articleById.load(id);
  if (type === 'Quote') return ctx.loaders.quoteById.load(id);
  if (type === 'Webhook') {
    if (!hasRole(ctx.viewer, 'ADMIN')) return null;
    const webhook = await ctx.prisma.webhook.findUnique({ where: { id }, omit: { secret: true } });
    return webhook ? { ...webhook, __typename: 'Webhook' as const } : null;
  }
  return ctx.loaders.tagById.load(id);
}

/** Counts that lists sort by, over what the viewer may see. */
const counted = {
  quotesOfArticle: (viewer: Viewer) => `(SELECT count(*) FROM quote cq WHERE cq."articleId" = a.id AND ${visibleSql(viewer, 'fact', 'cq')})`,
  quotesOfEntity: (viewer: Viewer) => `(SELECT count(*) FROM quote cq WHERE cq."speakerId" = e.id AND ${visibleSql(viewer, 'fact', 'cq')})`,
  articlesOf: (viewer: Viewer, link: string, key: string, alias: string) =>
    `(SELECT count(*) FROM ${link} cx JOIN article ca ON ca.id = cx."articleId" WHERE cx."${key}" = ${alias}.id AND ${visibleSql(viewer, 'article', 'ca')})`,
};

function entityPage(
  kind: EntityKind,
  args: PageArgs & { where?: AnyEntityWhere | null; orderBy?: Record<string, SortDirection | null | undefined>[] | null },
  ctx: Context,
  info: GraphQLResolveInfo,
) {
  return listPage(
    ctx,
    windowOf(args, ctx.maxPageSize),
    {
      select: columns.entity('e'),
      from: sql`entity e`,
      where: sql`${visible(ctx.viewer, 'entity', 'e')} AND ${entityWhere(ctx.viewer, args.where, kind)}`,
      ordering: {
        connection: kind.toLowerCase(),
        keys: orderByOf(
          args.orderBy,
          {
            name: sortBy('name', 'e.name', 'text'),
            articleCount: sortBy('articleCount', counted.articlesOf(ctx.viewer, 'article_entity', 'entityId', 'e'), 'bigint'),
            quoteCount: sortBy('quoteCount', counted.quotesOfEntity(ctx.viewer), 'bigint'),
          },
          [sortKey('name', 'e.name', 'text')],
          [sortKey('id', 'e.id', 'uuid')],
        ),
      },
      map: asEntity,
    },
    info,
  );
}

function entityBySlug(kind: EntityKind): NonNullable<QueryResolvers['person']> {
  return async (_, args, ctx, info) => {
    // The entity's page in one statement: the entity and what the query reaches from it.
    const row = await prefetchSelection(
      ctx,
      info,
      'entity',
      sql`SELECT ${columns.entity('e')} FROM entity e WHERE e.kind = ${kind}::"EntityKind" AND e.slug = ${args.slug} AND ${visible(ctx.viewer, 'entity', 'e', { fewRows: true })}`,
    );
    if (row) return asEntity(row as never);
    // The slug of an entity merged into another answers the survivor (if it is still of this kind).
    const survivor = await redirected(ctx, sql`r.kind = ${kind}::"EntityKind" AND r."oldSlug" = ${args.slug}`);
    return survivor?.kind === kind ? survivor : null;
  };
}

/** The survivor of a merge a redirect matching `where` leads to, marked with where it was reached from; null if none (or not visible). */
async function redirected(ctx: Context, where: Sql): Promise<EntityRow | null> {
  const [row] = await ctx.read<Entity & { r_oldId: string; r_oldSlug: string; r_oldName: string; r_kind: Entity['kind'] }>(
    sql`SELECT ${columns.entity('e')}, r."oldId"::text AS "r_oldId", r."oldSlug" AS "r_oldSlug", r."oldName" AS "r_oldName", r.kind::text AS "r_kind"
        FROM entity_redirect r JOIN entity e ON e.id = r."entityId" WHERE ${where} AND ${visible(ctx.viewer, 'entity', 'e')}`,
  );
  if (!row) return null;
  const { r_oldId, r_oldSlug, r_oldName, r_kind, ...entity } = row;
  return { ...asEntity(entity), redirectedFrom: { oldId: r_oldId, oldSlug: r_oldSlug, oldName: r_oldName, kind: r_kind } };
}

export const queryResolvers: QueryResolvers = {
  node: (_, args, ctx) => nodeById(args.id, ctx, 'id'),
  nodes: (_, args, ctx) => {
    if (args.ids.length > ctx.maxPageSize) throw new AppError(ErrorCode.BAD_USER_INPUT, `ids: at most ${ctx.maxPageSize} IDs per request`, { argument: 'ids' });
    return Promise.all(args.ids.map((id, i) => nodeById(id, ctx, `ids[${i}]`)));
  },
  article: async (_, args, ctx, info) => {
    // The article page in one statement: the article and what the query reaches from it.
    const row = await prefetchSelection(
      ctx,
      info,
      'article',
      sql`SELECT ${columns.article('a')} FROM article a WHERE a.slug = ${args.slug} AND ${visible(ctx.viewer, 'article', 'a')}`,
    );
    return row ? asArticle(row as never) : null;
  },
  articles: (_, args, ctx, info) =>
    listPage(
      ctx,
      windowOf(args, ctx.maxPageSize),
      {
        select: columns.article('a'),
        from: sql`article a`,
        where: sql`${visible(ctx.viewer, 'article', 'a')} AND ${articleWhere(ctx.viewer, args.where)}`,
        ordering: {
          connection: 'articles',
          keys: orderByOf(
            args.orderBy,
            {
              publishedAt: sortBy('publishedAt', 'a."publishedAt"', 'timestamp', true),
              createdAt: sortBy('createdAt', 'a."createdAt"', 'timestamp'),
              title: sortBy('title', 'a.title', 'text'),
              wordCount: sortBy('wordCount', 'a."wordCount"', 'int'),
              quoteCount: sortBy('quoteCount', counted.quotesOfArticle(ctx.viewer), 'bigint'),
            },
            newestArticles(),
            [sortKey('id', 'a.id', 'uuid')],
          ),
        },
        map: asArticle,
      },
      info,
    ),
  person: entityBySlug('PERSON'),
  people: (_, args, ctx, info) => entityPage('PERSON', args, ctx, info),
  organization: entityBySlug('ORGANIZATION'),
  organizations: (_, args, ctx, info) => entityPage('ORGANIZATION', args, ctx, info),
  place: entityBySlug('PLACE'),
  places: (_, args, ctx, info) => entityPage('PLACE', args, ctx, info),
  quotes: (_, args, ctx, info) =>
    listPage(
      ctx,
      windowOf(args, ctx.maxPageSize),
      {
        select: columns.quote('q'),
        from: sql`quote q JOIN article a ON a.id = q."articleId"`,
        where: sql`${visible(ctx.viewer, 'fact', 'q')} AND ${quoteWhere(args.where)}`,
        ordering: {
          connection: 'quotes',
          keys: orderByOf(
            args.orderBy,
            { publishedAt: sortBy('publishedAt', 'a."publishedAt"', 'timestamp', true), confidence: sortBy('confidence', 'q.confidence', 'float8') },
            newestArticles(),
            [sortKey('articleId', 'q."articleId"', 'uuid'), sortKey('start', 'q.start', 'int'), sortKey('id', 'q.id', 'uuid')],
          ),
        },
        map: asQuote,
      },
      info,
    ),
  tag: async (_, args, ctx) => {
    const [row] = await ctx.read<never>(sql`SELECT ${columns.tag('t')} FROM tag t WHERE t.slug = ${args.slug} AND ${visible(ctx.viewer, 'tag', 't')}`);
    return row ? asTag(row) : null;
  },
  tags: (_, args, ctx, info) =>
    listPage(
      ctx,
      windowOf(args, ctx.maxPageSize),
      {
        select: columns.tag('t'),
        from: sql`tag t`,
        where: sql`${visible(ctx.viewer, 'tag', 't')} AND ${tagWhere(args.where)}`,
        ordering: {
          connection: 'tags',
          keys: orderByOf(
            args.orderBy,
            {
              name: sortBy('name', 't.name', 'text'),
              articleCount: sortBy('articleCount', counted.articlesOf(ctx.viewer, 'article_tag', 'tagId', 't'), 'bigint'),
            },
            [sortKey('name', 't.name', 'text')],
            [sortKey('id', 't.id', 'uuid')],
          ),
        },
        map: asTag,
      },
      info,
    ),
};
