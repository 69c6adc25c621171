import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../src/db/openDatabase.js';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { findPostgresBinaries, startReplicatedPostgres, type ReplicatedPostgres } from '../support/replicatedPostgres.js';
import { tokenFor } from '../support/tokens.js';

const quiet = createLogger('error');
const bin = findPostgresBinaries();
// Skipped only where PostgreSQL's server binaries are not installed; anything else fails.
const describeWithBinaries = bin ? describe : describe.skip;
if (!bin) process.stderr.write('readReplicas.test.ts: skipped: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin\n');

const STORIES = ['Harbour Wall Rebuilt', 'Tram Line Extended'].map((title) => ({
  title,
  body: 'The council said on Monday that the work would start soon, according to council leader Maria Okafor.\n\n"It is good news," said Okafor.',
  status: 'DRAFT',
}));

const ARTICLE = `query ($slug: String!) { article(slug: $slug) { id version status isPublic } }`;
const PUBLISH = `mutation ($id: ID!, $version: Int!) { publishArticle(id: $id, version: $version) { status isPublic } }`;

/** A GraphQL request over HTTP with extra headers; the answer with its status and headers. */
async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] } };
}

describeWithBinaries('read replicas (a streaming replica started from the PostgreSQL binaries)', () => {
  let pair: ReplicatedPostgres;
  let db: Database;
  let server: RunningServer;
  let dir: string;
  let editor: string;

  beforeAll(async () => {
    pair = await startReplicatedPostgres(bin!, 'storygraph');
    db = await openDatabase({ databaseUrl: pair.primaryUrl, dataDir: '', embeddedPort: 0, statementTimeoutMs: 30_000 }, quiet);
    dir = await mkdtemp(join(tmpdir(), 'storygraph-replica-'));
    await writeFile(join(dir, 'stories.jsonl'), STORIES.map((story) => JSON.stringify(story)).join('\n') + '\n');
    expect(await importFiles(db.prisma, [join(dir, 'stories.jsonl')], { log: quiet })).toMatchObject({ imported: STORIES.length });
    editor = await tokenFor(db.prisma, 'EDITOR');
    await pair.caughtUp();
    server = await startServer({ nodeEnv: 'test', port: 0, introspection: true, databaseReplicaUrls: [pair.replicaUrl] }, db.prisma, quiet);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await db?.close();
    await pair?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Statements the API ran on each server while `work` ran. */
  async function statementsDuring(work: () => Promise<unknown>) {
    const before = { replica: await pair.statements('storygraph-replica-read'), primary: await pair.statements('storygraph') };
    await work();
    const after = { replica: await pair.statements('storygraph-replica-read'), primary: await pair.statements('storygraph') };
    return { onReplica: after.replica.replica - before.replica.replica, onPrimary: after.primary.primary - before.primary.primary };
  }

  it('anonymous queries read from the replica only; EDITOR queries from the primary only', async () => {
    const anonymous = await statementsDuring(async () => {
      const answer = await post(server.url, `{ articles { totalCount } people { totalCount } }`, {});
      expect(answer.body).toEqual({ data: { articles: { totalCount: 0 }, people: { totalCount: 0 } } });
    });
    expect(anonymous.onReplica).toBeGreaterThan(0);
    expect(anonymous.onPrimary).toBe(0);

    const asEditor = await statementsDuring(async () => {
      const answer = await post(server.url, `{ articles { totalCount } }`, {}, { authorization: `Bearer ${editor}` });
      expect(answer.body).toEqual({ data: { articles: { totalCount: STORIES.length } } });
    });
    expect(asEditor.onReplica).toBe(0);
    expect(asEditor.onPrimary).toBeGreaterThan(0);
  });

  it('the browser pages read as anonymous callers do: from the replica only', async () => {
    const page = await statementsDuring(async () => {
      const response = await fetch(server.url.replace(/\/graphql$/, '/stories/harbour-wall-rebuilt'));
      // Still a draft: the page answers as the API does for an anonymous caller.
      expect(response.status).toBe(404);
    });
    expect(page.onReplica).toBeGreaterThan(0);
    expect(page.onPrimary).toBe(0);
  });

  it('a write returns Storygraph-Consistency; with it a reader sees the write even while the replica lags, without it only once the replica has replayed', async () => {
    const slug = 'harbour-wall-rebuilt';
    const draft = await post(server.url, ARTICLE, { slug }, { authorization: `Bearer ${editor}` });
    const { id, version } = draft.body.data.article;
    await pair.onReplica('SELECT pg_wal_replay_pause()');
    try {
      const published = await post(server.url, PUBLISH, { id, version }, { authorization: `Bearer ${editor}` });
      expect(published.body).toEqual({ data: { publishArticle: { status: 'PUBLISHED', isPublic: true } } });
      const token = published.headers.get('storygraph-consistency');
      expect(token).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      // The paused replica still has the draft: an anonymous read without the token is stale…
      expect((await post(server.url, ARTICLE, { slug })).body).toEqual({ data: { article: null } });
      // …and with it, the read goes to the primary, which has the write.
      const fresh = await statementsDuring(async () => {
        expect((await post(server.url, ARTICLE, { slug }, { 'storygraph-consistency': token! })).body.data.article).toMatchObject({ status: 'PUBLISHED' });
      });
      expect(fresh.onPrimary).toBeGreaterThan(0);
      // A query that writes nothing carries no position.
      expect((await post(server.url, ARTICLE, { slug })).headers.get('storygraph-consistency')).toBeNull();
    } finally {
      await pair.onReplica('SELECT pg_wal_replay_resume()');
    }
    await pair.caughtUp();
    expect((await post(server.url, ARTICLE, { slug })).body.data.article).toMatchObject({ status: 'PUBLISHED' });
  });

  it('a Storygraph-Consistency that is not a WAL position is a 400', async () => {
    const answer = await post(server.url, `{ articles { totalCount } }`, {}, { 'storygraph-consistency': 'yesterday' });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      errors: [{ message: 'Storygraph-Consistency must be a WAL position as a response gave it (e.g. 0/16B3748)', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('with a response cache, a lagging replica never fills the new generation with what a write replaced', async () => {
    const cached = await startServer(
      { nodeEnv: 'test', port: 0, introspection: true, databaseReplicaUrls: [pair.replicaUrl], responseCacheSeconds: 60 },
      db.prisma,
      quiet,
    );
    try {
      const slug = 'tram-line-extended';
      expect((await post(cached.url, ARTICLE, { slug })).body).toEqual({ data: { article: null } });
      const { id, version } = (await post(cached.url, ARTICLE, { slug }, { authorization: `Bearer ${editor}` })).body.data.article;
      await pair.onReplica('SELECT pg_wal_replay_pause()');
      try {
        await post(cached.url, PUBLISH, { id, version }, { authorization: `Bearer ${editor}` });
        // No consistency token: the generation the write started carries its WAL position, so the
        // answer that will be stored under it is read where the write is, and so is the next one.
        for (let i = 0; i < 2; i++) expect((await post(cached.url, ARTICLE, { slug })).body.data.article).toMatchObject({ status: 'PUBLISHED' });
      } finally {
        await pair.onReplica('SELECT pg_wal_replay_resume()');
      }
    } finally {
      await cached.stop();
    }
  });

  it('when the replica goes away, anonymous reads are answered from the primary', async () => {
    await pair.stopReplica();
    const answer = await statementsDuring(async () => {
      for (let i = 0; i < 3; i++) expect((await post(server.url, `{ articles { totalCount } }`, {})).body).toEqual({ data: { articles: { totalCount: 2 } } });
    });
    expect(answer.onPrimary).toBeGreaterThan(0);
  });
});
