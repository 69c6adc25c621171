import type { Sql } from '../db/sql.js';
import type { BatchOutcome, StoredOutcome } from './articleOutcome.js';
import { createExtractor, type ArticleExtractor } from './extractArticles.js';
import { takeImportLock } from './persist/importLock.js';
import { prepareArticles, type ArticleInput } from './prepareArticles.js';
import { storePlannedArticles, type StorePlannedOptions } from './storePlannedArticles.js';

export interface StoreArticlesOptions extends StorePlannedOptions {
  /** Where extraction runs; default: in this thread. The caller closes an extractor it passes. */
  extractor?: ArticleExtractor;
}

/**
 * Stores articles: the one write path of Storygraph, shared by the import (`npm run import`)
 * and the API's article writes. Each input is an article already parsed (parseArticle,
 * parseMarkdown, parseJsonLine or buildParsedArticle) with its source; its `sourceKey` is its
 * identity, distinct within a call.
 *
 * Runs inside the caller's transaction (`sql`), so the caller can write more rows (a revision,
 * a webhook outbox entry) that commit or roll back with the articles:
 * 1. takes the import lock for the rest of that transaction (writers take turns; see
 *    takeImportLock) and turns JIT off for it;
 * 2. prepareArticles: reads the stored version of every source key, hashes each input, and
 *    extracts and plans those whose content (or the extractor) changed;
 * 3. storePlannedArticles: writes the changed articles (a new source key creates an article,
 *    a known one is updated in place, keeping its id and slug), resolves their people,
 *    organizations and places against the registry, and stores entities, aliases, tags and
 *    facts. Facts an editor verified or rejected are kept and never re-created.
 *
 * Returns each input's outcome in order (`created`, `updated` or `unchanged`, with the
 * article's id and slug) and the entities and tags created. Throws, leaving the transaction
 * for the caller to roll back, when extraction fails (the extraction error), when the
 * database fails, or with BatchConflict when an article changed between steps 2 and 3
 * (only a writer that skips the import lock can cause it); nothing is stored then.
 */
export async function storeArticles(sql: Sql, inputs: readonly ArticleInput[], options: StoreArticlesOptions = {}): Promise<BatchOutcome<StoredOutcome>> {
  const keys = new Set(inputs.map((input) => input.source.sourceKey));
  if (keys.size !== inputs.length) throw new Error('storeArticles: two inputs have the same source key');
  await takeImportLock(sql);
  const extractor = options.extractor ?? createExtractor(0);
  const prepared = await prepareArticles(sql, inputs, extractor);
  if (!options.extractor) await extractor.close();
  const failed = prepared.find((p) => p.status === 'failed');
  if (failed) throw failed.error;
  const stored = await storePlannedArticles(
    sql,
    prepared.flatMap((p) => (p.status === 'planned' ? [p.article] : [])),
    options,
  );
  let next = 0;
  return {
    ...stored,
    articles: prepared.map((p) => (p.status === 'unchanged' ? { status: 'unchanged', articleId: p.stored.id, slug: p.stored.slug } : stored.articles[next++]!)),
  };
}
