import type { TestDatabase } from './testDatabases.js';

/** Everything an import writes, as comparable facts (ids differ between databases, names and slugs must not). */
export async function importSnapshot(test: Pick<TestDatabase, 'db'>) {
  const q = <T>(sql: string) => test.db.prisma.$queryRawUnsafe<T[]>(sql);
  return {
    counts: await q(`SELECT (SELECT count(*) FROM article)::int AS articles, (SELECT count(*) FROM entity)::int AS entities,
      (SELECT count(*) FROM entity WHERE "needsReview")::int AS flagged, (SELECT count(*) FROM entity_alias)::int AS aliases,
      (SELECT count(*) FROM mention)::int AS mentions, (SELECT count(*) FROM quote)::int AS quotes, (SELECT count(*) FROM affiliation)::int AS affiliations,
      (SELECT count(*) FROM article_entity)::int AS "articleEntities", (SELECT count(*) FROM tag)::int AS tags, (SELECT count(*) FROM article_tag)::int AS "articleTags"`),
    entities: await q(`SELECT kind::text, name, slug, "needsReview" FROM entity ORDER BY kind, slug`),
    articles: await q(`SELECT slug, "sourceKey", "contentHash" FROM article ORDER BY slug`),
    speakers: await q(
      `SELECT a.slug, q.start, e.slug AS speaker FROM quote q JOIN article a ON a.id = q."articleId" LEFT JOIN entity e ON e.id = q."speakerId" ORDER BY 1, 2`,
    ),
    people: await q(
      `SELECT e.slug, count(DISTINCT ae."articleId")::int AS articles FROM entity e JOIN article_entity ae ON ae."entityId" = e.id GROUP BY 1 ORDER BY 1`,
    ),
  };
}
