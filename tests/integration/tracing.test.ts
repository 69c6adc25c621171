import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { trace, type ProxyTracerProvider } from '@opentelemetry/api';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { isObjectType, type GraphQLObjectType } from 'graphql';
import { createSchema } from '../../src/graphql/schema/createSchema.js';
import { traceResolvers } from '../../src/graphql/tracingPlugin.js';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { projectRoot } from '../../src/projectRoot.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { startTracing } from '../../src/tracing/startTracing.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const quiet = createLogger('error');

interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: Record<string, unknown> }[];
}

describe.each(databaseKinds)('OpenTelemetry traces on %s', (kind) => {
  let test: TestDatabase;
  let server: RunningServer;
  let receiver: Server;
  let stopTracing: () => Promise<void>;
  const exports: {
    path: string;
    contentType: string;
    body: { resourceSpans: { resource: { attributes: unknown[] }; scopeSpans: { spans: ReceivedSpan[] }[] }[] };
  }[] = [];

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    await importFiles(test.db.prisma, [join(projectRoot, 'fixtures', 'seed')], { log: quiet });
    // A collector's OTLP/HTTP endpoint, as small as it gets: a real server receiving the export.
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        exports.push({ path: req.url ?? '', contentType: req.headers['content-type'] ?? '', body: JSON.parse(body) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    stopTracing = startTracing({ endpoint: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`, serviceName: 'storygraph-test' });
    server = await startServer({ nodeEnv: 'test', port: 0, introspection: true }, test.db.prisma, quiet);
  });
  afterAll(async () => {
    await server?.stop();
    await stopTracing?.();
    trace.disable();
    await new Promise((resolve) => receiver?.close(resolve));
    await test?.drop();
  });

  /** The spans of one trace exported so far (after flushing the batch). */
  const exported = async (traceId: string) => {
    await ((trace.getTracerProvider() as ProxyTracerProvider).getDelegate() as NodeTracerProvider).forceFlush();
    return exports.flatMap((e) => e.body.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans))).filter((s) => s.traceId === traceId);
  };
  const attribute = (span: ReceivedSpan, key: string) => span.attributes.find((a) => a.key === key)?.value.stringValue;

  it('gives each resolver that goes to the database a span between its SQL and graphql.execute; batched loads hang from the first', async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const query = `query Quoted { articles(first: 1) { nodes { title quotes(first: 50) { nodes { id text speaker { ... on Entity { name } } } } } } }`;
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-b7ad6b7169203331-01` },
      body: JSON.stringify({ query, operationName: 'Quoted' }),
    });
    const body = (await response.json()) as { data: { articles: { nodes: { quotes: { nodes: { speaker: { name?: string } | null }[] } }[] } } };
    expect(response.status).toBe(200);
    const spans = await exported(traceId);
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const named = (name: string) => spans.filter((span) => span.name === name);
    const chain = (span: ReceivedSpan) => {
      const names: string[] = [];
      for (let at: ReceivedSpan | undefined = span; at; at = byId.get(at.parentSpanId ?? '')) names.push(at.name);
      return names;
    };
    const statementsUnder = (span: ReceivedSpan) => spans.filter((child) => child.parentSpanId === span.spanId && child.name === 'pg.query');

    // The article's quotes: their SQL → the resolver → execute → the HTTP request.
    const [quotes, ...moreQuotes] = named('resolve Article.quotes');
    expect(moreQuotes).toEqual([]);
    expect(attribute(quotes!, 'graphql.field.path')).toBe('articles.nodes.0.quotes');
    expect(attribute(quotes!, 'graphql.parent.name')).toBe('Article');
    expect(statementsUnder(quotes!).length).toBeGreaterThan(0);
    expect(chain(statementsUnder(quotes!)[0]!)).toEqual(['pg.query', 'resolve Article.quotes', 'graphql.execute', 'POST /graphql']);

    // Their speakers: one loader batch for all of them, traced under the resolver whose load
    // started it; the others joined the batch and sent no SQL, so they have no span.
    const withNamedSpeaker = body.data.articles.nodes[0]!.quotes.nodes.filter((quote) => quote.speaker?.name);
    expect(withNamedSpeaker.length).toBeGreaterThan(1);
    const speakers = named('resolve Quote.speaker');
    expect(speakers).toHaveLength(1);
    expect(attribute(speakers[0]!, 'graphql.field.path')).toMatch(/^articles\.nodes\.0\.quotes\.nodes\.\d+\.speaker$/);
    const [load] = statementsUnder(speakers[0]!);
    expect(chain(load!)).toEqual(['pg.query', 'resolve Quote.speaker', 'graphql.execute', 'POST /graphql']);

    // Resolvers that send no SQL (Quote.id encodes an id; title is a default resolver) have no span,
    // and every resolver span has SQL under it.
    expect(named('resolve Quote.id')).toEqual([]);
    expect(named('resolve Article.title')).toEqual([]);
    for (const span of spans.filter((s) => s.name.startsWith('resolve '))) expect(statementsUnder(span).length).toBeGreaterThan(0);
  });

  it('exports the request, its GraphQL phases, the resolver and each SQL statement as one tree', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpan = '00f067aa0ba902b7';
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${callerSpan}-01` },
      body: JSON.stringify({ query: 'query Titles { articles(first: 2) { nodes { title } } }', operationName: 'Titles' }),
    });
    expect(response.status).toBe(200);
    await stopTracing(); // flushes the batch
    stopTracing = async () => undefined;

    expect(exports.length).toBeGreaterThan(0);
    expect(exports[0]).toMatchObject({ path: '/v1/traces', contentType: expect.stringContaining('application/json') });
    expect(JSON.stringify(exports[0]!.body.resourceSpans[0]!.resource.attributes)).toContain('storygraph-test');
    const spans = exports.flatMap((e) => e.body.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans))).filter((s) => s.traceId === traceId);
    const named = (name: string) => spans.filter((span) => span.name === name);

    const [http] = named('POST /graphql');
    expect(http).toBeDefined();
    expect(http!.parentSpanId).toBe(callerSpan);
    for (const phase of ['graphql.parse', 'graphql.validate', 'graphql.execute']) {
      expect(named(phase).map((span) => span.parentSpanId)).toEqual([http!.spanId]);
    }
    const [resolve] = named('resolve Query.articles');
    expect(resolve!.parentSpanId).toBe(named('graphql.execute')[0]!.spanId);
    const statements = named('pg.query');
    expect(statements.length).toBeGreaterThan(0);
    // The resolver's SQL is traced under it, with its text.
    const underResolver = statements.filter((span) => span.parentSpanId === resolve!.spanId);
    expect(underResolver.length).toBeGreaterThan(0);
    expect(JSON.stringify(underResolver[0]!.attributes)).toMatch(/"db\.query\.text".*SELECT/i);
    // Everything in the trace hangs from the request.
    const ids = new Set(spans.map((span) => span.spanId));
    for (const span of spans) expect(span === http || ids.has(span.parentSpanId!)).toBe(true);
  });
});

describe('resolver spans', () => {
  it('wrap only the fields with resolvers of their own: default resolvers stay as graphql-js runs them', () => {
    const schema = createSchema({ maxPageSize: 100 });
    const fields = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
      .flatMap((type) => Object.values((type as GraphQLObjectType).getFields()).map((field) => ({ key: `${type.name}.${field.name}`, field })));
    const before = new Map(fields.map(({ key, field }) => [key, field.resolve]));
    traceResolvers(schema);
    const article = schema.getType('Article') as GraphQLObjectType;
    expect(article.getFields().title!.resolve).toBeUndefined();
    expect(article.getFields().quotes!.resolve).not.toBe(before.get('Article.quotes'));
    for (const { key, field } of fields) {
      if (before.get(key) === undefined) expect(field.resolve).toBeUndefined();
      else expect(field.resolve).not.toBe(before.get(key));
    }
  });
});
