import type { ArticleState } from '../articles/articleState.js';
import { loadArticleStates, type VersionedState } from '../articles/loadArticleStates.js';
import { recordArticleChanges, type ArticleChange } from '../articles/recordArticleChanges.js';
import type { Sql } from '../db/sql.js';
import type { BatchOutcome, StoredOutcome } from './articleOutcome.js';
import { isUnchanged } from './persist/findStoredVersions.js';
import { openEntityIndex } from './persist/openEntityIndex.js';
import { reanchorReviewedFacts } from './persist/reanchorReviewedFacts.js';
import { resolveBatch } from './persist/resolveBatch.js';
import { upsertArticles } from './persist/upsertArticles.js';
import { writeBatch } from './persist/writeBatch.js';
import { sectionOf, type ArticlePlan } from './planArticle.js';
import type { PlannedArticle } from './plannedArticle.js';
import { emptyAcronyms, type AcronymIndex } from './registry/acronymIndex.js';

export interface StorePlannedOptions {
  /**
   * The acronym index of the caller's run or process, kept across calls so stored organizations
   * are loaded once and then checked with one count per call. Default: a fresh one (a full load).
   */
  acronyms?: AcronymIndex;
  /** Who the revisions name: a token's name for the API; default "import". */
  actor?: string;
  /** How an update is recorded: UPDATE (default), or RESTORE when it brings back a revision. */
  updateAction?: 'UPDATE' | 'RESTORE';
  /** Base of public story URLs for webhook payloads (`PUBLIC_BASE_URL`), or null. */
  publicBaseUrl?: string | null;
  /** Write every article, even one whose stored version has its content hash (a restore of the publication state). */
  force?: boolean;
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
    !options.force && stored && isUnchanged(stored, plan.contentHash, plan.extractorVersion)
      ? { status: 'unchanged', articleId: stored.id, slug: stored.slug }
      : null,
  );
  const toWrite = batch.filter((_, i) => outcomes[i] === null);
  if (!toWrite.length) return { articles: outcomes as StoredOutcome[], createdEntities: [], createdTags: [] };
  // What the updated articles were, for their revisions (none on a first import).
  // Their rows are locked until the transaction ends: an editor's write to one of them waits.
  const before = await loadArticleStates(
    sql,
    toWrite.flatMap(({ stored }) => (stored ? [stored.id] : [])),
    true,
  );
  // Articles first: a batch another writer stored meanwhile stops here, before any other work.
  const articles = await upsertArticles(sql, toWrite);
  // Facts an editor reviewed follow their words into the new text (before re-extracted facts go in).
  await reanchorReviewedFacts(
    sql,
    toWrite.flatMap(({ plan }, i) => {
      const was = before.get(articles[i]!.articleId);
      return was ? [{ id: was.id, before: was.state, after: plan }] : [];
    }),
  );
  const resolution = await resolveBatch(sql, toWrite, await openEntityIndex(sql, options.acronyms ?? emptyAcronyms()));
  const written = await writeBatch(sql, toWrite, articles, resolution);
  await recordArticleChanges(
    sql,
    toWrite
      .map(({ plan }, i) => changeOf(plan, articles[i]!, before.get(articles[i]!.articleId) ?? null, options.updateAction ?? 'UPDATE'))
      // A forced re-extraction that changed nothing an editor sees is not a revision.
      .filter((change) => change.before === null || change.action !== 'UPDATE' || JSON.stringify(change.before) !== JSON.stringify(change.after)),
    options.actor ?? 'import',
    options.publicBaseUrl ?? null,
  );
  let next = 0;
  return { ...written, articles: outcomes.map((outcome) => outcome ?? written.articles[next++]!) };
}

/** A stored article's change, its state after taken from what was just written (see upsertArticles). */
function changeOf(plan: ArticlePlan, outcome: StoredOutcome, before: VersionedState | null, updateAction: 'UPDATE' | 'RESTORE'): ArticleChange {
  const after: ArticleState = {
    title: plan.title,
    paragraphs: plan.paragraphs,
    byline: plan.source.byline,
    section: sectionOf(plan.source) ?? before?.state.section ?? null,
    sourceUrl: plan.source.sourceUrl,
    status: plan.source.status ?? before?.state.status ?? 'PUBLISHED',
    publishedAt: plan.source.publishedAt?.toISOString() ?? null,
    tags: plan.tags
      .filter((tag) => tag.kind === 'EDITOR')
      .map((tag) => tag.name)
      .sort(),
  };
  return before
    ? { id: outcome.articleId, slug: outcome.slug, version: before.version + 1, action: updateAction, before: before.state, after }
    : { id: outcome.articleId, slug: outcome.slug, version: 1, action: 'CREATE', before: null, after };
}
