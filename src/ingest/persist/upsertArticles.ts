import type { Sql } from '../../db/sql.js';
import type { StoredOutcome } from '../articleOutcome.js';
import type { ArticlePlan } from '../planArticle.js';
import type { PlannedArticle } from '../plannedArticle.js';
import { BatchConflict } from './batchConflict.js';
import { freeSlugSql } from './freeSlugSql.js';
import type { RowOf } from './tables/defineTable.js';
import { articleTable } from './tables/writtenTables.js';

// What the source says about an article; `status` null means "not stated": PUBLISHED for a new
// article, unchanged for a stored one.
const CONTENT = [
  'title',
  'lead',
  'paragraphs',
  'sourcePath',
  'sourceUrl',
  'byline',
  'contentHash',
  'extractorVersion',
  'wordCount',
  'status',
  'publishedAt',
] as const;
const inserted = articleTable.pick('slug', 'sourceKey', ...CONTENT).orNull('status');
const updated = articleTable.pick('id', ...CONTENT).orNull('status');
/** The stored version an update was planned against. */
const expected = articleTable.pick('id', 'contentHash', 'extractorVersion');

/**
 * Inserts the batch's new articles and updates its changed ones (one statement each), in the
 * caller's transaction; returns each article's outcome in order. Throws BatchConflict when an
 * article is no longer as read before extraction: a new one another writer has stored since,
 * or a changed one another writer has changed again (the caller reads the versions again and
 * retries). An updated article keeps its id and slug, so links to a story survive corrections.
 */
export async function upsertArticles(sql: Sql, batch: readonly PlannedArticle[]): Promise<StoredOutcome[]> {
  const out: StoredOutcome[] = batch.map(({ stored }) => ({ status: stored ? 'updated' : 'created', articleId: stored?.id ?? '', slug: stored?.slug ?? '' }));
  const fresh = batch
    .filter((a) => !a.stored)
    .map(({ plan }): RowOf<typeof inserted> => ({ slug: plan.slug, sourceKey: plan.source.sourceKey, ...contentOf(plan) }));
  if (fresh.length) {
    const rows = await sql.rows<{ id: string; sourceKey: string; slug: string }>(
      `INSERT INTO article (id, ${inserted.columns}, "createdAt", "updatedAt")
       SELECT gen_random_uuid(), ${inserted.select('x', {
         slug: freeSlugSql({ table: 'article', alias: 'x', scope: [], identity: 'x."sourceKey"', hash: 'sha256' }),
         status: `COALESCE(x.status, 'PUBLISHED')`,
       })}, now(), now()
       FROM ${inserted.from('$1', 'x', { ordinality: true })}
       ORDER BY x."sourceKey"
       ON CONFLICT DO NOTHING
       RETURNING id::text AS id, "sourceKey", slug`,
      inserted.json(fresh),
    );
    const bySource = new Map(rows.map((r) => [r.sourceKey, r]));
    batch.forEach(({ plan, stored }, i) => {
      if (stored) return;
      const row = bySource.get(plan.source.sourceKey);
      if (!row) throw new BatchConflict(`article ${plan.source.sourceKey}`);
      out[i] = { status: 'created', articleId: row.id, slug: row.slug };
    });
  }
  const changed = batch.flatMap(({ plan, stored }) => (stored ? [{ plan, stored }] : []));
  if (changed.length) {
    const n = await sql.run(
      `UPDATE article a SET ${updated.assign('x', ['id'], { status: 'COALESCE(x.status, a.status)' })}, "updatedAt" = now()
       FROM ${updated.from('$1', 'x')}, ${expected.from('$2', 's')}
       WHERE a.id = x.id AND s.id = x.id AND a."contentHash" = s."contentHash" AND a."extractorVersion" = s."extractorVersion"`,
      updated.json(changed.map(({ plan, stored }) => ({ id: stored.id, ...contentOf(plan) }))),
      expected.json(changed.map(({ stored }) => ({ id: stored.id, contentHash: stored.contentHash, extractorVersion: stored.extractorVersion }))),
    );
    if (n !== changed.length) throw new BatchConflict(`${changed.length - n} article(s) changed by another writer`);
  }
  return out;
}

function contentOf(plan: ArticlePlan) {
  return {
    title: plan.title,
    lead: plan.lead,
    paragraphs: plan.paragraphs,
    sourcePath: plan.source.sourcePath,
    sourceUrl: plan.source.sourceUrl,
    byline: plan.source.byline,
    contentHash: plan.contentHash,
    extractorVersion: plan.extractorVersion,
    wordCount: plan.wordCount,
    status: plan.source.status ?? null,
    publishedAt: plan.source.publishedAt?.toISOString() ?? null,
  } satisfies Pick<RowOf<typeof updated>, (typeof CONTENT)[number]>;
}
