import type { Context } from '../context.js';
import type { ArticleRow, EntityRow, QuoteRow } from '../rows.js';
import type { SearchHit } from './searchHits.js';
import { snippetHtml } from './snippetHtml.js';

/** A search edge before its cursor is added. */
export interface SearchResultRow {
  /** The ranked hit it was loaded for. */
  hit: SearchHit;
  node: ArticleRow | QuoteRow | EntityRow;
  rank: number;
  snippet: string | null;
}

/**
 * Loads the ranked hits through the request's DataLoaders (one statement per type), so the
 * nodes are the same rows every other field resolves from; an article that came with its hit
 * is primed into the loader instead. A hit deleted since ranking is dropped.
 */
export async function loadSearchNodes(hits: (SearchHit & { article?: ArticleRow })[], ctx: Context): Promise<SearchResultRow[]> {
  const rows = await Promise.all(
    hits.map(async (hit) => {
      if (hit.article) ctx.loaders.articleSummaryById.prime(hit.id, hit.article);
      const node =
        hit.type === 'ARTICLE'
          ? await ctx.loaders.articleSummaryById.load(hit.id)
          : hit.type === 'QUOTE'
            ? await ctx.loaders.quoteById.load(hit.id)
            : await ctx.loaders.entityById.load(hit.id);
      return node ? { hit, node, rank: hit.rank, snippet: hit.headline === null ? null : snippetHtml(hit.headline) } : null;
    }),
  );
  return rows.filter((row) => row !== null);
}
