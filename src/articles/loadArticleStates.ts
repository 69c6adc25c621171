import type { Sql } from '../db/sql.js';
import type { ArticleState } from './articleState.js';

/** An article's version and state as stored. */
export interface VersionedState {
  id: string;
  slug: string;
  /** The article's identity in the write path (see ArticleSource). */
  sourceKey: string;
  sourcePath: string | null;
  version: number;
  state: ArticleState;
}

/**
 * The stored version and state of each article (one statement), by id; `lock` holds the rows
 * until the caller's transaction ends, so concurrent writes to one article take turns.
 */
export async function loadArticleStates(sql: Sql, ids: readonly string[], lock = false): Promise<Map<string, VersionedState>> {
  const out = new Map<string, VersionedState>();
  if (!ids.length) return out;
  const rows = await sql.rows<
    { id: string; slug: string; sourceKey: string; sourcePath: string | null; version: number } & Omit<ArticleState, 'publishedAt'> & {
        publishedAt: Date | null;
      }
  >(
    `SELECT a.id::text AS id, a.slug, a."sourceKey", a."sourcePath", a.version, a.title, a.paragraphs, a.byline, a.section, a."sourceUrl", a.status::text AS status, a."publishedAt",
            ARRAY(SELECT t.name FROM article_tag x JOIN tag t ON t.id = x."tagId" WHERE x."articleId" = a.id AND x.kind = 'EDITOR' ORDER BY t.name) AS tags
     FROM article a WHERE a.id IN (SELECT (json_array_elements_text($1::json))::uuid)${lock ? ' ORDER BY a.id FOR UPDATE OF a' : ''}`,
    JSON.stringify(ids),
  );
  for (const { id, slug, sourceKey, sourcePath, version, publishedAt, ...state } of rows) {
    out.set(id, { id, slug, sourceKey, sourcePath, version, state: { ...state, publishedAt: publishedAt?.toISOString() ?? null } });
  }
  return out;
}
