import type { Sql, SqlDatabase } from '../../db/sql.js';
import type { ArticleOutcome, BatchOutcome } from '../articleOutcome.js';
import { isUnchanged } from '../persist/findStoredVersions.js';
import { openEntityIndex } from '../persist/openEntityIndex.js';
import { resolveBatch } from '../persist/resolveBatch.js';
import type { PlannedArticle } from '../plannedArticle.js';
import type { AcronymIndex } from '../registry/acronymIndex.js';
import type { EntityIndex } from '../registry/entityIndex.js';
import type { BatchSink } from './batchSink.js';

/**
 * A dry run's sink: decides what storing each batch would do, with reads only: which articles
 * are new, changed or unchanged, and which people, organizations, places and tags would be
 * created. The same resolution as the store, against the stored entities plus those earlier
 * batches of the run would create, so the run's state is carried from batch to batch.
 */
export function createPreviewSink(db: SqlDatabase, acronyms: AcronymIndex): BatchSink {
  /** Names seen so far plus the entities the run would create; opened at the first batch. */
  let index: EntityIndex | null = null;
  /** Content hash per source key the run would have written. */
  const written = new Map<string, string>();
  /** Slugs of tags the run would create. */
  const newTags = new Set<string>();

  return {
    async store(batch) {
      if (!batch.length) return { articles: [], createdEntities: [], createdTags: [] };
      const articles: ArticleOutcome[] = [];
      const writing: PlannedArticle[] = [];
      for (const { plan, stored } of batch) {
        const earlier = written.get(plan.source.sourceKey);
        const same = earlier === plan.contentHash || (earlier === undefined && isUnchanged(stored, plan.contentHash, plan.extractorVersion));
        articles.push({
          status: same ? 'unchanged' : stored || earlier !== undefined ? 'updated' : 'created',
          articleId: stored?.id ?? null,
          slug: stored?.slug ?? null,
        });
        if (same) continue;
        written.set(plan.source.sourceKey, plan.contentHash);
        writing.push({ plan, stored });
      }
      try {
        // Reads only, in one transaction so JIT can be turned off for it alone (see takeImportLock).
        return await db.transaction(async (sql) => {
          await sql.rows(`SELECT set_config('jit', 'off', true)`);
          index ??= await openEntityIndex(sql, acronyms);
          return { articles, ...(await wouldCreate(sql, writing, index)) };
        });
      } catch (error) {
        return { articles: batch.map(() => ({ status: 'failed', error })), createdEntities: [], createdTags: [] };
      }
    },
  };

  async function wouldCreate(sql: Sql, writing: PlannedArticle[], index: EntityIndex): Promise<Omit<BatchOutcome, 'articles'>> {
    const resolution = await resolveBatch(sql, writing, index);
    const tags = [...new Map(writing.flatMap((w) => w.plan.tags).map((t) => [t.slug, t.name])).entries()].filter(([slug]) => !newTags.has(slug));
    const existing = tags.length
      ? new Set(
          (
            await sql.rows<{ slug: string }>(
              `SELECT slug FROM tag WHERE slug IN (SELECT json_array_elements_text($1::json))`,
              JSON.stringify(tags.map(([slug]) => slug)),
            )
          ).map((r) => r.slug),
        )
      : new Set<string>();
    const created = tags.filter(([slug]) => !existing.has(slug));
    for (const [slug] of created) newTags.add(slug);
    return { createdEntities: resolution.created.map((e) => ({ kind: e.kind, name: e.name })), createdTags: created.map(([, name]) => name) };
  }
}
