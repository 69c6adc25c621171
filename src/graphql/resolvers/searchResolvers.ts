import { AppError, ErrorCode } from '../../errors.js';
import type { EntityKind, QueryResolvers, SearchType } from '../generated/schemaTypes.js';
import { windowOf } from '../paginate.js';
import { keysetConnection, seekOf } from '../paging/keysetPage.js';
import { articleFacetCounts } from '../search/articleFacetCounts.js';
import { loadSearchNodes, type SearchResultRow } from '../search/loadSearchNodes.js';
import { SEARCH_ORDERING, SEARCH_TYPES, searchPage, type SearchHit } from '../search/searchHits.js';
import { searchText } from '../search/searchText.js';
import { selects } from '../selects.js';
import { articleWhere } from '../where/articleWhere.js';

const DEFAULT_FACETS = 10;

function typesOf(types: readonly SearchType[] | null | undefined): SearchType[] {
  if (!types) return [...SEARCH_TYPES];
  if (!types.length) throw new AppError(ErrorCode.BAD_USER_INPUT, 'types must name at least one type; omit it to search all', { argument: 'types' });
  return [...new Set(types)];
}

const search: QueryResolvers['search'] = async (_, args, ctx, info) => {
  const text = searchText(args.query);
  const types = typesOf(args.types);
  const window = windowOf(args, ctx.maxPageSize);
  const seek = seekOf(window, SEARCH_ORDERING);
  // Counting needs every match, which ranking reads anyway: counted in the same statement, only when asked for.
  const counted = selects(info, 'totalCount') || selects(info, 'countsByType');
  const { rows, counts } = await searchPage(ctx.read, ctx.viewer, text, types, window, seek, counted);
  const loaded = new Map<SearchHit, SearchResultRow>((await loadSearchNodes(rows, ctx)).map((result) => [result.hit, result]));
  const total = counted ? [...counts.values()].reduce((sum, count) => sum + count, 0) : null;
  // A hit deleted since it was ranked is left out.
  const connection = keysetConnection(
    rows.filter((row) => loaded.has(row)),
    window,
    SEARCH_ORDERING,
    (row: SearchHit) => loaded.get(row)!,
    total,
  );
  return {
    totalCount: connection.totalCount,
    pageInfo: connection.pageInfo,
    edges: connection.edges.map(({ cursor, node: row }) => ({ cursor, node: row.node, rank: row.rank, snippet: row.snippet })),
    nodes: connection.nodes.map((row) => row.node),
    countsByType: types.map((type) => ({ type, count: counts.get(type) ?? 0 })),
  };
};

const articleFacets: QueryResolvers['articleFacets'] = async (_, args, ctx) => {
  const text = args.query === null || args.query === undefined ? null : searchText(args.query);
  // windowOf validates `first` like any page size (1 to the maximum, else BAD_USER_INPUT).
  const limit = windowOf({ first: args.first ?? DEFAULT_FACETS }, ctx.maxPageSize).first ?? DEFAULT_FACETS;
  // The same ArticleWhereInput `articles` takes, in the same statement as the counts.
  const counts = await articleFacetCounts(ctx.read, ctx.viewer, text, articleWhere(ctx.viewer, args.where), limit);
  const entities = await Promise.all(
    counts.entities.map(async (row) => ({ kind: row.kind, entity: await ctx.loaders.entityById.load(row.id), count: row.count })),
  );
  const ofKind = (kind: EntityKind) => entities.flatMap(({ kind: k, entity, count }) => (k === kind && entity ? [{ entity, count }] : []));
  const tags = await Promise.all(counts.tags.map(async (row) => ({ tag: await ctx.loaders.tagById.load(row.id), count: row.count })));
  return {
    articleCount: counts.articleCount,
    people: ofKind('PERSON'),
    organizations: ofKind('ORGANIZATION'),
    places: ofKind('PLACE'),
    tags: tags.flatMap(({ tag, count }) => (tag ? [{ tag, count }] : [])),
  };
};

/** Query.search and Query.articleFacets. */
export const searchQueryResolvers = { search, articleFacets };
