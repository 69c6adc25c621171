import type { Viewer } from '../access/viewer.js';
import type { Sql } from '../db/sql.js';
import { AppError, ErrorCode } from '../errors.js';
import { slugify } from '../ingest/nameKey.js';
import { enqueueEvents } from '../webhooks/enqueueEvent.js';
import { recordAudit } from './recordAudit.js';

interface TagState {
  id: string;
  name: string;
  slug: string;
  kind: string;
}

async function lockTag(sql: Sql, id: string, argument: string): Promise<TagState> {
  const [row] = await sql.rows<TagState>(`SELECT id::text AS id, name, slug, kind::text AS kind FROM tag WHERE id = $1::uuid FOR UPDATE`, id);
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `${argument}: no such tag`, { argument });
  return row;
}

function readTagName(value: string): string {
  const name = value.replace(/\s+/g, ' ').trim();
  if (!name || name.length > 100 || !slugify(name))
    throw new AppError(ErrorCode.BAD_USER_INPUT, `name: ${JSON.stringify(value)} is not a tag name (1 to 100 characters with a letter or digit)`, {
      argument: 'name',
    });
  return name;
}

async function tagChanged(sql: Sql, viewer: Viewer, action: string, subject: string, before: unknown, after: unknown): Promise<void> {
  await recordAudit(sql, viewer, [{ action, subjectType: 'Tag', subjectId: subject, before, after }]);
  await enqueueEvents(sql, [{ event: 'tag.updated', orderKey: subject, data: { tag: { id: subject, action } } }]);
}

/** Creates an editor tag; CONFLICT when a tag has its slug. Returns its id. */
export async function createTag(sql: Sql, viewer: Viewer, value: string): Promise<string> {
  const name = readTagName(value);
  const [row] = await sql.rows<{ id: string }>(
    `INSERT INTO tag (id, name, slug, kind, "createdAt") VALUES (gen_random_uuid(), $1, $2, 'EDITOR', now() AT TIME ZONE 'UTC') ON CONFLICT (slug) DO NOTHING RETURNING id::text AS id`,
    name,
    slugify(name),
  );
  if (!row) throw new AppError(ErrorCode.CONFLICT, `name: a tag ${JSON.stringify(slugify(name))} exists already`, { argument: 'name' });
  await tagChanged(sql, viewer, 'createTag', row.id, null, { name });
  return row.id;
}

/** Renames a tag; its slug stays, so links survive. */
export async function renameTag(sql: Sql, viewer: Viewer, id: string, value: string): Promise<string> {
  const before = await lockTag(sql, id, 'id');
  const name = readTagName(value);
  await sql.run(`UPDATE tag SET name = $2, kind = 'EDITOR' WHERE id = $1::uuid`, id, name);
  await tagChanged(sql, viewer, 'renameTag', id, before, { name });
  return id;
}

/** Merges tags into one: their articles get `into` (as the link was: an editor's or a topic), and they are removed. */
export async function mergeTags(sql: Sql, viewer: Viewer, intoId: string, fromIds: readonly string[]): Promise<string> {
  const ids = [...new Set(fromIds)];
  if (!ids.length || ids.includes(intoId)) throw new AppError(ErrorCode.BAD_USER_INPUT, 'from: name other tags to merge', { argument: 'from' });
  const into = await lockTag(sql, intoId, 'into');
  for (const id of ids) {
    const from = await lockTag(sql, id, 'from');
    await sql.run(
      `INSERT INTO article_tag ("articleId", "tagId", kind, "addedBy") SELECT "articleId", $2::uuid, kind, "addedBy" FROM article_tag WHERE "tagId" = $1::uuid ON CONFLICT DO NOTHING`,
      id,
      intoId,
    );
    await sql.run(
      `INSERT INTO article_tag_removal ("articleId", "tagId", "removedBy", "removedAt") SELECT "articleId", $2::uuid, "removedBy", "removedAt" FROM article_tag_removal WHERE "tagId" = $1::uuid ON CONFLICT DO NOTHING`,
      id,
      intoId,
    );
    await sql.run(`DELETE FROM article_tag_removal WHERE "tagId" = $1::uuid`, id);
    await sql.run(`DELETE FROM tag WHERE id = $1::uuid`, id);
    await tagChanged(sql, viewer, 'mergeTags', intoId, from, { into });
  }
  return intoId;
}

/** Puts a tag on an article as an editor's: it survives re-imports, and an earlier removal is forgotten. */
export async function tagArticle(sql: Sql, viewer: Viewer, articleId: string, tagId: string): Promise<string> {
  await lockTag(sql, tagId, 'tagId');
  const [article] = await sql.rows(`SELECT 1 FROM article WHERE id = $1::uuid`, articleId);
  if (!article) throw new AppError(ErrorCode.NOT_FOUND, 'articleId: no such article', { argument: 'articleId' });
  await sql.run(
    `INSERT INTO article_tag ("articleId", "tagId", kind, "addedBy") VALUES ($1::uuid, $2::uuid, 'EDITOR', $3)
     ON CONFLICT ("articleId", "tagId") DO UPDATE SET kind = 'EDITOR', "addedBy" = EXCLUDED."addedBy"`,
    articleId,
    tagId,
    viewer.name,
  );
  await sql.run(`DELETE FROM article_tag_removal WHERE "articleId" = $1::uuid AND "tagId" = $2::uuid`, articleId, tagId);
  await sql.run(`UPDATE tag SET kind = 'EDITOR' WHERE id = $1::uuid`, tagId);
  await tagChanged(sql, viewer, 'tagArticle', tagId, null, { articleId });
  return articleId;
}

/** Takes a tag off an article; a re-import does not put it back (neither a source's tag nor a derived topic). */
export async function untagArticle(sql: Sql, viewer: Viewer, articleId: string, tagId: string): Promise<string> {
  const removed = await sql.run(`DELETE FROM article_tag WHERE "articleId" = $1::uuid AND "tagId" = $2::uuid`, articleId, tagId);
  if (!removed) throw new AppError(ErrorCode.NOT_FOUND, 'tagId: the article does not carry this tag', { argument: 'tagId' });
  await sql.run(
    `INSERT INTO article_tag_removal ("articleId", "tagId", "removedBy", "removedAt") VALUES ($1::uuid, $2::uuid, $3, now() AT TIME ZONE 'UTC') ON CONFLICT DO NOTHING`,
    articleId,
    tagId,
    viewer.name,
  );
  await tagChanged(sql, viewer, 'untagArticle', tagId, { articleId }, null);
  return articleId;
}
