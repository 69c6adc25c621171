// Caching for readers (issue 14): ETags and 304s, Cache-Control by role, a shared response cache
// (Redis across replicas, or memory) emptied by every write, never holding what editors see,
// and never outliving a scheduled publication.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { projectRoot } from '../../src/projectRoot.js';
import { startServer, type RunningServer, type ServerConfig } from '../../src/server.js';
import { NORMAL_TITLE } from '../support/hostile.js';
import { tokenFor } from '../support/tokens.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const quiet = createLogger('error');
const SLUG = 'russia-and-nato-agree-to-begin-negotiations-this-winter';
const PAGE = `{ article(slug: "${SLUG}") { id title section version } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $section: String) { updateArticle(id: $id, version: $version, input: { section: $section }) { section } }`;

async function send(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: text ? (JSON.parse(text) as { data?: Record<string, any>; errors?: unknown[] }) : null,
  };
}

describe.each(databaseKinds)('caching for readers on %s', (kind) => {
  let test: TestDatabase;
  const servers: RunningServer[] = [];
  const serve = async (config: Partial<ServerConfig> = {}) => {
    const server = await startServer({ nodeEnv: 'test', port: 0, introspection: true, ...config }, test.db.prisma, quiet);
    servers.push(server);
    return server;
  };
  const setSection = (section: string) => test.db.prisma.$executeRaw`UPDATE article SET section = ${section} WHERE slug = ${SLUG}`;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    await importFiles(test.db.prisma, [join(projectRoot, 'fixtures', 'seed')], { log: quiet });
  });

  afterAll(async () => {
    for (const server of servers) await server.stop();
    await test?.drop();
  });

  it('gives readers an ETag and answers 304 when they hold it; editors get no-store and no ETag', async () => {
    const server = await serve();
    const first = await send(server.url, { query: PAGE });
    expect(first.json?.data?.article.title).toBe(NORMAL_TITLE);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect({ cacheControl: first.headers.get('cache-control'), vary: first.headers.get('vary') }).toEqual({
      cacheControl: 'public, no-cache',
      vary: 'Authorization',
    });
    const again = await send(server.url, { query: PAGE }, { 'if-none-match': etag! });
    expect({ status: again.status, body: again.text, etag: again.headers.get('etag') }).toEqual({ status: 304, body: '', etag });
    // Changed data, new ETag: the old one no longer matches.
    await setSection('world');
    const changed = await send(server.url, { query: PAGE }, { 'if-none-match': etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    // A READER's answer is the same but private; an editor's is never stored.
    const reader = await send(server.url, { query: PAGE }, { authorization: `Bearer ${await tokenFor(test.db.prisma, 'READER')}` });
    expect(reader.headers.get('cache-control')).toBe('private, no-cache');
    const editor = await send(server.url, { query: PAGE }, { authorization: `Bearer ${await tokenFor(test.db.prisma, 'EDITOR')}` });
    expect({ cacheControl: editor.headers.get('cache-control'), etag: editor.headers.get('etag') }).toEqual({ cacheControl: 'private, no-store', etag: null });
    // Errors are never cached.
    const wrong = await send(server.url, { query: '{ article(slug: 1) { title } }' });
    expect(wrong.headers.get('cache-control')).toBe('private, no-store');
  });

  it('shares stored answers between replicas through Redis, and a write through either empties them', async () => {
    const shared = { redisUrl: 'redis://127.0.0.1:6379', responseCachePrefix: `storygraph-test:${randomUUID()}:`, responseCacheSeconds: 60 };
    const [a, b] = [await serve(shared), await serve(shared)];
    await setSection('before');
    const stored = await send(b.url, { query: PAGE });
    expect(stored.json?.data?.article.section).toBe('before');
    expect(stored.headers.get('cache-control')).toBe('public, max-age=60');
    // A change that bypasses the API is not seen until the answer expires: the answer is stored,
    // and replica A answers from what B stored.
    await setSection('behind the API');
    expect((await send(a.url, { query: PAGE })).json?.data?.article.section).toBe('before');
    // A write through A empties the cache for B too, before A answers the write.
    const { id, version } = stored.json!.data!.article as { id: string; version: number };
    const editor = `Bearer ${await tokenFor(test.db.prisma, 'EDITOR')}`;
    const written = await send(a.url, { query: UPDATE, variables: { id, version, section: 'after' } }, { authorization: editor });
    expect(written.json?.errors).toBeUndefined();
    expect(written.headers.get('cache-control')).toBe('private, no-store');
    expect((await send(b.url, { query: PAGE })).json?.data?.article.section).toBe('after');
  });

  it('never stores what an editor sees for anyone else: a draft stays invisible to anonymous readers', async () => {
    const server = await serve({ responseCacheSeconds: 60 });
    await test.db.prisma.$executeRaw`UPDATE article SET status = 'DRAFT' WHERE slug = ${SLUG}`;
    try {
      const editor = await send(server.url, { query: PAGE }, { authorization: `Bearer ${await tokenFor(test.db.prisma, 'EDITOR')}` });
      expect(editor.json?.data?.article.title).toBe(NORMAL_TITLE);
      const anonymous = await send(server.url, { query: PAGE });
      expect(anonymous.json?.data?.article).toBeNull();
    } finally {
      await test.db.prisma.$executeRaw`UPDATE article SET status = 'PUBLISHED' WHERE slug = ${SLUG}`;
    }
  });

  it('keeps answers no longer than the time left before a scheduled article becomes public', async () => {
    await test.db.prisma.$executeRaw`UPDATE article SET "publishedAt" = ${new Date(Date.now() + 30_000)} WHERE slug = ${SLUG}`;
    try {
      const server = await serve({ responseCacheSeconds: 600 });
      const answer = await send(server.url, { query: PAGE });
      // Scheduled, so not yet public; the answer saying so must not outlive the schedule.
      expect(answer.json?.data?.article).toBeNull();
      const maxAge = Number(/max-age=(\d+)/.exec(answer.headers.get('cache-control') ?? '')?.[1]);
      expect(maxAge).toBeGreaterThan(0);
      expect(maxAge).toBeLessThanOrEqual(30);
    } finally {
      await test.db.prisma.$executeRaw`UPDATE article SET "publishedAt" = NULL WHERE slug = ${SLUG}`;
    }
  });
});
