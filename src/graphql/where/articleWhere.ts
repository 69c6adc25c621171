import type { ArticleStatus, Prisma } from '../../generated/prisma/client.js';
import type { PrismaClient } from '../../db/createPrisma.js';
import { AppError, ErrorCode } from '../../errors.js';
import { escapeLike } from '../escapeLike.js';
import { entityWhere, type EntityWhereArgs } from './entityWhere.js';

/** `ArticleWhereInput` as resolvers receive it. */
export interface ArticleWhereArgs {
  status?: ArticleStatus | null;
  publishedAt?: { from?: string | null; to?: string | null } | null;
  tags?: { some?: string[] | null; every?: string[] | null; none?: string[] | null } | null;
  mentions?: { some?: EntityWhereArgs | null; none?: EntityWhereArgs | null } | null;
  textContains?: string | null;
  AND?: ArticleWhereArgs[] | null;
  OR?: ArticleWhereArgs[] | null;
  NOT?: ArticleWhereArgs | null;
}

/**
 * Translates `ArticleWhereInput` into Prisma's where. Async because `textContains` looks inside
 * the paragraph array, which Prisma cannot filter on: one SQL statement finds those ids first.
 * Exported for any article list that takes the same filter (facets, search).
 */
export async function articleWhere(prisma: PrismaClient, input: ArticleWhereArgs | null | undefined): Promise<Prisma.ArticleWhereInput> {
  if (!input) return {};
  const where: Prisma.ArticleWhereInput[] = [];
  if (input.status) where.push({ status: input.status });
  if (input.publishedAt) {
    const { from, to } = input.publishedAt;
    where.push({ publishedAt: { ...(from ? { gte: dateOf(from, 'publishedAt.from') } : {}), ...(to ? { lt: dateOf(to, 'publishedAt.to') } : {}) } });
  }
  const tags = input.tags;
  if (tags?.some) where.push({ tags: { some: { tag: { slug: { in: tags.some } } } } });
  for (const slug of tags?.every ?? []) where.push({ tags: { some: { tag: { slug } } } });
  if (tags?.none) where.push({ tags: { none: { tag: { slug: { in: tags.none } } } } });
  if (input.mentions?.some) where.push({ entities: { some: { entity: entityWhere(input.mentions.some) } } });
  if (input.mentions?.none) where.push({ entities: { none: { entity: entityWhere(input.mentions.none) } } });
  const text = input.textContains?.trim();
  if (text) where.push({ id: { in: await articleIdsContaining(prisma, text) } });
  if (input.AND) where.push(...(await Promise.all(input.AND.map((part) => articleWhere(prisma, part)))));
  if (input.OR) where.push({ OR: await Promise.all(input.OR.map((part) => articleWhere(prisma, part))) });
  if (input.NOT) where.push({ NOT: await articleWhere(prisma, input.NOT) });
  return { AND: where };
}

async function articleIdsContaining(prisma: PrismaClient, text: string): Promise<string[]> {
  const pattern = `%${escapeLike(text)}%`;
  const rows = await prisma.$queryRaw<
    { id: string }[]
  >`select id from article where title ilike ${pattern} or array_to_string(paragraphs, ' ') ilike ${pattern}`;
  return rows.map((row) => row.id);
}

function dateOf(value: string, argument: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `where.${argument}: ${JSON.stringify(value)} is not an ISO 8601 date`, { argument: `where.${argument}` });
  }
  return date;
}
