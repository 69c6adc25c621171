import type { ReviewKind } from '../generated/schemaTypes.js';
import { and, columns, join, raw, sql, type Reader, type Sql } from '../read/sql.js';

/** Which items the queue holds. */
export interface ReviewFilter {
  kinds: readonly ReviewKind[];
  articleId: string | null;
  minConfidence: number | null;
  maxConfidence: number | null;
}

/** A queue item's key and order, before its row is loaded. */
export interface QueueEntry {
  kind: ReviewKind;
  /** A quote's or role's id, an entity's id, or a mention's article id. */
  id: string;
  start: number | null;
  end: number | null;
  confidence: number;
}

/**
 * The review queue as SQL: AUTO quotes, mentions and roles, and entities flagged for review,
 * least confident first; ties go to the facts of the entities in the most articles (the ones
 * readers meet most), then in text order. Each branch is served by a partial index on the
 * confidence of AUTO facts.
 */
function queueSql(filter: ReviewFilter): Sql {
  const confidence = (column: string) =>
    and([
      ...(filter.minConfidence === null ? [] : [sql`${raw(column)} >= ${filter.minConfidence}`]),
      ...(filter.maxConfidence === null ? [] : [sql`${raw(column)} <= ${filter.maxConfidence}`]),
    ]);
  const inArticle = (column: string) => (filter.articleId === null ? sql`TRUE` : sql`${raw(column)} = ${filter.articleId}::uuid`);
  const weight = (entity: string) => sql`COALESCE((SELECT w.n FROM weights w WHERE w."entityId" = ${raw(entity)}), 0)`;
  const branches: Sql[] = [];
  if (filter.kinds.includes('QUOTE')) {
    branches.push(sql`SELECT 'QUOTE' AS kind, q.id::text AS id, q.start, q."end", q.confidence, ${weight('q."speakerId"')} AS weight
      FROM quote q WHERE q.status = 'AUTO' AND ${inArticle('q."articleId"')} AND ${confidence('q.confidence')}`);
  }
  if (filter.kinds.includes('MENTION')) {
    branches.push(sql`SELECT 'MENTION', m."articleId"::text, m.start, m."end", m.confidence, ${weight('m."entityId"')}
      FROM mention m WHERE m.status = 'AUTO' AND ${inArticle('m."articleId"')} AND ${confidence('m.confidence')}`);
  }
  if (filter.kinds.includes('ROLE')) {
    branches.push(sql`SELECT 'ROLE', f.id::text, NULL::int, NULL::int, f.confidence, ${weight('f."personId"')}
      FROM affiliation f WHERE f.status = 'AUTO' AND ${inArticle('f."articleId"')} AND ${confidence('f.confidence')}`);
  }
  if (filter.kinds.includes('ENTITY') && filter.articleId === null) {
    // An unsure entity waits with the lowest confidence: deciding it settles many facts.
    branches.push(sql`SELECT 'ENTITY', e.id::text, NULL::int, NULL::int, 0::float8, ${weight('e.id')}
      FROM entity e WHERE e."needsReview" AND ${confidence('0')}`);
  }
  if (!branches.length) branches.push(sql`SELECT NULL::text, NULL::text, NULL::int, NULL::int, NULL::float8, NULL::bigint WHERE FALSE`);
  return sql`WITH weights AS MATERIALIZED (SELECT "entityId", count(*) AS n FROM article_entity GROUP BY "entityId"),
    queue (kind, id, start, "end", confidence, weight) AS (${join(branches, ' UNION ALL ')})`;
}

/** How many items wait. */
export async function countQueue(read: Reader, filter: ReviewFilter): Promise<number> {
  const [row] = await read<{ n: number }>(sql`${queueSql(filter)} SELECT count(*)::int AS n FROM queue`);
  return row?.n ?? 0;
}

/** One page of the queue, in review order. */
export function pageQueue(read: Reader, filter: ReviewFilter, skip: number, take: number): Promise<QueueEntry[]> {
  return read<QueueEntry>(sql`${queueSql(filter)}
    SELECT kind, id, start, "end", confidence FROM queue ORDER BY confidence ASC, weight DESC, kind, id, start OFFSET ${skip} LIMIT ${take}`);
}

/** Entities that may be the same as an unsure one: of its kind, sharing its last word or containing its name. */
export function candidatesOf(read: Reader, entityId: string) {
  return read<never>(sql`
    SELECT ${columns.entity('c')} FROM entity e JOIN entity c ON c.kind = e.kind AND c.id <> e.id
    WHERE e.id = ${entityId}::uuid
      AND (reverse(split_part(reverse(c."nameKey"), ' ', 1)) = reverse(split_part(reverse(e."nameKey"), ' ', 1))
           OR (' ' || c."nameKey" || ' ') LIKE ('% ' || e."nameKey" || ' %'))
    ORDER BY (SELECT count(*) FROM article_entity x WHERE x."entityId" = c.id) DESC, c.name
    LIMIT 5`);
}
