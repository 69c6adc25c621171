import client from 'prom-client';
import type pg from 'pg';

/**
 * The process's Prometheus metrics (prom-client), served at `/metrics`. One registry per
 * process; the functions below are what other layers call, so no layer needs prom-client.
 * Every label has a bounded set of values: operation names pass through `OperationNames`,
 * paths through `pathLabel`, error codes come from `errors.ts`.
 */
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'storygraph_' });

/** Seconds, from 5 ms to 10 s: a cached read to a request near its deadline. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const httpDuration = new client.Histogram({
  name: 'storygraph_http_request_duration_seconds',
  help: 'HTTP requests by path, method and status, from the first byte read to the last byte written',
  labelNames: ['path', 'method', 'status'] as const,
  buckets: DURATION_BUCKETS,
  registers: [registry],
});

const operationDuration = new client.Histogram({
  name: 'storygraph_graphql_operation_duration_seconds',
  help: 'GraphQL operations by name (known names only, else "other"), type and outcome (ok, client_error, server_error)',
  labelNames: ['operation', 'type', 'outcome'] as const,
  buckets: DURATION_BUCKETS,
  registers: [registry],
});

const sqlStatements = new client.Histogram({
  name: 'storygraph_graphql_operation_sql_statements',
  help: 'SQL statements one GraphQL request sent',
  labelNames: ['operation'] as const,
  buckets: [0, 1, 2, 4, 8, 16, 32, 64],
  registers: [registry],
});

const errors = new client.Counter({
  name: 'storygraph_errors_total',
  help: 'Errors answered to clients, by code (GraphQL errors and HTTP refusals alike)',
  labelNames: ['code'] as const,
  registers: [registry],
});

const cacheLookups = new client.Counter({
  name: 'storygraph_cache_lookups_total',
  help: 'Cache lookups by cache and result (hit or miss)',
  labelNames: ['cache', 'result'] as const,
  registers: [registry],
});

/** Where an article write came from: `npm run import`, `npm run worker`, GraphQL mutations, or the demo seed. */
export type WriteSource = 'cli' | 'worker' | 'api' | 'seed';
/** What a write did: an import's outcomes, and the API's publication changes and deletions. */
export type WriteOutcome = 'created' | 'updated' | 'unchanged' | 'failed' | 'published' | 'unpublished' | 'deleted';

const articlesWritten = new client.Counter({
  name: 'storygraph_articles_written_total',
  help: 'Articles written, by source (cli, worker, api, seed) and outcome (created, updated, unchanged, failed; published, unpublished, deleted)',
  labelNames: ['source', 'outcome'] as const,
  registers: [registry],
});

const webhookDeliveries = new client.Counter({
  name: 'storygraph_webhook_deliveries_total',
  help: 'Webhook delivery attempts by outcome (delivered, retry, failed: given up)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

const pools = new Map<string, pg.Pool>();
new client.Gauge({
  name: 'storygraph_db_pool_connections',
  help: 'Database pool connections by pool and state: in_use, idle, waiting (requests queued for a connection), max',
  labelNames: ['pool', 'state'] as const,
  registers: [registry],
  collect() {
    this.reset();
    for (const [name, pool] of pools) {
      this.set({ pool: name, state: 'in_use' }, pool.totalCount - pool.idleCount);
      this.set({ pool: name, state: 'idle' }, pool.idleCount);
      this.set({ pool: name, state: 'waiting' }, pool.waitingCount);
      this.set({ pool: name, state: 'max' }, pool.options.max ?? 10);
    }
  },
});

/** Reports a pool's connections under `name` (e.g. `primary`, `replica0`) until the returned function is called. */
export function observePool(name: string, pool: pg.Pool): () => void {
  pools.set(name, pool);
  return () => {
    if (pools.get(name) === pool) pools.delete(name);
  };
}

/** The paths the server answers; anything else is "other", so scanners cannot grow the label set. */
const PATHS = new Set(['/graphql', '/health/live', '/health/ready', '/metrics', '/']);

/** Records one HTTP request. */
export function recordHttpRequest(path: string, method: string | undefined, status: number, seconds: number): void {
  const label = PATHS.has(path) ? path : 'other';
  const verb = method === 'GET' || method === 'POST' || method === 'OPTIONS' ? method : 'other';
  httpDuration.observe({ path: label, method: verb, status: String(status) }, seconds);
}

/** Records one GraphQL operation (`operation` already bounded by `OperationNames`). */
export function recordOperation(operation: string, type: string | null, status: number, seconds: number, statements: number | null): void {
  const outcome = status < 400 ? 'ok' : status < 500 ? 'client_error' : 'server_error';
  operationDuration.observe({ operation, type: type ?? 'unknown', outcome }, seconds);
  if (statements !== null) sqlStatements.observe({ operation }, statements);
}

/** Counts an error answered to a client. */
export function countError(code: string): void {
  errors.inc({ code });
}

/** Counts one cache lookup (`cache` names the cache: a small, fixed set). */
export function countCacheLookup(cache: string, hit: boolean): void {
  cacheLookups.inc({ cache, result: hit ? 'hit' : 'miss' });
}

/** Counts one article written (or that failed to be) after its transaction ended. */
export function countArticleWrite(source: WriteSource, outcome: WriteOutcome): void {
  articlesWritten.inc({ source, outcome });
}

/** Counts one webhook delivery attempt. */
export function countWebhookDelivery(outcome: 'delivered' | 'retry' | 'failed'): void {
  webhookDeliveries.inc({ outcome });
}
