import { join } from 'node:path';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger, createServiceLogger } from '../../src/log.js';
import { projectRoot } from '../../src/projectRoot.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const seedDir = join(projectRoot, 'fixtures', 'seed');
const quiet = createLogger('error');
const ARTICLE_PAGE = `query ArticleTitles { articles(first: 5) { nodes { title people { nodes { name } } tags { nodes { name } } } } }`;

describe.each(databaseKinds)('request logs on %s', (kind) => {
  let test: TestDatabase;
  let server: RunningServer;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    await importFiles(test.db.prisma, [seedDir], { log: quiet });
    const log = await createServiceLogger({ level: 'info', format: 'json', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
    server = await startServer({ nodeEnv: 'test', port: 0, introspection: true }, test.db.prisma, log);
  });

  afterAll(async () => {
    await server?.stop();
    await test?.drop();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const lineOf = async (reqId: string) => {
    // The line is written once the response is sent; give the event loop a moment.
    for (let i = 0; i < 50 && !lines.some((line) => line.reqId === reqId && line.path); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    return lines.filter((line) => line.reqId === reqId && line.path);
  };

  it('writes one JSON line per request with its id, operation, status, duration and SQL statement count', async () => {
    const response = await post({ query: ARTICLE_PAGE, operationName: 'ArticleTitles' }, { 'x-request-id': 'log-test-1' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('log-test-1');
    const logged = await lineOf('log-test-1');
    expect(logged).toEqual([
      {
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        reqId: 'log-test-1',
        msg: expect.stringMatching(/^POST \/graphql ArticleTitles 200 [\d.]+ ms, [1-9]\d* SQL$/),
        method: 'POST',
        path: '/graphql',
        status: 200,
        durationMs: expect.any(Number),
        operation: 'ArticleTitles',
        operationType: 'query',
        sqlStatements: expect.any(Number),
        connections: expect.any(Number),
        peakConnections: expect.any(Number),
        timedOut: false,
      },
    ]);
    // Counted, not guessed: nested lists are batched, so a page of one costs what a page of five does.
    expect(logged[0]!.sqlStatements).toBeGreaterThanOrEqual(3);
    const one = await post({ query: ARTICLE_PAGE.replace('first: 5', 'first: 1'), operationName: 'ArticleTitles' }, { 'x-request-id': 'log-test-2' });
    expect(one.status).toBe(200);
    expect((await lineOf('log-test-2'))[0]!.sqlStatements).toBe(logged[0]!.sqlStatements);
  });

  it('makes up an id when the request has none (or an insane one), and logs refusals with their code and no SQL', async () => {
    const response = await post({ query: '{ nope }' }, { 'x-request-id': 'bad id with spaces' });
    expect(response.status).toBe(400);
    const id = response.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    const [line] = await lineOf(id);
    expect(line).toMatchObject({ status: 400, operation: null, sqlStatements: 0, errorCodes: ['GRAPHQL_VALIDATION_FAILED'] });
  });

  it('logs health probes at debug level only', async () => {
    const response = await fetch(server.url.replace('/graphql', '/health/live'), { headers: { 'x-request-id': 'probe-1' } });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines.filter((line) => line.reqId === 'probe-1')).toEqual([]);
  });
});
