import type { Viewer } from '../../access/viewer.js';
import type { EntityKind } from '../generated/schemaTypes.js';
import { and, sql, visible, type Reader, type Sql } from '../read/sql.js';

/** The top entities of each kind and top tags among the matching articles, with how many articles each. */
export interface FacetCounts {
  articleCount: number;
  entities: { kind: EntityKind; id: string; count: number }[];
  tags: { id: string; count: number }[];
}

/**
 * Facet counts in one statement over the articles the viewer may see that match the full-text
 * `text` (validated search text, or null) and `where` (an `ArticleWhereInput` as SQL on `a`):
 * the matching articles are computed once (a materialised CTE) and counted by entity and by
 * tag, keeping the `limit` largest of each kind (ties by name).
 */
export async function articleFacetCounts(read: Reader, viewer: Viewer, text: string | null, where: Sql, limit: number): Promise<FacetCounts> {
  const conditions = [visible(viewer, 'article', 'a'), where];
  if (text !== null) conditions.push(sql`a."searchVector" @@ websearch_to_tsquery('english', ${text})`);
  const rows = await read<{ facet: string; id: string | null; count: number }>(sql`
    WITH matched AS MATERIALIZED (SELECT a."id" FROM "article" a WHERE ${and(conditions)}),
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
    ORDER BY facet, position`);
  const result: FacetCounts = { articleCount: 0, entities: [], tags: [] };
  for (const row of rows) {
    if (row.facet === 'ARTICLES') result.articleCount = row.count;
    else if (row.facet === 'TAG') result.tags.push({ id: row.id!, count: row.count });
    else result.entities.push({ kind: row.facet as EntityKind, id: row.id!, count: row.count });
  }
  return result;
}
