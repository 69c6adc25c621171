import type { EntityType } from '../../extract/types.js';
import { isUnchanged } from './findStoredVersions.js';
import { resolveBatch } from './resolveBatch.js';
import type { EntityIndex } from '../registry/entityIndex.js';
import type { Sql, SqlDatabase } from '../../db/sql.js';
import type { BatchArticle } from './writeBatch.js';

/** What a dry run has decided so far; carried from batch to batch. */
export interface PreviewState {
  /** Names seen so far plus the entities the run would create. */
  index: EntityIndex;
  /** Content hash per source key the run would have written. */
  written: Map<string, string>;
  /** Slugs of tags the run would create. */
  newTags: Set<string>;
}

/** What one batch would do. */
export interface BatchPreview {
  statuses: ('created' | 'updated' | 'unchanged')[];
  entities: { kind: EntityType; name: string }[];
  tags: string[];
}

/**
 * Decides what writing a batch would do, with reads only: which articles are new or changed,
 * and which people, organizations, places and tags would be created. The same resolution as a
 * real import, against the stored entities plus those earlier batches of the run would create.
 */
export async function previewBatch(db: SqlDatabase, batch: readonly BatchArticle[], state: PreviewState): Promise<BatchPreview> {
  const statuses: BatchPreview['statuses'] = [];
  const writing: BatchArticle[] = [];
  for (const { plan, stored } of batch) {
    const earlier = state.written.get(plan.source.sourceKey);
    if (earlier === plan.contentHash || (earlier === undefined && isUnchanged(stored, plan.contentHash, plan.extractorVersion))) {
      statuses.push('unchanged');
      continue;
    }
    statuses.push(stored || earlier !== undefined ? 'updated' : 'created');
    state.written.set(plan.source.sourceKey, plan.contentHash);
    writing.push({ plan, stored });
  }
  // Reads only, in one transaction so JIT can be turned off for it alone (see persistBatch).
  return db.transaction(async (sql) => {
    await sql.rows(`SELECT set_config('jit', 'off', true)`);
    return previewResolved(sql, state, writing, statuses);
  });
}

async function previewResolved(sql: Sql, state: PreviewState, writing: BatchArticle[], statuses: BatchPreview['statuses']): Promise<BatchPreview> {
  const resolution = await resolveBatch(sql, writing, state.index);
  const tags = [...new Map(writing.flatMap((w) => w.plan.tags).map((t) => [t.slug, t.name])).entries()].filter(([slug]) => !state.newTags.has(slug));
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
  const newTags = tags.filter(([slug]) => !existing.has(slug));
  for (const [slug] of newTags) state.newTags.add(slug);
  return { statuses, entities: resolution.created.map((e) => ({ kind: e.kind, name: e.name })), tags: newTags.map(([, name]) => name) };
}
