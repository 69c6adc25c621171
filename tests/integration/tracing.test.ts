import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { trace } from '@opentelemetry/api';
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
    const [resolve] = named('graphql.resolve Query.articles');
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
