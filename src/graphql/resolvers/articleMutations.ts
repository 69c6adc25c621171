import { requireRole } from '../../access/viewer.js';
import { changePublication } from '../../articles/changePublication.js';
import { deleteArticle } from '../../articles/deleteArticle.js';
import { AppError, ErrorCode } from '../../errors.js';
import type { Context } from '../context.js';
import type { MutationResolvers } from '../generated/schemaTypes.js';
import { toGlobalId } from '../globalId.js';
import { columns, sql } from '../read/sql.js';
import { asArticle } from '../read/tagRows.js';
import type { ArticleRow } from '../rows.js';
import { dateOf, idOf } from './writeArgs.js';

/** The article as stored after a write (read anew: the request's loaders may hold the old row). */
export async function writtenArticle(ctx: Context, id: string): Promise<ArticleRow> {
  const [row] = await ctx.read<never>(sql`SELECT ${columns.article('a')} FROM article a WHERE a.id = ${id}::uuid`);
  if (!row) throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'a written article is missing');
  return asArticle(row);
}

/** Mutations that change an article's publication state or remove it (EDITOR). */
export const publicationMutationResolvers: Pick<MutationResolvers, 'publishArticle' | 'unpublishArticle' | 'deleteArticle'> = {
  publishArticle: async (_, args, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Publishing an article');
    const id = idOf(args.id, 'Article', 'id');
    const at = args.at ? dateOf(args.at, 'at') : null;
    await ctx.write((tx) => changePublication(tx, ctx.viewer, { id, version: args.version, action: 'PUBLISH', at }, ctx.publicBaseUrl));
    return writtenArticle(ctx, id);
  },
  unpublishArticle: async (_, args, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Unpublishing an article');
    const id = idOf(args.id, 'Article', 'id');
    await ctx.write((tx) => changePublication(tx, ctx.viewer, { id, version: args.version, action: 'UNPUBLISH' }, ctx.publicBaseUrl));
    return writtenArticle(ctx, id);
  },
  deleteArticle: async (_, args, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Deleting an article');
    const id = idOf(args.id, 'Article', 'id');
    const deleted = await ctx.write((tx) => deleteArticle(tx, ctx.viewer, id, args.version, ctx.publicBaseUrl));
    return { id: toGlobalId('Article', deleted.id), slug: deleted.slug };
  },
};
