import DataLoader from 'dataloader';
import type { PrismaClient } from '../db/createPrisma.js';
import type { Affiliation, Article, Entity, Mention, Quote, Tag } from '../generated/prisma/client.js';
import { nestedPageLoader, type NestedSource } from './nestedPageLoader.js';
import { nestedSources } from './nestedSources.js';

/** Groups rows by a key, in the order of `keys`; missing keys get an empty list. */
function groupBy<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}

function byId<R extends { id: string }>(keys: readonly string[], rows: R[]): (R | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => map.get(key) ?? null);
}

function countsBy<K>(keys: readonly K[], rows: { key: K; count: number }[]): number[] {
  const map = new Map(rows.map((row) => [row.key, row.count]));
  return keys.map((key) => map.get(key) ?? 0);
}

const visible = { status: { not: 'REJECTED' as const } };

/**
 * One set of DataLoaders per request: every relation field reads through them, so a query
 * costs one SQL statement per relation and level, however many parents it has (paged
 * relations: one per distinct set of paging arguments).
 */
export function createLoaders(prisma: PrismaClient) {
  const paged = <R>(source: (variant: string | undefined) => NestedSource) => nestedPageLoader<R>(prisma, source);
  return {
    articleById: new DataLoader(async (ids: readonly string[]) => byId(ids, await prisma.article.findMany({ where: { id: { in: [...ids] } } }))),
    entityById: new DataLoader(async (ids: readonly string[]) => byId(ids, await prisma.entity.findMany({ where: { id: { in: [...ids] } } }))),
    quoteById: new DataLoader(async (ids: readonly string[]) => byId(ids, await prisma.quote.findMany({ where: { id: { in: [...ids] } } }))),
    tagById: new DataLoader(async (ids: readonly string[]) => byId(ids, await prisma.tag.findMany({ where: { id: { in: [...ids] } } }))),
    aliasesByEntity: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await prisma.entityAlias.findMany({ where: { entityId: { in: [...ids] } }, orderBy: { name: 'asc' } }), (row) => row.entityId),
    ),
    // Whole lists, for JSON-LD, which embeds every quote and mention of an article.
    quotesByArticle: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await prisma.quote.findMany({ where: { articleId: { in: [...ids] }, ...visible }, orderBy: { start: 'asc' } }), (row) => row.articleId),
    ),
    entitiesByArticle: new DataLoader(async (ids: readonly string[]) =>
      groupBy(
        ids,
        await prisma.articleEntity.findMany({ where: { articleId: { in: [...ids] } }, include: { entity: true }, orderBy: { firstStart: 'asc' } }),
        (row) => row.articleId,
      ).map((rows) => rows.map((row) => row.entity)),
    ),
    tagsByArticle: new DataLoader(async (ids: readonly string[]) =>
      groupBy(
        ids,
        await prisma.articleTag.findMany({ where: { articleId: { in: [...ids] } }, include: { tag: true }, orderBy: { tag: { name: 'asc' } } }),
        (row) => row.articleId,
      ).map((rows) => rows.map((row) => row.tag)),
    ),
    // Pages of relations: one statement per batch and set of paging arguments.
    quotePagesByArticle: paged<Quote>(nestedSources.quotesByArticle),
    mentionPagesByArticle: paged<Mention>(nestedSources.mentionsByArticle),
    entityPagesByArticle: paged<Entity>(nestedSources.entitiesByArticle),
    tagPagesByArticle: paged<Tag>(nestedSources.tagsByArticle),
    articlePagesByEntity: paged<Article>(nestedSources.articlesByEntity),
    quotePagesBySpeaker: paged<Quote>(nestedSources.quotesBySpeaker),
    quotedAboutPagesByEntity: paged<Quote>(nestedSources.quotedAboutByEntity),
    coMentionedPagesByEntity: paged<Entity & { sharedArticles: number }>(nestedSources.coMentionedByEntity),
    rolePagesByPerson: paged<Affiliation>(nestedSources.rolesByPerson),
    rolePagesByOrganization: paged<Affiliation>(nestedSources.rolesByOrganization),
    articlePagesByTag: paged<Article>(nestedSources.articlesByTag),
    articleCountByEntity: new DataLoader(async (ids: readonly string[]) =>
      countsBy(
        ids,
        (await prisma.articleEntity.groupBy({ by: ['entityId'], where: { entityId: { in: [...ids] } }, _count: { _all: true } })).map((row) => ({
          key: row.entityId,
          count: row._count._all,
        })),
      ),
    ),
    quoteCountBySpeaker: new DataLoader(async (ids: readonly string[]) =>
      countsBy(
        ids,
        (await prisma.quote.groupBy({ by: ['speakerId'], where: { speakerId: { in: [...ids] }, ...visible }, _count: { _all: true } })).map((row) => ({
          key: row.speakerId!,
          count: row._count._all,
        })),
      ),
    ),
    articleCountByTag: new DataLoader(async (ids: readonly string[]) =>
      countsBy(
        ids,
        (await prisma.articleTag.groupBy({ by: ['tagId'], where: { tagId: { in: [...ids] } }, _count: { _all: true } })).map((row) => ({
          key: row.tagId,
          count: row._count._all,
        })),
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
