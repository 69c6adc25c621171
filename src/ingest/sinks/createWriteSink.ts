import { isConflict } from '../../db/prismaErrors.js';
import type { SqlDatabase } from '../../db/sql.js';
import type { Logger } from '../../log.js';
import type { BatchOutcome, StoredOutcome } from '../articleOutcome.js';
import { BatchConflict } from '../persist/batchConflict.js';
import { takeImportLock } from '../persist/importLock.js';
import { refreshStoredVersions } from '../persist/refreshStoredVersions.js';
import type { PlannedArticle } from '../plannedArticle.js';
import type { AcronymIndex } from '../registry/acronymIndex.js';
import { storePlannedArticles } from '../storePlannedArticles.js';
import type { BatchSink } from './batchSink.js';

const MAX_ATTEMPTS = 5;

/** How long a batch waits for another import's batch to commit. */
const LOCK_WAIT_MS = 300_000;

/**
 * The import's store: one transaction per batch, so a batch is stored whole or not at all, a
 * killed import never leaves part of an article and a rerun finishes the job. A batch that
 * lost a race (another import stored some of its articles or names meanwhile) is retried with
 * the stored versions read again. A batch that cannot be stored is stored article by article,
 * so the one at fault is named and the others are kept.
 */
/** How the write sink stores: webhook payload links, and whether unchanged articles are written again. */
export interface WriteSinkOptions {
  publicBaseUrl?: string | null;
  force?: boolean;
}

export function createWriteSink(db: SqlDatabase, acronyms: AcronymIndex, log?: Logger, options: WriteSinkOptions = {}): BatchSink {
  return {
    async store(batch) {
      if (!batch.length) return { articles: [], createdEntities: [], createdTags: [] };
      try {
        return await persistBatch(db, batch, acronyms, options);
      } catch (error) {
        if (batch.length === 1) return failedBatch(batch, error);
        log?.debug(`batch of ${batch.length} failed (${String(error)}); storing its articles one by one`);
      }
      const out: BatchOutcome = { articles: [], createdEntities: [], createdTags: [] };
      for (const article of batch) {
        const one = await persistBatch(db, [article], acronyms, options).catch((error: unknown) => failedBatch([article], error));
        out.articles.push(...one.articles);
        out.createdEntities.push(...one.createdEntities);
        out.createdTags.push(...one.createdTags);
      }
      return out;
    },
  };
}

/** Stores a batch in one transaction under the import lock, retrying lost races. */
async function persistBatch(
  db: SqlDatabase,
  batch: readonly PlannedArticle[],
  acronyms: AcronymIndex,
  options: WriteSinkOptions,
): Promise<BatchOutcome<StoredOutcome>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await db.transaction(async (sql) => {
        await takeImportLock(sql, { waitMs: LOCK_WAIT_MS });
        // The versions read before extraction are checked as the articles are written; only a
        // batch that found them changed reads them again.
        return storePlannedArticles(sql, attempt === 1 ? batch : await refreshStoredVersions(sql, batch), {
          acronyms,
          publicBaseUrl: options.publicBaseUrl ?? null,
          force: options.force ?? false,
        });
      });
      // Counted after the commit, so a rolled-back batch leaves the count to be checked again.
      if (acronyms.organizations !== null) acronyms.organizations += outcome.createdEntities.filter((e) => e.kind === 'ORGANIZATION').length;
      return outcome;
    } catch (error) {
      const retryable = error instanceof BatchConflict || isConflict(error);
      if (!retryable || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}

function failedBatch(batch: readonly PlannedArticle[], error: unknown): BatchOutcome {
  return { articles: batch.map(() => ({ status: 'failed', error })), createdEntities: [], createdTags: [] };
}
