import { requireRole } from '../../access/viewer.js';
import { createTag, mergeTags, renameTag, tagArticle, untagArticle } from '../../commands/curateTags.js';
import { AppError, ErrorCode } from '../../errors.js';
import type { Context } from '../context.js';
import type { MutationResolvers } from '../generated/schemaTypes.js';
import { columns, sql } from '../read/sql.js';
import { asTag } from '../read/tagRows.js';
import { writtenArticle } from './articleMutations.js';
import { idOf } from './writeArgs.js';

async function writtenTag(ctx: Context, id: string) {
  const [row] = await ctx.read<never>(sql`SELECT ${columns.tag('t')} FROM tag t WHERE t.id = ${id}::uuid`);
  if (!row) throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'a written tag is missing');
  return asTag(row);
}

/** Tag curation (EDITOR). */
export const tagMutationResolvers: Pick<MutationResolvers, 'createTag' | 'renameTag' | 'mergeTags' | 'tagArticle' | 'untagArticle'> = {
  createTag: async (_, { name }, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Creating a tag');
    return writtenTag(ctx, await ctx.write((tx) => createTag(tx, ctx.viewer, name)));
  },
  renameTag: async (_, args, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Renaming a tag');
    return writtenTag(ctx, await ctx.write((tx) => renameTag(tx, ctx.viewer, idOf(args.id, 'Tag', 'id'), args.name)));
  },
  mergeTags: async (_, args, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Merging tags');
    const from = args.from.map((id, i) => idOf(id, 'Tag', `from[${i}]`));
    return writtenTag(ctx, await ctx.write((tx) => mergeTags(tx, ctx.viewer, idOf(args.into, 'Tag', 'into'), from)));
  },
  tagArticle: async (_, args, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Tagging an article');
    return writtenArticle(
      ctx,
      await ctx.write((tx) => tagArticle(tx, ctx.viewer, idOf(args.articleId, 'Article', 'articleId'), idOf(args.tagId, 'Tag', 'tagId'))),
    );
  },
  untagArticle: async (_, args, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Untagging an article');
    return writtenArticle(
      ctx,
      await ctx.write((tx) => untagArticle(tx, ctx.viewer, idOf(args.articleId, 'Article', 'articleId'), idOf(args.tagId, 'Tag', 'tagId'))),
    );
  },
};
