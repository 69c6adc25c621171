import type { PrismaClient } from '../../db/createPrisma.js';
import { Prisma } from '../../generated/prisma/client.js';

/** Which articles to count facets over; both conditions must hold. */
export interface FacetFilter {
  /** Validated search text (see searchText), or null for no text condition. */
  text: string | null;
  /** Ids of the articles an `ArticleWhereInput` matched, or null for no filter. */
  ids: string[] | null;
}

/** The top entities of each kind and top tags among the matching articles, with how many articles each. */
export interface FacetCounts {
  articleCount: number;
  entities: { kind: 'PERSON' | 'ORGANIZATION' | 'PLACE'; id: string; count: number }[];
  tags: { id: string; count: number }[];
}

function filterSql(filter: FacetFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.text !== null) conditions.push(Prisma.sql`a."searchVector" @@ websearch_to_tsquery('english', ${filter.text})`);
  if (filter.ids !== null) conditions.push(Prisma.sql`a."id" = ANY(${filter.ids}::uuid[])`);
  return Prisma.join(conditions, ' AND ');
}

/**
 * Facet counts in one statement: the matching articles are computed once (a materialised
 * CTE) and counted by entity and by tag, keeping the `limit` largest of each kind (ties by name).
 */
export async function articleFacetCounts(prisma: PrismaClient, filter: FacetFilter, limit: number): Promise<FacetCounts> {
  const rows = await prisma.$queryRaw<{ facet: string; id: string | null; count: number }[]>`
    WITH matched AS MATERIALIZED (SELECT a."id" FROM "article" a WHERE ${filterSql(filter)}),
    entity_counts AS (
      SELECT e."kind"::text AS facet, e."id", count(*)::int AS count,
        row_number() OVER (PARTITION BY e."kind" ORDER BY count(*) DESC, e."name", e."id") AS position
      FROM matched m JOIN "article_entity" ae ON ae."articleId" = m."id" JOIN "entity" e ON e."id" = ae."entityId"
      GROUP BY e."kind", e."id", e."name"
    ),
    tag_counts AS (
      SELECT 'TAG' AS facet, t."id", count(*)::int AS count,
        row_number() OVER (ORDER BY count(*) DESC, t."name", t."id") AS position
      FROM matched m JOIN "article_tag" x ON x."articleId" = m."id" JOIN "tag" t ON t."id" = x."tagId"
      GROUP BY t."id", t."name"
    )
    SELECT facet, "id"::text AS id, count, position FROM entity_counts WHERE position <= ${limit}
    UNION ALL SELECT facet, "id"::text, count, position FROM tag_counts WHERE position <= ${limit}
    UNION ALL SELECT 'ARTICLES', NULL, count(*)::int, 0 FROM matched
    ORDER BY facet, position`;
  const result: FacetCounts = { articleCount: 0, entities: [], tags: [] };
  for (const row of rows) {
    if (row.facet === 'ARTICLES') result.articleCount = row.count;
    else if (row.facet === 'TAG') result.tags.push({ id: row.id!, count: row.count });
    else result.entities.push({ kind: row.facet as FacetCounts['entities'][number]['kind'], id: row.id!, count: row.count });
  }
  return result;
}
