import type { BatchOutcome } from '../articleOutcome.js';
import type { PlannedArticle } from '../plannedArticle.js';

/** Where an import's planned batches go: the store (createWriteSink) or a dry run (createPreviewSink). */
export interface BatchSink {
  /**
   * Stores (or previews) a batch, in order. Never rejects: an article that cannot be stored
   * gets a `failed` outcome with its reason, and the others are still stored.
   */
  store(batch: readonly PlannedArticle[]): Promise<BatchOutcome>;
}
