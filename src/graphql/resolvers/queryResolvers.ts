import type { EntityKind, Prisma, TagKind } from '../../generated/prisma/client.js';
import { AppError, ErrorCode } from '../../errors.js';
import type { Context } from '../context.js';
import { fromGlobalId, type NodeType } from '../globalId.js';
import { pageOf, windowOf, type PageArgs } from '../paginate.js';
import { articleWhere, type ArticleWhereArgs } from '../where/articleWhere.js';
import { entityWhere, type EntityWhereArgs } from '../where/entityWhere.js';
import { orderByOf, type SortDirection } from '../where/orderByOf.js';
import { quoteWhere, type QuoteWhereArgs } from '../where/quoteWhere.js';

type OrderBy = Record<string, SortDirection | null>[] | null;
type ListArgs<W> = PageArgs & { where?: W | null; orderBy?: OrderBy };

const KIND_OF: Partial<Record<NodeType, EntityKind>> = { Person: 'PERSON', Organization: 'ORGANIZATION', Place: 'PLACE' };

async function nodeById(globalId: string, ctx: Context, argument: string) {
  const { type, id } = fromGlobalId(globalId, argument);
  const kind = KIND_OF[type];
  if (kind) {
    const entity = await ctx.loaders.entityById.load(id);
    return entity?.kind === kind ? entity : null;
  }
  if (type === 'Article') return ctx.loaders.articleById.load(id);
  if (type === 'Quote') return ctx.loaders.quoteById.load(id);
  return ctx.loaders.tagById.load(id);
}

const articleOrder = {
  publishedAt: (sort: 'asc' | 'desc'): Prisma.ArticleOrderByWithRelationInput => ({ publishedAt: { sort, nulls: 'last' } }),
  createdAt: (sort: 'asc' | 'desc'): Prisma.ArticleOrderByWithRelationInput => ({ createdAt: sort }),
  title: (sort: 'asc' | 'desc'): Prisma.ArticleOrderByWithRelationInput => ({ title: sort }),
  wordCount: (sort: 'asc' | 'desc'): Prisma.ArticleOrderByWithRelationInput => ({ wordCount: sort }),
  quoteCount: (sort: 'asc' | 'desc'): Prisma.ArticleOrderByWithRelationInput => ({ quotes: { _count: sort } }),
};

const entityOrder = {
  name: (sort: 'asc' | 'desc'): Prisma.EntityOrderByWithRelationInput => ({ name: sort }),
  articleCount: (sort: 'asc' | 'desc'): Prisma.EntityOrderByWithRelationInput => ({ articles: { _count: sort } }),
  quoteCount: (sort: 'asc' | 'desc'): Prisma.EntityOrderByWithRelationInput => ({ quotes: { _count: sort } }),
};

const quoteOrder = {
  publishedAt: (sort: 'asc' | 'desc'): Prisma.QuoteOrderByWithRelationInput => ({ article: { publishedAt: { sort, nulls: 'last' } } }),
  confidence: (sort: 'asc' | 'desc'): Prisma.QuoteOrderByWithRelationInput => ({ confidence: sort }),
};

const tagOrder = {
  name: (sort: 'asc' | 'desc'): Prisma.TagOrderByWithRelationInput => ({ name: sort }),
  articleCount: (sort: 'asc' | 'desc'): Prisma.TagOrderByWithRelationInput => ({ articles: { _count: sort } }),
};

function entityList(kind: EntityKind) {
  return (_: unknown, args: ListArgs<EntityWhereArgs>, ctx: Context) => {
    const window = windowOf(args, ctx.maxPageSize);
    const where = entityWhere(args.where, kind);
    const orderBy = orderByOf(args.orderBy, entityOrder, [{ name: 'asc' }], [{ id: 'asc' }]);
    return pageOf(
      window,
      () => ctx.prisma.entity.count({ where }),
      (skip, take) => ctx.prisma.entity.findMany({ where, orderBy, skip, take }),
    );
  };
}

function entityBySlug(kind: EntityKind) {
  return (_: unknown, args: { slug: string }, ctx: Context) => ctx.prisma.entity.findUnique({ where: { kind_slug: { kind, slug: args.slug } } });
}

export const queryResolvers = {
  node: (_: unknown, args: { id: string }, ctx: Context) => nodeById(args.id, ctx, 'id'),
  nodes: (_: unknown, args: { ids: string[] }, ctx: Context) => {
    if (args.ids.length > ctx.maxPageSize) throw new AppError(ErrorCode.BAD_USER_INPUT, `ids: at most ${ctx.maxPageSize} IDs per request`, { argument: 'ids' });
    return Promise.all(args.ids.map((id, i) => nodeById(id, ctx, `ids[${i}]`)));
  },
  article: (_: unknown, args: { slug: string }, ctx: Context) => ctx.prisma.article.findUnique({ where: { slug: args.slug } }),
  articles: async (_: unknown, args: ListArgs<ArticleWhereArgs>, ctx: Context) => {
    const window = windowOf(args, ctx.maxPageSize);
    const orderBy = orderByOf(args.orderBy, articleOrder, [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }], [{ id: 'asc' }]);
    const where = await articleWhere(ctx.prisma, args.where);
    return pageOf(
      window,
      () => ctx.prisma.article.count({ where }),
      (skip, take) => ctx.prisma.article.findMany({ where, orderBy, skip, take }),
    );
  },
  person: entityBySlug('PERSON'),
  people: entityList('PERSON'),
  organization: entityBySlug('ORGANIZATION'),
  organizations: entityList('ORGANIZATION'),
  place: entityBySlug('PLACE'),
  places: entityList('PLACE'),
  quotes: (_: unknown, args: ListArgs<QuoteWhereArgs>, ctx: Context) => {
    const window = windowOf(args, ctx.maxPageSize);
    const where = quoteWhere(args.where);
    const orderBy = orderByOf(
      args.orderBy,
      quoteOrder,
      [{ article: { publishedAt: { sort: 'desc', nulls: 'last' } } }, { article: { createdAt: 'desc' } }],
      [{ articleId: 'asc' }, { start: 'asc' }, { id: 'asc' }],
    );
    return pageOf(
      window,
      () => ctx.prisma.quote.count({ where }),
      (skip, take) => ctx.prisma.quote.findMany({ where, orderBy, skip, take }),
    );
  },
  tag: (_: unknown, args: { slug: string }, ctx: Context) => ctx.prisma.tag.findUnique({ where: { slug: args.slug } }),
  tags: (_: unknown, args: ListArgs<{ kind?: TagKind | null; nameContains?: string | null }>, ctx: Context) => {
    const window = windowOf(args, ctx.maxPageSize);
    const text = args.where?.nameContains?.trim();
    const where: Prisma.TagWhereInput = {
      ...(args.where?.kind ? { kind: args.where.kind } : {}),
      ...(text ? { name: { contains: text, mode: 'insensitive' } } : {}),
    };
    const orderBy = orderByOf(args.orderBy, tagOrder, [{ name: 'asc' }], [{ id: 'asc' }]);
    return pageOf(
      window,
      () => ctx.prisma.tag.count({ where }),
      (skip, take) => ctx.prisma.tag.findMany({ where, orderBy, skip, take }),
    );
  },
};
