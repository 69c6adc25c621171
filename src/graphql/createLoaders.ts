import DataLoader from 'dataloader';
import type { PrismaClient } from '../db/createPrisma.js';

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
 * costs one SQL statement per relation and level, however many parents it has.
 */
export function createLoaders(prisma: PrismaClient) {
  return {
    articleById: new DataLoader(async (ids: readonly string[]) => byId(ids, await prisma.article.findMany({ where: { id: { in: [...ids] } } }))),
    entityById: new DataLoader(async (ids: readonly string[]) => byId(ids, await prisma.entity.findMany({ where: { id: { in: [...ids] } } }))),
    aliasesByEntity: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await prisma.entityAlias.findMany({ where: { entityId: { in: [...ids] } }, orderBy: { name: 'asc' } }), (row) => row.entityId),
    ),
    quotesByArticle: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await prisma.quote.findMany({ where: { articleId: { in: [...ids] }, ...visible }, orderBy: { start: 'asc' } }), (row) => row.articleId),
    ),
    quotesBySpeaker: new DataLoader(async (ids: readonly string[]) =>
      groupBy(
        ids,
        await prisma.quote.findMany({ where: { speakerId: { in: [...ids] }, ...visible }, orderBy: [{ article: { createdAt: 'desc' } }, { articleId: 'asc' }, { start: 'asc' }] }),
        (row) => row.speakerId!,
      ),
    ),
    mentionsByArticle: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await prisma.mention.findMany({ where: { articleId: { in: [...ids] }, ...visible }, orderBy: { start: 'asc' } }), (row) => row.articleId),
    ),
    entitiesByArticle: new DataLoader(async (ids: readonly string[]) =>
      groupBy(
        ids,
        await prisma.articleEntity.findMany({ where: { articleId: { in: [...ids] } }, include: { entity: true }, orderBy: { firstStart: 'asc' } }),
        (row) => row.articleId,
      ).map((rows) => rows.map((row) => row.entity)),
    ),
    articlesByEntity: new DataLoader(async (ids: readonly string[]) =>
      groupBy(
        ids,
        await prisma.articleEntity.findMany({ where: { entityId: { in: [...ids] } }, include: { article: true }, orderBy: [{ article: { createdAt: 'desc' } }, { articleId: 'asc' }] }),
        (row) => row.entityId,
      ).map((rows) => rows.map((row) => row.article)),
    ),
    articleCountByEntity: new DataLoader(async (ids: readonly string[]) =>
      countsBy(
        ids,
        (await prisma.articleEntity.groupBy({ by: ['entityId'], where: { entityId: { in: [...ids] } }, _count: { _all: true } })).map((row) => ({ key: row.entityId, count: row._count._all })),
      ),
    ),
    rolesByPerson: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await prisma.affiliation.findMany({ where: { personId: { in: [...ids] }, ...visible }, orderBy: { role: 'asc' } }), (row) => row.personId),
    ),
    rolesByOrganization: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await prisma.affiliation.findMany({ where: { organizationId: { in: [...ids] }, ...visible }, orderBy: { role: 'asc' } }), (row) => row.organizationId!),
    ),
    tagsByArticle: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await prisma.articleTag.findMany({ where: { articleId: { in: [...ids] } }, include: { tag: true }, orderBy: { tag: { name: 'asc' } } }), (row) => row.articleId).map(
        (rows) => rows.map((row) => row.tag),
      ),
    ),
    articlesByTag: new DataLoader(async (ids: readonly string[]) =>
      groupBy(
        ids,
        await prisma.articleTag.findMany({ where: { tagId: { in: [...ids] } }, include: { article: true }, orderBy: [{ article: { createdAt: 'desc' } }, { articleId: 'asc' }] }),
        (row) => row.tagId,
      ).map((rows) => rows.map((row) => row.article)),
    ),
    articleCountByTag: new DataLoader(async (ids: readonly string[]) =>
      countsBy(ids, (await prisma.articleTag.groupBy({ by: ['tagId'], where: { tagId: { in: [...ids] } }, _count: { _all: true } })).map((row) => ({ key: row.tagId, count: row._count._all }))),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
