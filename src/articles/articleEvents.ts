import { encodeGlobalId } from '../content/globalId.js';
import type { Sql } from '../db/sql.js';
import { cancelScheduled, enqueueEvent } from '../webhooks/enqueueEvent.js';
import type { ArticleState } from './articleState.js';

/** Public now: published, and its publication time (if any) has come. The same rule as src/access/visibility.ts, on a state in hand. */
export function isPublicNow(state: Pick<ArticleState, 'status' | 'publishedAt'>, now = new Date()): boolean {
  return state.status === 'PUBLISHED' && (state.publishedAt === null || new Date(state.publishedAt).getTime() <= now.getTime());
}

/** What webhook receivers learn about an article. */
export function articleEventData(
  article: { id: string; slug: string; version: number; state: ArticleState },
  publicBaseUrl: string | null,
): Record<string, unknown> {
  return {
    article: {
      id: encodeGlobalId('Article', article.id),
      slug: article.slug,
      title: article.state.title,
      status: article.state.status,
      publishedAt: article.state.publishedAt,
      section: article.state.section,
      version: article.version,
      url: publicBaseUrl ? `${publicBaseUrl}/stories/${article.slug}` : article.state.sourceUrl,
    },
  };
}

/**
 * Writes the webhook events a change of publication state causes, in the change's
 * transaction: `article.published` when the article becomes public (at its publication time
 * when that is still to come: the delivery waits for it, so nothing has to run at that
 * moment), `article.unpublished` when a public article stops being public. A scheduled
 * publication that is withdrawn or moved is cancelled first.
 */
export async function enqueuePublicationEvents(
  sql: Sql,
  article: { id: string; slug: string; version: number; state: ArticleState },
  before: ArticleState | null,
  publicBaseUrl: string | null,
): Promise<void> {
  const now = new Date();
  const wasPublic = before !== null && isPublicNow(before, now);
  const data = articleEventData(article, publicBaseUrl);
  await cancelScheduled(sql, 'article.published', article.id);
  if (article.state.status === 'PUBLISHED') {
    if (wasPublic) return;
    const at = article.state.publishedAt ? new Date(article.state.publishedAt) : null;
    await enqueueEvent(sql, 'article.published', article.id, data, at && at.getTime() > now.getTime() ? at : null);
  } else if (wasPublic) {
    await enqueueEvent(sql, 'article.unpublished', article.id, data);
  }
}
