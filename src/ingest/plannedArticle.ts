import type { StoredVersion } from './persist/findStoredVersions.js';
import type { ArticlePlan } from './planArticle.js';

/** An article ready to store: what extraction planned, and the stored version it replaces (null: a new article). */
export interface PlannedArticle {
  plan: ArticlePlan;
  /** As read before extraction; storing checks it still holds (see storePlannedArticles). */
  stored: StoredVersion | null;
}
