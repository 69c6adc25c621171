/** Limits every GraphQL request must stay within; each is configurable by environment. */
export interface QueryLimits {
  /** Deepest field nesting (introspection fields do not count). `GRAPHQL_MAX_DEPTH`. */
  maxDepth: number;
  /** Most aliased fields in one operation. `GRAPHQL_MAX_ALIASES`. */
  maxAliases: number;
  /** Most lexical tokens in a document, enforced while parsing. `GRAPHQL_MAX_TOKENS`. */
  maxTokens: number;
  /** Highest estimated cost (see `measureOperation`). `GRAPHQL_MAX_COST`. */
  maxCost: number;
  /** Largest `first`/`last` of any connection. `GRAPHQL_MAX_PAGE_SIZE`. */
  maxPageSize: number;
}

/** Defaults: room for every example operation in `operations/`, far below what hurts the database. */
export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxTokens: 3000, maxCost: 50_000, maxPageSize: 100 };

/** Page size of a connection when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;
