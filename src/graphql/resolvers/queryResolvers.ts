import type { EntityKind, Prisma } from '../../generated/prisma/client.js';
import { AppError, ErrorCode } from '../../errors.js';
import type { Context } from '../context.js';
import { fromGlobalId, type NodeType } from '../globalId.js';
import { MAX_PAGE_SIZE, connectionOf, pageOf } from '../paginate.js';

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

const KIND_OF: Partial<Record<NodeType, EntityKind>> = { Person: 'PERSON', Organization: 'ORGANIZATION', Place: 'PLACE' };

async function nodeById(globalId: string, ctx: Context, argument: string) {
  const { type, id } = fromGlobalId(globalId, argument);
  const kind = KIND_OF[type];
  if (kind) {
    const entity = await ctx.loaders.entityById.load(id);
    return entity?.kind === kind ? entity : null;
  }
  if (type === 'Article') return ctx.loaders.articleById.load(id);
  if (type === 'Quote') return (await ctx.prisma.quote.findUnique({ where: { id } })) ?? null;
  return (await ctx.prisma.tag.findUnique({ where: { id } })) ?? null;
}

function entityList(kind: EntityKind) {
  return async (_: unknown, args: PageArgs & { nameContains?: string | null }, ctx: Context) => {
    const page = pageOf(args.first, args.after);
    const text = args.nameContains?.trim();
    const where: Prisma.EntityWhereInput = {
      kind,
      ...(text ? { OR: [{ name: { contains: text, mode: 'insensitive' } }, { aliases: { some: { name: { contains: text, mode: 'insensitive' } } } }] } : {}),
    };
    const [rows, total] = await Promise.all([
      ctx.prisma.entity.findMany({ where, orderBy: [{ name: 'asc' }, { id: 'asc' }], ...page }),
      ctx.prisma.entity.count({ where }),
    ]);
    return connectionOf(rows, page, total);
  };
}

function entityBySlug(kind: EntityKind) {
  return (_: unknown, args: { slug: string }, ctx: Context) => ctx.prisma.entity.findUnique({ where: { kind_slug: { kind, slug: args.slug } } });
}

export const queryResolvers = {
  node: (_: unknown, args: { id: string }, ctx: Context) => nodeById(args.id, ctx, 'id'),
  nodes: (_: unknown, args: { ids: string[] }, ctx: Context) => {
    if (args.ids.length > MAX_PAGE_SIZE) throw new AppError(ErrorCode.BAD_USER_INPUT, `ids: at most ${MAX_PAGE_SIZE} IDs per request`, { argument: 'ids' });
    return Promise.all(args.ids.map((id, i) => nodeById(id, ctx, `ids[${i}]`)));
  },
  article: (_: unknown, args: { slug: string }, ctx: Context) => ctx.prisma.article.findUnique({ where: { slug: args.slug } }),
  articles: async (_: unknown, args: PageArgs & { status?: 'DRAFT' | 'PUBLISHED' | null }, ctx: Context) => {
    const page = pageOf(args.first, args.after);
    const where: Prisma.ArticleWhereInput = args.status ? { status: args.status } : {};
    const [rows, total] = await Promise.all([
      ctx.prisma.article.findMany({ where, orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }, { id: 'asc' }], ...page }),
      ctx.prisma.article.count({ where }),
    ]);
    return connectionOf(rows, page, total);
  },
  person: entityBySlug('PERSON'),
  people: entityList('PERSON'),
  organization: entityBySlug('ORGANIZATION'),
  organizations: entityList('ORGANIZATION'),
  place: entityBySlug('PLACE'),
  places: entityList('PLACE'),
  quotes: async (_: unknown, args: PageArgs & { speaker?: string | null; article?: string | null }, ctx: Context) => {
    const page = pageOf(args.first, args.after);
    const where: Prisma.QuoteWhereInput = {
      status: { not: 'REJECTED' },
      ...(args.speaker ? { speaker: { slug: args.speaker } } : {}),
      ...(args.article ? { article: { slug: args.article } } : {}),
    };
    const [rows, total] = await Promise.all([
      ctx.prisma.quote.findMany({ where, orderBy: [{ article: { createdAt: 'desc' } }, { articleId: 'asc' }, { start: 'asc' }], ...page }),
      ctx.prisma.quote.count({ where }),
    ]);
    return connectionOf(rows, page, total);
  },
  tag: (_: unknown, args: { slug: string }, ctx: Context) => ctx.prisma.tag.findUnique({ where: { slug: args.slug } }),
  tags: (_: unknown, args: { kind?: 'EDITOR' | 'TOPIC' | null }, ctx: Context) =>
    ctx.prisma.tag.findMany({ where: args.kind ? { kind: args.kind } : {}, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
};
