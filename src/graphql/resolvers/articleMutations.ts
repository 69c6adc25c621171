import { requireRole } from '../../access/viewer.js';
import { changePublication } from '../../commands/changePublication.js';
import { deleteArticle } from '../../commands/deleteArticle.js';
import { AppError, ErrorCode } from '../../errors.js';
import type { Context } from '../context.js';
import type { CreateArticleInput, MutationResolvers, UpdateArticleInput } from '../generated/schemaTypes.js';
import { toGlobalId } from '../globalId.js';
import type { ArticleDraft } from '../../commands/articleInput.js';
import { createArticle, type WriteOptions } from '../../commands/createArticle.js';
import { restoreRevision } from '../../commands/restoreRevision.js';
import { countArticleWrite, type WriteOutcome } from '../../metrics/metrics.js';
import { updateArticle } from '../../commands/updateArticle.js';
import { columns, sql } from '../read/sql.js';
import { asArticle } from '../read/tagRows.js';
import type { ArticleRow } from '../rows.js';
import { dateOf, idOf } from './writeArgs.js';

const writeOptions = (ctx: Context): WriteOptions => ({ limits: ctx.importLimits, publicBaseUrl: ctx.publicBaseUrl });

/** The article as stored after a write (read anew: the request's loaders may hold the old row). */
export async function writtenArticle(ctx: Context, id: string): Promise<ArticleRow> {
  const [row] = await ctx.read<never>(sql`SELECT ${columns.article('a')} FROM article a WHERE a.id = ${id}::uuid`);
  if (!row) throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'a written article is missing');
  return asArticle(row);
}

/**
 * Runs one article write and counts it under `source="api"` once its transaction has ended:
 * `outcome` when it committed, `failed` when it threw (a conflict, bad input, a lost database).
 */
async function counted<T>(outcome: WriteOutcome, write: Promise<T>): Promise<T> {
  try {
    const result = await write;
    countArticleWrite('api', outcome);
    return result;
  } catch (error) {
    countArticleWrite('api', 'failed');
    throw error;
  }
}

/** The API's article content as the commands take it: dates parsed, unknown fields absent. */
function draftOf(input: CreateArticleInput | UpdateArticleInput): ArticleDraft {
  const draft: ArticleDraft = {};
  for (const [key, value] of Object.entries(input) as [keyof ArticleDraft, never][]) {
    if (value === undefined) continue;
    (draft as Record<string, unknown>)[key] = key === 'publishedAt' && value !== null ? dateOf(value, 'input.publishedAt') : value;
  }
  return draft;
}

/** Article writes (EDITOR): create, change, publish, unpublish, delete, restore. */
export const articleMutationResolvers: Pick<
  MutationResolvers,
  'createArticle' | 'updateArticle' | 'restoreRevision' | 'publishArticle' | 'unpublishArticle' | 'deleteArticle'
> = {
  createArticle: async (_, { input }, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Creating an article');
    const id = await counted(
      'created',
      ctx.write((tx) => createArticle(tx, ctx.viewer, draftOf(input), writeOptions(ctx))),
    );
    return writtenArticle(ctx, id);
  },
  updateArticle: async (_, args, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Changing an article');
    const id = idOf(args.id, 'Article', 'id');
    await counted(
      'updated',
      ctx.write((tx) => updateArticle(tx, ctx.viewer, id, args.version, draftOf(args.input), writeOptions(ctx))),
    );
    return writtenArticle(ctx, id);
  },
  restoreRevision: async (_, args, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Restoring a revision');
    const id = idOf(args.articleId, 'Article', 'articleId');
    await counted(
      'updated',
      ctx.write((tx) => restoreRevision(tx, ctx.viewer, id, args.revision, args.version, writeOptions(ctx))),
    );
    return writtenArticle(ctx, id);
  },
  publishArticle: async (_, args, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Publishing an article');
    const id = idOf(args.id, 'Article', 'id');
    const at = args.at ? dateOf(args.at, 'at') : null;
    await counted(
      'published',
      ctx.write((tx) => changePublication(tx, ctx.viewer, { id, version: args.version, action: 'PUBLISH', at }, ctx.publicBaseUrl)),
    );
    return writtenArticle(ctx, id);
  },
  unpublishArticle: async (_, args, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Unpublishing an article');
    const id = idOf(args.id, 'Article', 'id');
    await counted(
      'unpublished',
      ctx.write((tx) => changePublication(tx, ctx.viewer, { id, version: args.version, action: 'UNPUBLISH' }, ctx.publicBaseUrl)),
    );
    return writtenArticle(ctx, id);
  },
  deleteArticle: async (_, args, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Deleting an article');
    const id = idOf(args.id, 'Article', 'id');
    const deleted = await counted(
      'deleted',
      ctx.write((tx) => deleteArticle(tx, ctx.viewer, id, args.version, ctx.publicBaseUrl)),
    );
    return { id: toGlobalId('Article', deleted.id), slug: deleted.slug };
  },
};
