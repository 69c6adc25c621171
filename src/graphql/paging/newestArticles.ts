import { sortKey, type SortKey } from './sortKey.js';

/**
 * Newest first, the default order of every list of articles and of what they hold (index
 * `article_newest_idx`), over the article aliased `a`: undated stories last. `outer`: the
 * article is outer-joined, so its created date can be NULL too. Callers add the keys that make
 * each row's place unique.
 */
export function newestArticles(outer = false, columns = { publishedAt: 'a."publishedAt"', createdAt: 'a."createdAt"' }): SortKey[] {
  return [
    sortKey('publishedAt', columns.publishedAt, 'timestamp', 'DESC', { nullable: true, nullsLast: true }),
    sortKey('createdAt', columns.createdAt, 'timestamp', 'DESC', { nullable: outer }),
  ];
}

/**
 * The same order (same keys, so the same cursors) over a quote's or a role's copy of its
 * article's dates (kept by triggers, see the fact_article_order migration), aliased `fact`: a
 * parent's facts are then a range scan of an index of the fact's table, with no article read.
 */
export function newestArticlesOf(fact: string, outer = false): SortKey[] {
  return newestArticles(outer, { publishedAt: `${fact}."articlePublishedAt"`, createdAt: `${fact}."articleCreatedAt"` });
}
