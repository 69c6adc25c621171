/** What one article may hold, so that the memory an import (or a page of the API) needs per article stays bounded. */
export interface ImportLimits {
  /**
   * Most bytes of one article as read: a single-article file (text, Markdown), or one line of
   * JSON Lines. Checked before the article is held whole. `IMPORT_MAX_ARTICLE_BYTES`.
   */
  maxArticleBytes: number;
  /** Most paragraphs of one article (the headline not counted). `IMPORT_MAX_PARAGRAPHS`. */
  maxParagraphs: number;
}

/**
 * Defaults far above news (the longest of the 927 BBC articles has 25 KB and 55 paragraphs),
 * low enough that one article adds about 100 MB at most to an import (measured: 85 MB for a
 * 0.9 MB article; a 15 MB article took 1.18 GB).
 */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxArticleBytes: 1024 * 1024, maxParagraphs: 2000 };
