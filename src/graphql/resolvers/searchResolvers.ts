import type { EntityKind } from '../../generated/prisma/client.js';
import { AppError, ErrorCode } from '../../errors.js';
import type { Context } from '../context.js';
import { pageOf, windowOf, type PageArgs } from '../paginate.js';
import { articleFacetCounts } from '../search/articleFacetCounts.js';
import { loadSearchNodes, type SearchResultRow } from '../search/loadSearchNodes.js';
import { SEARCH_TYPES, countSearchHits, fetchSearchHits, type SearchType } from '../search/searchHits.js';
import { searchText } from '../search/searchText.js';
import { articleWhere, type ArticleWhereArgs } from '../where/articleWhere.js';
import { resolveNodeType } from './typeResolvers.js';

interface SearchArgs extends PageArgs {
  query: string;
  types?: SearchType[] | null;
}

interface FacetArgs {
  query?: string | null;
  where?: ArticleWhereArgs | null;
  first?: number | null;
}

const DEFAULT_FACETS = 10;

function typesOf(types: SearchType[] | null | undefined): SearchType[] {
  if (!types) return [...SEARCH_TYPES];
  if (!types.length) throw new AppError(ErrorCode.BAD_USER_INPUT, 'types must name at least one type; omit it to search all', { argument: 'types' });
  return [...new Set(types)];
}

async function search(_: unknown, args: SearchArgs, ctx: Context) {
  const text = searchText(args.query);
  const types = typesOf(args.types);
  const window = windowOf(args, ctx.maxPageSize);
  let counts = new Map<SearchType, number>();
  const connection = await pageOf<SearchResultRow>(
    window,
    async () => {
      counts = await countSearchHits(ctx.prisma, text, types);
      return [...counts.values()].reduce((sum, count) => sum + count, 0);
    },
    async (skip, take) => loadSearchNodes(await fetchSearchHits(ctx.prisma, text, types, skip, take), ctx),
  );
  return {
    ...connection,
    edges: connection.edges.map(({ cursor, node: row }) => ({ cursor, ...row })),
    nodes: connection.nodes.map((row) => row.node),
    countsByType: types.map((type) => ({ type, count: counts.get(type) ?? 0 })),
  };
}

async function articleFacets(_: unknown, args: FacetArgs, ctx: Context) {
  const text = args.query === null || args.query === undefined ? null : searchText(args.query);
  // windowOf validates `first` like any page size (1 to the maximum, else BAD_USER_INPUT).
  const limit = windowOf({ first: args.first ?? DEFAULT_FACETS }, ctx.maxPageSize).first ?? DEFAULT_FACETS;
  // The filter is the same ArticleWhereInput `articles` takes; Prisma resolves it to ids.
  const ids = args.where
    ? (await ctx.prisma.article.findMany({ where: await articleWhere(ctx.prisma, args.where), select: { id: true } })).map((row) => row.id)
    : null;
  const counts = await articleFacetCounts(ctx.prisma, { text, ids }, limit);
  const entities = await Promise.all(
    counts.entities.map(async (row) => ({ kind: row.kind, entity: await ctx.loaders.entityById.load(row.id), count: row.count })),
  );
  const ofKind = (kind: EntityKind) => entities.filter((row) => row.kind === kind && row.entity).map(({ entity, count }) => ({ entity, count }));
  const tags = await Promise.all(counts.tags.map(async (row) => ({ tag: await ctx.loaders.tagById.load(row.id), count: row.count })));
  return {
    articleCount: counts.articleCount,
    people: ofKind('PERSON'),
    organizations: ofKind('ORGANIZATION'),
    places: ofKind('PLACE'),
    tags: tags.filter((row) => row.tag),
  };
}

/** Query.search and Query.articleFacets. */
export const searchQueryResolvers = { search, articleFacets };

/** Resolvers of the types only search returns. */
export const searchTypeResolvers = {
  // Search returns whole rows, as `node` does.
  SearchResult: { __resolveType: resolveNodeType },
};
