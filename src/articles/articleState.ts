import type { Sql } from '../db/sql.js';
import { AppError, ErrorCode } from '../errors.js';

/** An article's editable content and publication state: what a revision records and restores. */
export interface ArticleState {
  title: string;
  paragraphs: string[];
  byline: string | null;
  section: string | null;
  sourceUrl: string | null;
  status: 'DRAFT' | 'PUBLISHED';
  /** ISO 8601, or null. */
  publishedAt: string | null;
  /** Editor tags, by name, sorted. */
  tags: string[];
}

/** An article as a write finds it: its identity, version and state. */
export interface StoredArticle {
  id: string;
  slug: string;
  version: number;
  state: ArticleState;
}

/**
 * Reads an article for a write and locks its row until the transaction ends, so concurrent
 * writes to one article take turns. Throws NOT_FOUND when it does not exist and CONFLICT
 * (with `currentVersion`) when `expectedVersion` is not its version: an editor never silently
 * overwrites another's change.
 */
export async function lockArticle(sql: Sql, id: string, expectedVersion: number | null): Promise<StoredArticle> {
  const [row] = await sql.rows<
    { id: string; slug: string; version: number } & Omit<ArticleState, 'tags' | 'publishedAt'> & { publishedAt: Date | null; tags: string[] }
  >(
    `SELECT a.id::text AS id, a.slug, a.version, a.title, a.paragraphs, a.byline, a.section, a."sourceUrl", a.status::text AS status, a."publishedAt",
            ARRAY(SELECT t.name FROM article_tag x JOIN tag t ON t.id = x."tagId" WHERE x."articleId" = a.id AND x.kind = 'EDITOR' ORDER BY t.name) AS tags
     FROM article a WHERE a.id = $1::uuid FOR UPDATE`,
    id,
  );
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, 'no such article', { argument: 'id' });
  if (expectedVersion !== null && row.version !== expectedVersion) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `the article changed since version ${expectedVersion}: it is at version ${row.version}; reload it and apply your change again`,
      {
        argument: 'version',
        currentVersion: row.version,
      },
    );
  }
  const { id: articleId, slug, version, publishedAt, ...state } = row;
  return { id: articleId, slug, version, state: { ...state, publishedAt: publishedAt?.toISOString() ?? null } };
}
