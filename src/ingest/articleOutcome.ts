import type { EntityType } from '../extract/types.js';

/** What storing an article did: a new article, a changed one updated in place, or nothing to write. */
export type ArticleStatus = 'created' | 'updated' | 'unchanged';

/** A stored article: what happened to it, its id and its slug. */
export interface StoredOutcome {
  status: ArticleStatus;
  articleId: string;
  slug: string;
}

/**
 * What storing one article of a batch did (or, in a dry run, would do: then `articleId` and
 * `slug` are null for an article the store does not hold yet), or why it could not be stored.
 */
export type ArticleOutcome = StoredOutcome | { status: ArticleStatus; articleId: string | null; slug: string | null } | { status: 'failed'; error: unknown };

/** What storing a batch did, per article in input order and in total. */
export interface BatchOutcome<Article extends ArticleOutcome = ArticleOutcome> {
  articles: Article[];
  /** People, organizations and places the batch created (in a dry run: would create). */
  createdEntities: { kind: EntityType; name: string }[];
  /** Names of the tags the batch created (in a dry run: would create). */
  createdTags: string[];
}
