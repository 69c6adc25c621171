import { encodeGlobalId } from '../content/globalId.js';
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
