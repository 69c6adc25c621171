import { join } from 'node:path';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { countCacheLookup } from '../../src/metrics/metrics.js';
import { OperationNames } from '../../src/metrics/operationNames.js';
import { projectRoot } from '../../src/projectRoot.js';
import { startServer, type RunningServer, type ServerConfig } from '../../src/server.js';
import { gql } from '../support/graphqlClient.js';
import { sample } from '../support/prometheus.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';
import { tokenFor } from '../support/tokens.js';
import { startWebhookReceiver } from '../support/webhookReceiver.js';

const quiet = createLogger('error');
const seedDir = join(projectRoot, 'fixtures', 'seed');

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
    expect(after).toContain('# TYPE storygraph_articles_written_total counter');
    expect(after).toContain('# TYPE storygraph_webhook_deliveries_total counter');
    expect(after).toContain('storygraph_process_resident_memory_bytes');
  });

  it('counts articles written through the API by outcome, and the webhook deliveries they set off', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const server = await start({ webhooks: { deliver: true, pollMs: 50, timeoutMs: 2000, maxAttempts: 5, retryBaseMs: 50 } });
      const [editor, admin] = [await tokenFor(test.db.prisma, 'EDITOR'), await tokenFor(test.db.prisma, 'ADMIN')];
      const hook = await gql(
        server.url,
        'mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }',
        { input: { url: receiver.url, events: ['article.published'] } },
        admin,
      );
      expect(hook.errors).toBeUndefined();
      receiver.failNext(503); // the first attempt is retried, the second delivered
      const before = await scrape(server.metricsUrl!);

      const created = await gql(
        server.url,
        'mutation ($input: CreateArticleInput!) { createArticle(input: $input) { id version } }',
        { input: { title: 'Metrics Desk Opens', paragraphs: ['The metrics desk opened on Monday, its editor said.'] } },
        editor,
      );
      expect(created.errors).toBeUndefined();
      const { id, version } = created.data!.createArticle as { id: string; version: number };
      const publish = 'mutation ($id: ID!, $version: Int!) { publishArticle(id: $id, version: $version) { version } }';
      expect((await gql(server.url, publish, { id, version }, editor)).errors).toBeUndefined();
      // The same version again: a conflict, counted as a failed write.
      expect((await gql(server.url, publish, { id, version }, editor)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
      await receiver.waitFor(2);
      expect(receiver.received.map((r) => [r.json.event, r.status])).toEqual([
        ['article.published', 503],
        ['article.published', 200],
      ]);

      const delta = (after: string, name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
      const written = (after: string) =>
        Object.fromEntries(
          ['created', 'updated', 'published', 'failed'].map((outcome) => [
            outcome,
            delta(after, 'storygraph_articles_written_total', { source: 'api', outcome }),
          ]),
        );
      // A delivery is counted as its transaction records it, a moment after the receiver answered.
      let after = await scrape(server.metricsUrl!);
      for (let tries = 0; delta(after, 'storygraph_webhook_deliveries_total', { outcome: 'delivered' }) < 1 && tries < 100; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        after = await scrape(server.metricsUrl!);
      }
      expect(written(after)).toEqual({ created: 1, updated: 0, published: 1, failed: 1 });
      expect(delta(after, 'storygraph_articles_written_total', { source: 'cli', outcome: 'created' })).toBe(0);
      expect(delta(after, 'storygraph_webhook_deliveries_total', { outcome: 'retry' })).toBe(1);
      expect(delta(after, 'storygraph_webhook_deliveries_total', { outcome: 'delivered' })).toBe(1);
    } finally {
      await receiver.close();
    }
  });

  it('keeps the operation-name label bounded: names past the cap, and names that are not GraphQL names, are "other"', async () => {
    const server = await start({ metrics: { token: null, port: null, open: true, maxOperationNames: 2 } });
    const before = await scrape(server.metricsUrl!);
    // An example operation's name is known from the start and takes no place under the cap.
    await post(server, 'query PersonPage { articles(first: 1) { totalCount } }', 'PersonPage');
    for (const name of ['First', 'Second', 'Third', 'Fourth']) await post(server, `query ${name} { articles(first: 1) { totalCount } }`, name);
    await post(server, '{ articles(first: 1) { totalCount } }');
    const after = await scrape(server.metricsUrl!);
    // The registry is the process's: compare with what it held before this server's requests.
    const count = (operation: string) => {
      const name = 'storygraph_graphql_operation_duration_seconds_count';
      const sum = (text: string) =>
        text
          .split('\n')
          .filter((line) => line.startsWith(`${name}{`) && line.includes(`operation="${operation}"`))
          .reduce((total, line) => total + Number(line.split(' ').pop()), 0);
      return sum(after) - sum(before);
    };
    expect(count('PersonPage')).toBe(1);
    expect(count('First')).toBe(1);
    expect(count('Second')).toBe(1);
    expect(count('Third')).toBe(0);
    expect(count('Fourth')).toBe(0);
    expect(count('other')).toBe(2);
    expect(count('anonymous')).toBe(1);
    // A name that is not a GraphQL name never becomes a label, whatever room is left.
    const names = new OperationNames(new Set(['ArticlePage']), 10);
    expect([names.label('ArticlePage'), names.label('not a name!'), names.label('x'.repeat(65)), names.label(''), names.label('Fine')]).toEqual([
      'ArticlePage',
      'other',
      'other',
      'anonymous',
      'Fine',
    ]);
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
