import { isConflict } from '../../db/prismaErrors.js';
import type { EntityType } from '../../extract/types.js';
import { emptyIndex } from '../registry/entityIndex.js';
import type { AcronymIndex } from '../registry/acronymIndex.js';
import { refreshAcronyms } from './refreshAcronyms.js';
import { BatchConflict } from './batchConflict.js';
import { findStoredVersions, isUnchanged, type StoredVersion } from './findStoredVersions.js';
import { resolveBatch } from './resolveBatch.js';
import type { SqlDatabase } from '../../db/sql.js';
import { writeBatch, type BatchArticle } from './writeBatch.js';

/** Serialises import batches across processes (see persistBatch); distinct from the migration lock. */
const IMPORT_LOCK_ID = 0x53_47_49_4d; // "SGIM"

const MAX_ATTEMPTS = 5;

/** How long a batch waits for another import's batch to commit. */
const LOCK_WAIT_MS = 300_000;

export type ArticleOutcome = { status: 'created' | 'updated'; articleId: string; slug: string } | { status: 'unchanged'; articleId: string; slug: string };

/** What persisting a batch did, per article in order and in total. */
export interface BatchResult {
  articles: ArticleOutcome[];
  entitiesCreated: Record<EntityType, number>;
  tagsCreated: number;
}

/**
 * Stores a batch of planned articles in one transaction: all of them or none, so a killed
 * import never leaves part of an article and a rerun finishes the job.
 *
 * Inside the transaction, an advisory lock makes concurrent imports take turns at writing
 * (their reading and extraction still run in parallel); the stored versions are checked again
 * under the lock, so an article another run stored meanwhile is skipped as unchanged; then the
 * batch's names are resolved against the entities stored now, and everything is written with
 * one statement per table. A lost unique-key race or serialisation failure retries the batch.
 */
export async function persistBatch(db: SqlDatabase, batch: readonly BatchArticle[], acronyms: AcronymIndex): Promise<BatchResult> {
  for (let attempt = 1; ; attempt++) {
    let pendingOrganizations = 0;
    try {
      const result = await db.transaction(async (sql) => {
        // Waiting for another import's batch is not a slow statement: the lock may wait up to
        // LOCK_WAIT_MS, then the usual statement timeout applies again. JIT is off for the
        // batch: the lookups' cost estimates (tables growing faster than their statistics)
        // would have every batch spend more time compiling than running.
        const [setting] = await sql.rows<{ timeout: string }>(
          `SELECT current_setting('statement_timeout') AS timeout, set_config('statement_timeout', '${LOCK_WAIT_MS}', true), set_config('jit', 'off', true)`,
        );
        await sql.rows(`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_ID})::text, set_config('statement_timeout', $1, true)`, setting?.timeout ?? '0');
        const stored = await findStoredVersions(
          sql,
          batch.map((a) => a.plan.source.sourceKey),
        );
        const outcomes: (ArticleOutcome | null)[] = [];
        const toWrite: BatchArticle[] = [];
        for (const { plan } of batch) {
          const now: StoredVersion | null = stored.get(plan.source.sourceKey) ?? null;
          if (isUnchanged(now, plan.contentHash, plan.extractorVersion)) outcomes.push({ status: 'unchanged', articleId: now!.id, slug: now!.slug });
          else {
            outcomes.push(null);
            toWrite.push({ plan, stored: now });
          }
        }
        const none = { PERSON: 0, ORGANIZATION: 0, PLACE: 0 };
        if (!toWrite.length) return { articles: outcomes as ArticleOutcome[], entitiesCreated: none, tagsCreated: 0 };
        await refreshAcronyms(sql, acronyms);
        const index = emptyIndex();
        index.byAcronym = acronyms.byAcronym;
        const written = await writeBatch(sql, toWrite, await resolveBatch(sql, toWrite, index));
        // Known before commit, so a rolled-back batch leaves the count to be checked again.
        pendingOrganizations = written.entitiesCreated.ORGANIZATION;
        let next = 0;
        const articles = outcomes.map((o) => o ?? written.articles[next++]!);
        return { articles, entitiesCreated: written.entitiesCreated, tagsCreated: written.tagsCreated };
      });
      if (acronyms.organizations !== null) acronyms.organizations += pendingOrganizations;
      return result;
    } catch (error) {
      const retryable = error instanceof BatchConflict || isConflict(error);
      if (!retryable || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}
