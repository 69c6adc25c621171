// Hostile traffic (issue 10): every probe of the API as a regression test. Each asserts the
// code and the status the hostile request gets, and that a /health/live check and a normal
// reader's query sent while it is in flight are answered (orderings and counts, never times).
import { join } from 'node:path';
import pg from 'pg';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger, type Logger, type LogFields } from '../../src/log.js';
import { projectRoot } from '../../src/projectRoot.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { expectBystandersServed, fragmentBomb, NORMAL_QUERY, NORMAL_TITLE, post, probe } from '../support/hostile.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const quiet = createLogger('error');
const seedDir = join(projectRoot, 'fixtures', 'seed');

/** 400 branches that each scan every article's text (probe 2). */
const POOL_DRAIN = `{ articles(where: { OR: [${Array.from({ length: 400 }, (_, i) => `{ textContains: "zzz${i}" }`).join(', ')}] }) { totalCount } }`;

describe.each(databaseKinds)('hostile requests are refused with a client code on %s', (kind) => {
  let test: TestDatabase;
  let server: RunningServer;
  /** What the server logged as errors: client mistakes must log nothing. */
  const logged: string[] = [];

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    await importFiles(test.db.prisma, [seedDir], { log: quiet });
    server = await startServer(
      { nodeEnv: 'test', port: 0, introspection: true },
      test.db.prisma,
      createLogger('error', (line) => logged.push(line)),
    );
  });

  afterAll(async () => {
    await server?.stop();
    await test?.drop();
  });

  const refusal = (answer: { status: number; errors?: { extensions?: { code?: string } }[] }) => ({
    status: answer.status,
    code: answer.errors?.[0]?.extensions?.code,
  });

  it('probe 1: refuses a 1 KB fragment bomb (each fragment spreads the next twice) as too complex, without walking it', async () => {
    const result = await probe(server.url, { query: fragmentBomb(28) });
    expect(refusal(result.hostile)).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX' });
    expectBystandersServed(result);
    // Twice as many levels would take the old checker 2^28 times longer; measured once per fragment it is refused alike.
    const deeper = await post(server.url, { query: fragmentBomb(200) });
    expect(refusal(deeper)).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX' });
  });

  it('probe 2: refuses a filter with 400 OR branches (one table scan each) before it reaches the pool', async () => {
    const result = await probe(server.url, { query: POOL_DRAIN });
    expect(refusal(result.hostile)).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(result.hostile.errors?.[0]?.message).toBe('where.OR has 400 items; at most 20 are allowed');
    expectBystandersServed(result);
  });

  it('probe 3: refuses 100 KB text filters, and any string argument over its length limit', async () => {
    const long = 'x'.repeat(100_000);
    for (const query of [
      `query ($t: String) { people(where: { nameContains: $t }) { totalCount } }`,
      `query ($t: String) { articles(where: { textContains: $t }) { totalCount } }`,
      `query ($t: String) { quotes(where: { textContains: $t }) { totalCount } }`,
      `query ($t: String) { tags(where: { nameContains: $t }) { totalCount } }`,
      `query ($t: String!) { article(slug: $t) { title } }`,
      `query ($t: String) { articles(after: $t) { totalCount } }`,
    ]) {
      const result = await probe(server.url, { query, variables: { t: long } });
      expect(refusal(result.hostile)).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
      expectBystandersServed(result);
    }
    const justOver = await post(server.url, { query: `{ people(where: { nameContains: "${'y'.repeat(201)}" }) { totalCount } }` });
    expect(justOver.errors?.[0]).toMatchObject({
      message: 'where.nameContains is 201 characters long; at most 200 characters are allowed',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const withinLimit = await post(server.url, { query: `{ people(where: { nameContains: "${'y'.repeat(200)}" }) { totalCount } }` });
    expect(withinLimit).toMatchObject({ status: 200, data: { people: { totalCount: 0 } } });
  });

  it('probe 4: charges coMentioned by the articles it aggregates, whatever the page size', async () => {
    const aliases = [0, 1, 2, 3].map((i) => `p${i}: places(first: 100) { nodes { coMentioned(first: 100) { totalCount } } }`).join(' ');
    const result = await probe(server.url, { query: `{ ${aliases} }` });
    expect(refusal(result.hostile)).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX' });
    expectBystandersServed(result);
    const modest = await post(server.url, { query: `{ places(first: 10) { nodes { coMentioned(first: 10) { totalCount } } } }` });
    expect(modest.status).toBe(200);
    expect(modest.errors).toBeUndefined();
  });

  it('probe 6: NUL characters and lone surrogates in string arguments are the client’s mistake', async () => {
    const nul = await probe(server.url, { query: `{ articles(where: { textContains: "a\\u0000b" }) { totalCount } }` });
    expect(refusal(nul.hostile)).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expectBystandersServed(nul);
    const surrogate = await probe(server.url, {
      query: `query ($t: String) { articles(where: { textContains: $t }) { totalCount } }`,
      variables: { t: 'a\ud800b' },
    });
    expect(refusal(surrogate.hostile)).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(surrogate.hostile.errors?.[0]?.message).toBe('where.textContains contains a lone UTF-16 surrogate (not valid Unicode text)');
    expectBystandersServed(surrogate);
    const pair = await post(server.url, { query: `query ($t: String) { articles(where: { textContains: $t }) { totalCount } }`, variables: { t: '😀' } });
    expect(pair).toMatchObject({ status: 200, data: { articles: { totalCount: 0 } } });
  });

  it('probe 6: NOT nested 60 deep is refused as too deep an input, not a 500', async () => {
    let where = '{ textContains: "x" }';
    for (let i = 0; i < 60; i++) where = `{ NOT: ${where} }`;
    const result = await probe(server.url, { query: `{ articles(where: ${where}) { totalCount } }` });
    expect(refusal(result.hostile)).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expectBystandersServed(result);
    let allowed = '{ textContains: "x" }';
    for (let i = 0; i < 9; i++) allowed = `{ NOT: ${allowed} }`;
    expect((await post(server.url, { query: `{ articles(where: ${allowed}) { totalCount } }` })).status).toBe(200);
  });

  it('probe 6: operation types the schema does not have fail validation', async () => {
    for (const query of ['subscription { articles { totalCount } }', 'mutation { articles { totalCount } }']) {
      const result = await probe(server.url, { query });
      // A schema with a Mutation type accepts mutations; this one has none (yet).
      expect(refusal(result.hostile)).toEqual({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
      expectBystandersServed(result);
    }
  });

  it('probe 6: a persisted query whose hash is not its query’s gets its own code', async () => {
    const result = await probe(server.url, { query: NORMAL_QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } });
    expect(refusal(result.hostile)).toEqual({ status: 400, code: 'PERSISTED_QUERY_HASH_MISMATCH' });
    expectBystandersServed(result);
  });

  it('probe 6: arguments refused by resolvers (page size, cursor, ID) answer HTTP 400, not 200', async () => {
    for (const query of ['{ articles(first: 1000) { totalCount } }', '{ articles(after: "zzz") { totalCount } }', '{ node(id: "nope") { id } }']) {
      const result = await probe(server.url, { query });
      expect(refusal(result.hostile)).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
      expectBystandersServed(result);
    }
  });

  it('keeps refusing the known bombs: depth, aliases, tokens, body size, batching', async () => {
    const hop = (inner: string) => `quotes(first: 1) { nodes { article { ${inner} } } }`;
    const cases: [unknown, { status: number; code: string }][] = [
      [{ query: `{ article(slug: "x") { ${hop(hop(hop(hop('title'))))} } }` }, { status: 400, code: 'QUERY_TOO_DEEP' }],
      [{ query: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: tags { totalCount }`).join(' ')} }` }, { status: 400, code: 'TOO_MANY_ALIASES' }],
      [{ query: `{ ${'__typename '.repeat(3100)} }` }, { status: 400, code: 'TOO_MANY_TOKENS' }],
      [JSON.stringify({ query: NORMAL_QUERY, padding: 'x'.repeat(1_100_000) }), { status: 413, code: 'BAD_REQUEST' }],
      [[{ query: NORMAL_QUERY }, { query: NORMAL_QUERY }], { status: 400, code: 'BAD_REQUEST' }],
    ];
    for (const [body, expected] of cases) {
      const result = await probe(server.url, body);
      expect(refusal(result.hostile)).toEqual(expected);
      expectBystandersServed(result);
    }
  });

  it('gives every response a request id, keeping a sane one the client sent', async () => {
    const mine = await post(server.url, { query: NORMAL_QUERY }, { 'x-request-id': 'req-42.a' });
    expect(mine.headers.get('x-request-id')).toBe('req-42.a');
    const forged = await post(server.url, { query: NORMAL_QUERY }, { 'x-request-id': 'bad id\twith\ttabs' });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const live = await fetch(server.url.replace(/\/graphql$/, '/health/live'));
    expect(live.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logged no error for any of these client mistakes', () => {
    expect(logged).toEqual([]);
  });
});

/** Thirty root fields, each one text scan: thirty statements at once from one request. */
const FAN_OUT = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: articles(where: { textContains: "zzz${i}" }) { totalCount }`).join(' ')} }`;

describe.each(databaseKinds)('one request cannot drain the pool on %s', (kind) => {
  let test: TestDatabase;
  let server: RunningServer;
  let locker: pg.Client;
  // The request log's lines with their fields, as the server gives them to its logger.
  const lines: { message: string; fields?: LogFields }[] = [];
  const keep = (message: string, fields?: LogFields) => void lines.push({ message, fields });
  const recording: Logger = { debug: keep, info: keep, warn: keep, error: keep };

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    await importFiles(test.db.prisma, [seedDir], { log: quiet });
    // Cost limits wide enough to let thirty scans through as an ordinary request (not one for the
    // heavy lane, which would give it one connection), so the budget alone must hold them.
    server = await startServer(
      {
        nodeEnv: 'test',
        port: 0,
        introspection: true,
        limits: { maxCost: 100_000_000, heavyCost: 100_000_000, requestTimeoutMs: 1500, connectionsPerRequest: 3 },
      },
      test.db.prisma,
      recording,
    );
    locker = new pg.Client({ connectionString: test.url, application_name: 'hostile-test-locker' });
    await locker.connect();
  });

  afterAll(async () => {
    await locker?.end();
    await server?.stop();
    await test?.drop();
  });

  it('probe 2: thirty blocked scans hold 3 of the 10 connections, the pool serves others, and the deadline cancels the SQL on the server', async () => {
    // Every statement that reads `article` now waits, as a long scan would: an honest slow database.
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE article IN ACCESS EXCLUSIVE MODE');
    const order: string[] = [];
    const base = server.url.replace(/\/graphql$/, '');
    try {
      const hostile = post(server.url, { query: FAN_OUT }).then((answer) => (order.push('hostile'), answer));
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Readiness takes a pooled connection (SELECT 1, not blocked by the lock): ten of them at
      // once need the pool the hostile request would have drained.
      const ready = await Promise.all(
        Array.from({ length: 10 }, () => fetch(`${base}/health/ready`).then((response) => (order.push('ready'), response.status))),
      );
      const live = await fetch(`${base}/health/live`);
      order.push('live');
      expect(ready).toEqual(Array(10).fill(200));
      expect(live.status).toBe(200);
      const answer = await hostile;
      expect({ status: answer.status, code: answer.errors?.[0]?.extensions?.code, retryAfter: answer.headers.get('retry-after') }).toEqual({
        status: 503,
        code: 'REQUEST_TIMEOUT',
        retryAfter: '1',
      });
      expect(order).toEqual([...Array(10).fill('ready'), 'live', 'hostile']);
      // The lock is still held: statements only abandoned by the client would still be waiting on it.
      const waiting = await locker.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'storygraph' AND wait_event_type = 'Lock'`);
      expect(waiting.rows[0].n).toBe(0);
      // The request's log line: written once its work has wound down, after the answer left.
      const logged = () => lines.find((line) => line.fields?.path === '/graphql' && line.fields?.status === 503)?.fields;
      for (let waited = 0; !logged() && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(logged()).toMatchObject({ status: 503, peakConnections: 3, timedOut: true });
    } finally {
      await locker.query('ROLLBACK');
    }
    const after = await post(server.url, { query: NORMAL_QUERY });
    expect(after).toMatchObject({ status: 200, data: { article: { title: NORMAL_TITLE } } });
  });
});
