import type { Sql } from '../db/sql.js';
import type { BatchOutcome, StoredOutcome } from './articleOutcome.js';
import { isUnchanged } from './persist/findStoredVersions.js';
import { openEntityIndex } from './persist/openEntityIndex.js';
import { resolveBatch } from './persist/resolveBatch.js';
import { upsertArticles } from './persist/upsertArticles.js';
import { writeBatch } from './persist/writeBatch.js';
import type { PlannedArticle } from './plannedArticle.js';
import { emptyAcronyms, type AcronymIndex } from './registry/acronymIndex.js';

export interface StorePlannedOptions {
  /**
   * The acronym index of the caller's run or process, kept across calls so stored organizations
   * are loaded once and then checked with one count per call. Default: a fresh one (a full load).
   */
  acronyms?: AcronymIndex;
}

/**
 * The second half of storeArticles: stores extracted articles inside the caller's transaction,
 * which holds the import lock (takeImportLock). An article whose stored version already has
 * its content hash and extractor version is `unchanged` and not written. The others' rows are
 * written first, checking that each is still as read (`stored`; BatchConflict if not), then
 * the batch's names are resolved against the registry as stored now, and entities, tags and
 * facts are written (writeBatch). Returns the outcome of each article in order.
 */
export async function storePlannedArticles(
  sql: Sql,
  batch: readonly PlannedArticle[],
  options: StorePlannedOptions = {},
): Promise<BatchOutcome<StoredOutcome>> {
  const outcomes = batch.map(({ plan, stored }): StoredOutcome | null =>
    stored && isUnchanged(stored, plan.contentHash, plan.extractorVersion) ? { status: 'unchanged', articleId: stored.id, slug: stored.slug } : null,
  );
  const toWrite = batch.filter((_, i) => outcomes[i] === null);
  if (!toWrite.length) return { articles: outcomes as StoredOutcome[], createdEntities: [], createdTags: [] };
  // Articles first: a batch another writer stored meanwhile stops here, before any other work.
  const articles = await upsertArticles(sql, toWrite);
  const resolution = await resolveBatch(sql, toWrite, await openEntityIndex(sql, options.acronyms ?? emptyAcronyms()));
  const written = await writeBatch(sql, toWrite, articles, resolution);
  let next = 0;
  return { ...written, articles: outcomes.map((outcome) => outcome ?? written.articles[next++]!) };
}
