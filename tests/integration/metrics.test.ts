import { join } from 'node:path';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { countCacheLookup } from '../../src/metrics/metrics.js';
import { projectRoot } from '../../src/projectRoot.js';
import { startServer, type RunningServer, type ServerConfig } from '../../src/server.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const quiet = createLogger('error');
const seedDir = join(projectRoot, 'fixtures', 'seed');

/** The value of one sample of the Prometheus text format (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => have[key] === value)) return Number(match[3]);
  }
  return 0;
}

describe.each(databaseKinds)('Prometheus metrics on %s', (kind) => {
  let test: TestDatabase;
  const servers: RunningServer[] = [];
  const start = async (config: Partial<ServerConfig> = {}) => {
    const server = await startServer({ nodeEnv: 'test', port: 0, introspection: true, ...config }, test.db.prisma, quiet);
    servers.push(server);
    return server;
  };
  const post = (server: RunningServer, query: string, operationName?: string) =>
    fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, operationName }) });
  const scrape = async (url: string) => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    await importFiles(test.db.prisma, [seedDir], { log: quiet });
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await test?.drop();
  });

  it('counts operations by name and outcome, errors by code, and reports the pool and caches', async () => {
    const server = await start();
    expect(server.metricsUrl).toBe(server.url.replace('/graphql', '/metrics'));
    const before = await scrape(server.metricsUrl!);
    const ok = { operation: 'ArticlePage', type: 'query', outcome: 'ok' };
    expect((await post(server, 'query ArticlePage { articles(first: 1) { nodes { title } } }', 'ArticlePage')).status).toBe(200);
    expect((await post(server, 'query ArticlePage { articles(first: 1) { nodes { title } } }', 'ArticlePage')).status).toBe(200);
    expect((await post(server, 'query Broken { nope }', 'Broken')).status).toBe(400);
    countCacheLookup('test', true);
    const after = await scrape(server.metricsUrl!);

    const count = 'storygraph_graphql_operation_duration_seconds_count';
    expect(sample(after, count, ok) - sample(before, count, ok)).toBe(2);
    const broken = { operation: 'Broken', outcome: 'client_error' };
    expect(sample(after, count, broken) - sample(before, count, broken)).toBe(1);
    const validation = { code: 'GRAPHQL_VALIDATION_FAILED' };
    expect(sample(after, 'storygraph_errors_total', validation) - sample(before, 'storygraph_errors_total', validation)).toBe(1);
    const graphql = { path: '/graphql', method: 'POST', status: '200' };
    expect(
      sample(after, 'storygraph_http_request_duration_seconds_count', graphql) - sample(before, 'storygraph_http_request_duration_seconds_count', graphql),
    ).toBe(2);
    expect(sample(after, 'storygraph_graphql_operation_sql_statements_sum', { operation: 'ArticlePage' })).toBeGreaterThan(0);
    expect(sample(after, 'storygraph_db_pool_connections', { pool: 'primary', state: 'max' })).toBe(10);
    expect(after).toMatch(/^storygraph_db_pool_connections\{pool="primary",state="waiting"\} 0$/m);
    expect(
      sample(after, 'storygraph_cache_lookups_total', { cache: 'test', result: 'hit' }) -
        sample(before, 'storygraph_cache_lookups_total', { cache: 'test', result: 'hit' }),
    ).toBe(1);
    expect(after).toContain('# TYPE storygraph_articles_imported_total counter');
    expect(after).toContain('# TYPE storygraph_webhook_deliveries_total counter');
    expect(after).toContain('storygraph_process_resident_memory_bytes');
  });

  it('keeps the operation-name label bounded: names past the cap, and names that are not GraphQL names, are "other"', async () => {
    const server = await start({ metrics: { token: null, port: null, open: true, maxOperationNames: 2 } });
    for (const name of ['First', 'Second', 'Third', 'Fourth']) await post(server, `query ${name} { articles(first: 1) { totalCount } }`, name);
    await post(server, '{ articles(first: 1) { totalCount } }');
    const text = await scrape(server.metricsUrl!);
    const count = 'storygraph_graphql_operation_duration_seconds_count';
    expect(sample(text, count, { operation: 'First' })).toBe(1);
    expect(sample(text, count, { operation: 'Second' })).toBe(1);
    expect(sample(text, count, { operation: 'Third' })).toBe(0);
    expect(sample(text, count, { operation: 'other' })).toBeGreaterThanOrEqual(2);
    expect(sample(text, count, { operation: 'anonymous' })).toBeGreaterThanOrEqual(1);
  });

  it('asks for the token when one is set, and serves nothing in production without a token or a port', async () => {
    const guarded = await start({
      nodeEnv: 'production',
      introspection: false,
      metrics: { token: 'scrape-secret', port: null, open: false, maxOperationNames: 10 },
    });
    expect((await fetch(guarded.metricsUrl!)).status).toBe(401);
    expect((await fetch(guarded.metricsUrl!, { headers: { authorization: 'Bearer wrong-secret' } })).status).toBe(401);
    const allowed = await fetch(guarded.metricsUrl!, { headers: { authorization: 'Bearer scrape-secret' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('storygraph_http_request_duration_seconds');

    const closed = await start({ nodeEnv: 'production', introspection: false, metrics: { token: null, port: null, open: false, maxOperationNames: 10 } });
    expect(closed.metricsUrl).toBeNull();
    expect((await fetch(closed.url.replace('/graphql', '/metrics'))).status).toBe(404);
  });

  it('serves metrics on METRICS_PORT only, when one is set', async () => {
    const server = await start({ nodeEnv: 'production', introspection: false, metrics: { token: null, port: 0, open: false, maxOperationNames: 10 } });
    expect(server.metricsUrl).not.toBe(server.url.replace('/graphql', '/metrics'));
    expect(await scrape(server.metricsUrl!)).toContain('storygraph_errors_total');
    expect((await fetch(server.url.replace('/graphql', '/metrics'))).status).toBe(404);
    expect((await fetch(server.metricsUrl!.replace('/metrics', '/graphql'))).status).toBe(404);
  });
});
