import type { Sql } from '../../db/sql.js';
import { dedupeBy } from '../dedupeBy.js';
import type { PlannedArticle } from '../plannedArticle.js';
import { BatchConflict } from './batchConflict.js';
import { tagTable } from './tables/writtenTables.js';

/** Every tag of a batch: the id of each slug, and the names of the tags this statement created. */
export interface InsertedTags {
  ids: Map<string, string>;
  created: string[];
}

/** Inserts the batch's tags that are not stored yet (one statement, in slug order) and returns every tag's id. */
export async function insertTags(sql: Sql, batch: readonly PlannedArticle[]): Promise<InsertedTags> {
  const out: InsertedTags = { ids: new Map(), created: [] };
  const wanted = dedupeBy(
    batch.flatMap(({ plan }) => plan.tags),
    (t) => t.slug,
  ).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  if (!wanted.length) return out;
  const result = await sql.rows<{ id: string; slug: string; name: string; created: boolean }>(
    `WITH x AS (SELECT * FROM ${tagTable.from('$1', 'x')}),
     ins AS (INSERT INTO tag (id, ${tagTable.columns}, "createdAt") SELECT gen_random_uuid(), ${tagTable.select('x')}, now() FROM x ON CONFLICT DO NOTHING RETURNING id, slug, name)
     SELECT id::text AS id, slug, name, true AS created FROM ins
     UNION ALL SELECT t.id::text, t.slug, t.name, false FROM tag t JOIN x ON t.slug = x.slug`,
    tagTable.json(wanted.map(({ name, slug, kind }) => ({ name, slug, kind }))),
  );
  for (const row of result) {
    out.ids.set(row.slug, row.id);
    if (row.created) out.created.push(row.name);
  }
  for (const tag of wanted) if (!out.ids.has(tag.slug)) throw new BatchConflict(`tag ${tag.slug}`);
  return out;
}
