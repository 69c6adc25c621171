import type { Viewer } from '../access/viewer.js';
import type { Sql } from '../db/sql.js';
import { AppError, ErrorCode } from '../errors.js';
import { enqueuePublicationEvents } from './articleEvents.js';
import { lockArticle, type ArticleState } from './articleState.js';
import { recordRevision } from './recordRevision.js';

export interface PublicationChange {
  id: string;
  version: number;
  /** PUBLISH: now (null) or at a moment (a future one schedules); UNPUBLISH: back to draft. */
  action: 'PUBLISH' | 'UNPUBLISH';
  at?: Date | null;
}

/**
 * Publishes, schedules or unpublishes an article in the caller's transaction: checks the
 * version (CONFLICT), sets status and publication time, bumps the version, records a revision
 * and writes the webhook events. Returns the article's id and new version.
 */
export async function changePublication(
  sql: Sql,
  viewer: Viewer,
  change: PublicationChange,
  publicBaseUrl: string | null,
): Promise<{ id: string; version: number }> {
  const article = await lockArticle(sql, change.id, change.version);
  const before = article.state;
  let after: ArticleState;
  if (change.action === 'PUBLISH') {
    if (change.at && Number.isNaN(change.at.getTime())) throw new AppError(ErrorCode.BAD_USER_INPUT, 'at: not an ISO 8601 date', { argument: 'at' });
    // Without `at`, a past publication date stands (an imported story keeps its date); a future one or none becomes now.
    const now = new Date();
    const keep = before.publishedAt !== null && new Date(before.publishedAt).getTime() <= now.getTime();
    const publishedAt = change.at ?? (keep ? new Date(before.publishedAt!) : now);
    after = { ...before, status: 'PUBLISHED', publishedAt: publishedAt.toISOString() };
  } else {
    after = { ...before, status: 'DRAFT' };
  }
  const version = article.version + 1;
  await sql.run(
    `UPDATE article SET status = $2::"ArticleStatus", "publishedAt" = $3::timestamptz AT TIME ZONE 'UTC', version = $4, "updatedAt" = now() AT TIME ZONE 'UTC' WHERE id = $1::uuid`,
    article.id,
    after.status,
    after.publishedAt,
    version,
  );
  await recordRevision(sql, { articleId: article.id, version, action: change.action, actor: viewer.name, before, after });
  await enqueuePublicationEvents(sql, { id: article.id, slug: article.slug, version, state: after }, before, publicBaseUrl);
  return { id: article.id, version };
}
