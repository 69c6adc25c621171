// What API processes share through Redis besides rate-limit buckets (rateLimit.test.ts):
// automatic persisted queries registered with one process are known to the others.
import { createHash } from 'node:crypto';
import { createLogger } from '../../src/log.js';
import { startServer, type RunningServer, type ServerConfig } from '../../src/server.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const quiet = createLogger('error');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A query of its own per run, so an earlier run's registration in Redis cannot answer for this one. */
const QUERY = `query Shared${process.pid}${Date.now()} { articles { totalCount } }`;
const HASH = createHash('sha256').update(QUERY).digest('hex');
const persisted = { persistedQuery: { version: 1, sha256Hash: HASH } };

async function post(server: RunningServer, body: Record<string, unknown>) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('state shared by API processes', () => {
  let test: TestDatabase;
  const servers: RunningServer[] = [];
  const serve = async (config: Partial<ServerConfig> = {}) => {
    const server = await startServer({ nodeEnv: 'test', port: 0, introspection: true, ...config }, test.db.prisma, quiet);
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    // Nothing here depends on the database: one kind is enough.
    test = await createTestDatabase(databaseKinds[databaseKinds.length - 1]!);
  });

  afterAll(async () => {
    for (const server of servers) await server.stop();
    await test?.drop();
  });

  it('without Redis, a persisted query registered with one process is unknown to another', async () => {
    const [a, b] = [await serve(), await serve()];
    expect(await post(a, { query: QUERY, extensions: persisted })).toEqual({ status: 200, body: { data: { articles: { totalCount: 0 } } } });
    expect(await post(b, { extensions: persisted })).toMatchObject({ body: { errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] } });
  });

  it('with REDIS_URL, a persisted query registered with one process is answered by the other', async () => {
    const [a, b] = [await serve({ redisUrl: REDIS_URL }), await serve({ redisUrl: REDIS_URL })];
    expect(await post(b, { extensions: persisted })).toMatchObject({ body: { errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] } });
    expect(await post(a, { query: QUERY, extensions: persisted })).toEqual({ status: 200, body: { data: { articles: { totalCount: 0 } } } });
    expect(await post(b, { extensions: persisted })).toEqual({ status: 200, body: { data: { articles: { totalCount: 0 } } } });
  });
});
