// Rate limiting (issue 10): a token bucket per token, or per client address without one; in
// Redis when REDIS_URL is set, so replicas share it; 429 with Retry-After and RATE_LIMITED.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { projectRoot } from '../../src/projectRoot.js';
import { startServer, type RunningServer, type ServerConfig } from '../../src/server.js';
import { NORMAL_QUERY, post } from '../support/hostile.js';
import { tokenFor } from '../support/tokens.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const quiet = createLogger('error');
// One token every 10 s: a slow machine cannot refill a bucket between the requests of a test.
const BUCKET = { rateLimitPerSecond: 0.1, rateLimitBurst: 3 };

describe('rate limiting', () => {
  let test: TestDatabase;
  const servers: RunningServer[] = [];
  const serve = async (config: Partial<ServerConfig>) => {
    const server = await startServer(
      { nodeEnv: 'test', port: 0, introspection: true, ...config, limits: { ...BUCKET, ...config.limits } },
      test.db.prisma,
      quiet,
    );
    servers.push(server);
    return server;
  };
  const statusOf = async (server: RunningServer, headers: Record<string, string> = {}) => (await post(server.url, { query: NORMAL_QUERY }, headers)).status;

  beforeAll(async () => {
    // Rate limiting does not depend on the database: one kind is enough.
    test = await createTestDatabase(databaseKinds[databaseKinds.length - 1]!);
    await importFiles(test.db.prisma, [join(projectRoot, 'fixtures', 'seed')], { log: quiet });
  });

  afterAll(async () => {
    for (const server of servers) await server.stop();
    await test?.drop();
  });

  it('shares one bucket per token between replicas through Redis, and answers 429 with Retry-After', async () => {
    const shared = { redisUrl: 'redis://127.0.0.1:6379', rateLimitPrefix: `storygraph-test:${randomUUID()}:` };
    const [a, b] = [await serve(shared), await serve(shared)];
    const reader = { authorization: `Bearer ${await tokenFor(test.db.prisma, 'READER')}` };
    expect([await statusOf(a, reader), await statusOf(b, reader), await statusOf(a, reader)]).toEqual([200, 200, 200]);
    const refused = await post(b.url, { query: NORMAL_QUERY }, reader);
    expect({ status: refused.status, code: refused.errors?.[0]?.extensions?.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    // The wait for the next token, in whole seconds: up to 10 s at 0.1 per second, less the time the requests took.
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 5 && retryAfter <= 10).toBe(true);
    // Another token has its own bucket; liveness is never limited.
    expect(await statusOf(a, { authorization: `Bearer ${await tokenFor(test.db.prisma, 'READER')}` })).toBe(200);
    expect((await fetch(b.url.replace(/\/graphql$/, '/health/live'))).status).toBe(200);
  });

  it('keys requests without a token by address, trusting X-Forwarded-For only behind declared proxies', async () => {
    const direct = await serve({});
    const spoofed = await Promise.all([1, 2, 3, 4].map((i) => statusOf(direct, { 'x-forwarded-for': `10.0.0.${i}` })));
    expect(spoofed.sort()).toEqual([200, 200, 200, 429]);

    const proxied = await serve({ trustProxyHops: 1 });
    const clients = await Promise.all([1, 2, 3, 4].map((i) => statusOf(proxied, { 'x-forwarded-for': `203.0.113.${i}, 10.0.0.9` })));
    // One trusted proxy: the client is the last entry (the address that proxy saw); what comes before it is the client's claim.
    expect(clients.sort()).toEqual([200, 200, 200, 429]);
    const distinct = await Promise.all([1, 2, 3, 4].map((i) => statusOf(proxied, { 'x-forwarded-for': `203.0.113.${i + 10}` })));
    expect(distinct).toEqual([200, 200, 200, 200]);
  });
});
