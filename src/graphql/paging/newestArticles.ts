import { sortKey, type SortKey } from './sortKey.js';

/**
 * Newest first, the default order of every list of articles and of what they hold (index
 * `article_newest_idx`), over the article aliased `a`: undated stories last. `outer`: the
 * article is outer-joined, so its created date can be NULL too. Callers add the keys that make
 * each row's place unique.
 */
export function newestArticles(outer = false): SortKey[] {
  return [
    sortKey('publishedAt', 'a."publishedAt"', 'timestamp', 'DESC', { nullable: true, nullsLast: true }),
    sortKey('createdAt', 'a."createdAt"', 'timestamp', 'DESC', { nullable: outer }),
  ];
}
