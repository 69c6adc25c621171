import type { Sql } from '../db/sql.js';
import { cancelScheduled, enqueueEvents, type PendingEvent } from '../webhooks/enqueueEvent.js';
import { articleEventData, isPublicNow } from './articleEvents.js';
import type { ArticleState } from './articleState.js';
import { recordRevisions, type RevisionAction } from './recordRevision.js';

/** A change to one article, as every write (import, API, publication) describes it. */
export interface ArticleChange {
  id: string;
  slug: string;
  /** The article's version after the change. */
  version: number;
  action: RevisionAction;
  /** null for a new article. */
  before: ArticleState | null;
  after: ArticleState;
}

/** The webhook events one change causes, in the order receivers get them. */
export function eventsOf(change: ArticleChange, now: Date): Omit<PendingEvent, 'orderKey' | 'data'>[] {
  const { before, after, action } = change;
  if (action === 'DELETE') return [{ event: 'article.deleted' }];
  const events: Omit<PendingEvent, 'orderKey' | 'data'>[] = [];
  const wasPublic = before !== null && isPublicNow(before, now);
  const publishAt = after.publishedAt ? new Date(after.publishedAt) : null;
  const scheduled = after.status === 'PUBLISHED' && publishAt !== null && publishAt.getTime() > now.getTime();
  const contentChanged = before !== null && (action === 'UPDATE' || action === 'RESTORE');
  if (contentChanged) events.push({ event: 'article.updated' });
  if (after.status === 'PUBLISHED' && !wasPublic) events.push({ event: 'article.published', notBefore: scheduled ? publishAt : null });
  if (wasPublic && !isPublicNow(after, now)) events.push({ event: 'article.unpublished' });
  return events;
}

/**
 * Records changes to articles in the caller's transaction: one revision each (who, when, what
 * changed, the state after) and the webhook events they cause (`article.published` when an
 * article becomes public, waiting until its publication time when that is to come;
 * `article.updated`, `article.unpublished`, `article.deleted`). A scheduled publication is
 * cancelled first when the article's publication state changes. Three statements for any
 * number of changes, so the import pays little for it.
 */
export async function recordArticleChanges(sql: Sql, changes: readonly ArticleChange[], actor: string, publicBaseUrl: string | null): Promise<void> {
  if (!changes.length) return;
  const now = new Date();
  await recordRevisions(
    sql,
    changes.map((change) => ({ articleId: change.id, version: change.version, action: change.action, actor, before: change.before, after: change.after })),
  );
  const moved = changes.filter(
    (c) => c.before !== null && (c.before.status !== c.after.status || c.before.publishedAt !== c.after.publishedAt || c.action === 'DELETE'),
  );
  await cancelScheduled(
    sql,
    'article.published',
    moved.map((c) => c.id),
  );
  await enqueueEvents(
    sql,
    changes.flatMap((change) =>
      eventsOf(change, now).map((event) => ({
        ...event,
        orderKey: change.id,
        data: articleEventData({ id: change.id, slug: change.slug, version: change.version, state: change.after }, publicBaseUrl),
      })),
    ),
  );
}
