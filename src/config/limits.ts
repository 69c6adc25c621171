/**
 * Every limit a request must stay within, with its default, its environment variable and what a
 * request over it gets. `loadConfig` reads them from here and the README's limits table is
 * generated from here (`npm run docs`), so the three never disagree.
 */
export interface LimitSpec {
  /** What the limit bounds, as the README says it. */
  readonly what: string;
  readonly variable: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** How the README shows a value: a plain number, milliseconds or bytes. */
  readonly unit?: 'ms' | 'bytes';
  /** What a request over the limit gets (a code and its status), or what happens instead. */
  readonly outcome: string;
}

export const LIMIT_SPECS = {
  maxBodyBytes: {
    what: 'request body',
    variable: 'MAX_BODY_BYTES',
    default: 1_000_000,
    min: 1_000,
    max: 100_000_000,
    unit: 'bytes',
    outcome: '`BAD_REQUEST` (413)',
  },
  maxTokens: {
    what: 'tokens in the document (checked while parsing)',
    variable: 'GRAPHQL_MAX_TOKENS',
    default: 3000,
    min: 100,
    max: 1_000_000,
    outcome: '`TOO_MANY_TOKENS`',
  },
  maxDepth: { what: 'field depth', variable: 'GRAPHQL_MAX_DEPTH', default: 12, min: 1, max: 1000, outcome: '`QUERY_TOO_DEEP`' },
  maxAliases: { what: 'aliased fields', variable: 'GRAPHQL_MAX_ALIASES', default: 30, min: 0, max: 10_000, outcome: '`TOO_MANY_ALIASES`' },
  maxCost: {
    what: 'estimated cost: every selected field (`__typename` too) counts 1, plus its database charge (see `src/graphql/limits/fieldCosts.ts`), once per row the pages above it may return (`first`/`last`, 20 when absent; `nodes(ids:)` per ID); fragments are measured once',
    variable: 'GRAPHQL_MAX_COST',
    default: 50_000,
    min: 1,
    max: 100_000_000,
    outcome: '`QUERY_TOO_COMPLEX`',
  },
  maxIntrospectionLists: {
    what: 'introspection lists nested in one another (`types { fields { args } }` is 3)',
    variable: 'GRAPHQL_MAX_INTROSPECTION_LISTS',
    default: 3,
    min: 1,
    max: 100,
    outcome: '`QUERY_TOO_COMPLEX`',
  },
  maxPageSize: {
    what: 'page size (`first`, `last`, IDs in `nodes`)',
    variable: 'GRAPHQL_MAX_PAGE_SIZE',
    default: 100,
    min: 1,
    max: 10_000,
    outcome: '`BAD_USER_INPUT`',
  },
  maxStringLength: {
    what: 'characters in any String or ID argument or input field (less where `src/graphql/limits/inputLimits.ts` says: 200 for `search(query:)`, `textContains` and `nameContains`)',
    variable: 'GRAPHQL_MAX_STRING_LENGTH',
    default: 1000,
    min: 1,
    max: 100_000_000,
    outcome: '`BAD_USER_INPUT`',
  },
  maxListLength: {
    what: 'items in any input list (`ids`, `slugIn`, tag lists…)',
    variable: 'GRAPHQL_MAX_LIST_LENGTH',
    default: 100,
    min: 1,
    max: 100_000,
    outcome: '`BAD_USER_INPUT`',
  },
  maxFilterBranches: {
    what: 'items in a filter’s `AND` or `OR`',
    variable: 'GRAPHQL_MAX_FILTER_BRANCHES',
    default: 20,
    min: 1,
    max: 10_000,
    outcome: '`BAD_USER_INPUT`',
  },
  maxInputDepth: {
    what: 'input objects nested in one another (`where: { NOT: { NOT: … } }`)',
    variable: 'GRAPHQL_MAX_INPUT_DEPTH',
    default: 10,
    min: 1,
    max: 1000,
    outcome: '`BAD_USER_INPUT`',
  },
  requestTimeoutMs: {
    what: 'time for a whole request; its outstanding SQL is cancelled on the server when it runs out',
    variable: 'REQUEST_TIMEOUT_MS',
    default: 5000,
    min: 100,
    max: 3_600_000,
    unit: 'ms',
    outcome: '`REQUEST_TIMEOUT` (503)',
  },
  connectionsPerRequest: {
    what: 'pooled database connections one request holds at once',
    variable: 'DATABASE_CONNECTIONS_PER_REQUEST',
    default: 3,
    min: 1,
    max: 1000,
    outcome: 'the rest of its SQL waits its turn',
  },
  heavyCost: {
    what: 'estimated cost from which a request is heavy: heavy requests run one connection each, and only `HEAVY_REQUESTS_AT_ONCE` of them at once per process (the others wait their turn within their deadline)',
    variable: 'GRAPHQL_HEAVY_COST',
    default: 20_000,
    min: 1,
    max: 100_000_000,
    outcome: 'waits; `REQUEST_TIMEOUT` (503) if its turn does not come in time',
  },
  heavyRequestsAtOnce: {
    what: 'heavy requests running at once in one API process',
    variable: 'HEAVY_REQUESTS_AT_ONCE',
    default: 1,
    min: 1,
    max: 1000,
    outcome: 'the next waits its turn',
  },
  poolSize: {
    what: 'database connections of one API process',
    variable: 'DATABASE_POOL_SIZE',
    default: 10,
    min: 1,
    max: 1000,
    outcome: 'requests wait for a free one',
  },
  statementTimeoutMs: {
    what: 'each SQL statement, on the server',
    variable: 'STATEMENT_TIMEOUT_MS',
    default: 10_000,
    min: 0,
    max: 3_600_000,
    unit: 'ms',
    outcome: 'cancelled; the request gets `REQUEST_TIMEOUT`',
  },
  queryTimeoutMs: {
    what: 'each SQL statement, waited for by the API (a database that stops answering)',
    variable: 'DATABASE_QUERY_TIMEOUT_MS',
    default: 15_000,
    min: 0,
    max: 3_600_000,
    unit: 'ms',
    outcome: 'connection dropped; `DATABASE_UNAVAILABLE` (503)',
  },
  rateLimitPerSecond: {
    what: 'requests per second per token, or per client address without one (a token bucket refilled at this rate; `0` turns rate limiting off)',
    variable: 'RATE_LIMIT_PER_SECOND',
    default: 20,
    min: 0,
    max: 1_000_000,
    outcome: '`RATE_LIMITED` (429, `Retry-After`)',
  },
  rateLimitCostPerToken: {
    what: 'estimated cost that takes one more token from the bucket (an article page, about 8,000, takes 9; about 10 ms of database time per token); a query the limits refuse is charged as one at `GRAPHQL_MAX_COST`',
    variable: 'RATE_LIMIT_COST_PER_TOKEN',
    default: 1000,
    min: 1,
    max: 100_000_000,
    outcome: '`RATE_LIMITED` (429, `Retry-After`)',
  },
  rateLimitBurst: {
    what: 'requests a client may send at once before the rate applies (the bucket size; keep it above `GRAPHQL_MAX_COST` / `RATE_LIMIT_COST_PER_TOKEN`)',
    variable: 'RATE_LIMIT_BURST',
    default: 60,
    min: 1,
    max: 1_000_000,
    outcome: '`RATE_LIMITED` (429, `Retry-After`)',
  },
} as const satisfies Record<string, LimitSpec>;

/** Every limit by name, as configured. */
export type Limits = { -readonly [K in keyof typeof LIMIT_SPECS]: number };

/** The defaults: room for every example operation in `operations/`, far below what hurts the database. */
export const DEFAULT_LIMITS: Limits = Object.fromEntries(Object.entries(LIMIT_SPECS).map(([key, spec]) => [key, spec.default])) as Limits;

/** A value as the README shows it: `1 MB`, `5 s`, `250 ms`, `50000`. */
export function formatLimit(spec: LimitSpec, value: number): string {
  if (spec.unit === 'bytes') return value % 1_000_000 === 0 ? `${value / 1_000_000} MB` : value % 1000 === 0 ? `${value / 1000} kB` : `${value} bytes`;
  if (spec.unit === 'ms') return value === 0 ? 'none' : value % 1000 === 0 ? `${value / 1000} s` : `${value} ms`;
  return String(value);
}
