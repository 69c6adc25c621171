/**
 * Length limits tighter than `GRAPHQL_MAX_STRING_LENGTH` for particular arguments and input
 * fields, by schema coordinate (`Type.field` for input fields, `Type.field.argument` for
 * arguments). Text filters scan whole tables, so they get the search query's 200 characters.
 * A coordinate that is not in the schema any more does nothing; add new text filters here.
 */
export const STRING_LENGTH_LIMITS: Readonly<Record<string, number>> = {
  'Query.search.query': 200,
  'Query.articleFacets.query': 200,
  'ArticleWhereInput.textContains': 200,
  'QuoteWhereInput.textContains': 200,
  'EntityWhereInput.nameContains': 200,
  'PersonWhereInput.nameContains': 200,
  'OrganizationWhereInput.nameContains': 200,
  'PlaceWhereInput.nameContains': 200,
  'TagWhereInput.nameContains': 200,
};

/** Input fields that combine filters: their lists are bounded by `GRAPHQL_MAX_FILTER_BRANCHES`. */
export const FILTER_BRANCH_FIELDS: ReadonlySet<string> = new Set(['AND', 'OR']);
