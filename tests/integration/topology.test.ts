// The production topology, with real processes: a PostgreSQL primary and a streaming replica
// (started from the machine's PostgreSQL binaries), Redis, two API processes and two import
// workers. Skipped only where the PostgreSQL server binaries are not installed.
import { connect, type Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateArchive } from '../../bench/generateArchive.js';
import { openDatabase, type Database } from '../../src/db/openDatabase.js';
import { createLogger } from '../../src/log.js';
import { openImportQueue } from '../../src/queue/importQueue.js';
import { importSnapshot } from '../support/importSnapshot.js';
import { findPostgresBinaries, startReplicatedPostgres, type ReplicatedPostgres } from '../support/replicatedPostgres.js';
import { runScript } from '../support/runScript.js';
import { startApi, stopApi, type ApiProcess } from '../support/startApi.js';
import { startWorker, type WorkerProcess } from '../support/startWorker.js';
import { tokenFor } from '../support/tokens.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver.js';

const quiet = createLogger('error');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const bin = findPostgresBinaries();
const describeWithBinaries = bin ? describe : describe.skip;
if (!bin) process.stderr.write('topology.test.ts: skipped: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin\n');

const ARTICLES = 60;
const BATCH = 10;
const PARAGRAPHS = [
  'The company said profits rose by 12% in the three months to September, helped by strong sales in Asia.',
  'Shares in the group fell sharply in early trading in London after the announcement.',
  'Talks between the two sides broke down last week after they failed to agree on pay.',
];
const TITLES = ['Profits rise at engineering group', 'Talks collapse over pay'];

const CREATE = `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { id version slug status } }`;
const PUBLISH = `mutation ($id: ID!, $version: Int!) { publishArticle(id: $id, version: $version) { status isPublic } }`;
const ARTICLE = `query ($slug: String!) { article(slug: $slug) { title status } }`;

/** A GraphQL request with extra headers: its status, headers and body. */
async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: any; errors?: unknown[] } };
}

/** A raw HTTP/1.1 connection, so a request can be left half-sent (accepted, in flight) across a signal. */
function open(port: number): Promise<{ send: (text: string) => void; response: () => Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1', () => {
      let received = '';
      const ended = new Promise<string>((done) => {
        socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
        socket.on('close', () => done(received));
      });
      resolve({ send: (text) => socket.write(text), response: () => ended });
    });
    socket.once('error', reject);
  });
}

const until = async (check: () => Promise<boolean> | boolean, ms = 10_000) => {
  for (const start = Date.now(); !(await check());) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describeWithBinaries('the topology: primary and streaming replica, Redis, two API processes, two import workers', () => {
  let pair: ReplicatedPostgres;
  let db: Database;
  let clean: Database;
  let receiver: WebhookReceiver;
  let dir: string;
  let editor: string;
  let apiA: ApiProcess;
  let apiB: ApiProcess;
  const workers: WorkerProcess[] = [];
  const queueName = `storygraph-topology-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    pair = await startReplicatedPostgres(bin!, 'storygraph');
    // Migrations run once, before the replicas of the API start (as `npm run migrate` would).
    db = await openDatabase({ databaseUrl: pair.primaryUrl, dataDir: '', embeddedPort: 0, statementTimeoutMs: 30_000 }, quiet);
    editor = await tokenFor(db.prisma, 'EDITOR');
    const admin = await tokenFor(db.prisma, 'ADMIN');
    dir = await mkdtemp(join(tmpdir(), 'storygraph-topology-'));
    await generateArchive(dir, { count: ARTICLES, paragraphs: PARAGRAPHS, titles: TITLES, seed: 5 });
    receiver = await startWebhookReceiver();
    const cleanUrl = pair.primaryUrl.replace(/\/storygraph$/, '/clean');
    const apiEnv = {
      DATABASE_URL: pair.primaryUrl,
      DATABASE_REPLICA_URLS: pair.replicaUrl,
      REDIS_URL,
      SEED_ON_EMPTY: 'false',
      WEBHOOK_POLL_MS: '100',
      SHUTDOWN_TIMEOUT_MS: '10000',
    };
    const workerEnv = { DATABASE_URL: pair.primaryUrl, REDIS_URL, IMPORT_QUEUE: queueName, IMPORT_JOB_LOCK_MS: '2000' };
    // Everything starts at once; the reference import (one process, no queue) runs meanwhile.
    const [a, b, w1, w2, reference] = await Promise.all([
      startApi(apiEnv),
      startApi(apiEnv),
      startWorker(workerEnv),
      startWorker(workerEnv),
      runScript('scripts/import.ts', ['--json', '--batch-size', String(BATCH), dir], { DATABASE_URL: cleanUrl }),
    ]);
    [apiA, apiB] = [a, b];
    workers.push(w1, w2);
    expect(reference.code).toBe(0);
    clean = await openDatabase({ databaseUrl: cleanUrl, dataDir: '', embeddedPort: 0, statementTimeoutMs: 30_000 }, quiet);
    const webhook = await post(
      apiA.url,
      `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }`,
      { input: { url: receiver.url, events: ['article.published'] } },
      { authorization: `Bearer ${admin}` },
    );
    expect(webhook.body.errors).toBeUndefined();
  }, 180_000);

  afterAll(async () => {
    for (const api of [apiA, apiB]) if (api) await stopApi(api.child, 'SIGKILL');
    for (const worker of workers) worker.child.kill('SIGKILL');
    const queue = openImportQueue(REDIS_URL, queueName);
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await receiver?.close();
    await clean?.close();
    await db?.close();
    await pair?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('a queued import survives a worker killed mid-job and ends as a one-process import', async () => {
    const [doomed, survivor] = workers as [WorkerProcess, WorkerProcess];
    const run = runScript('scripts/import.ts', ['--queue', '--wait', '--json', '--batch-size', String(BATCH), dir], {
      DATABASE_URL: pair.primaryUrl,
      REDIS_URL,
      IMPORT_QUEUE: queueName,
    });
    const [, jobId] = await doomed.waitFor(/job (\S+): importing/);
    doomed.child.kill('SIGKILL');
    const result = await run;
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ files: ARTICLES, failed: 0 });
    expect(summary.imported + summary.unchanged).toBe(ARTICLES);
    expect(survivor.log()).toMatch(new RegExp(`job ${jobId}: ${BATCH} article\\(s\\): .* \\(taken 2 times\\)`));
    expect(await importSnapshot({ db })).toEqual(await importSnapshot({ db: clean }));
  });

  it('a write through one API is read through the other; anonymous reads come from the replica; the writer and whoever carries its position read the write at once; its webhook fires once', async () => {
    const asEditor = { authorization: `Bearer ${editor}` };
    const created = await post(
      apiA.url,
      CREATE,
      { input: { title: 'Ferry Timetable Changes', paragraphs: ['The ferry will run every hour from May.'] } },
      asEditor,
    );
    const { id, version, slug } = created.body.data.createArticle;
    // The editor reads its draft through the other process (editors read from the primary).
    expect((await post(apiB.url, ARTICLE, { slug }, asEditor)).body.data.article).toEqual({ title: 'Ferry Timetable Changes', status: 'DRAFT' });

    await pair.caughtUp();
    await pair.onReplica('SELECT pg_wal_replay_pause()');
    let position: string;
    try {
      const published = await post(apiA.url, PUBLISH, { id, version }, asEditor);
      expect(published.body.data.publishArticle).toEqual({ status: 'PUBLISHED', isPublic: true });
      position = published.headers.get('storygraph-consistency')!;
      expect(position).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);

      // An anonymous reader of either process is served by the replica, which has not replayed the write…
      const before = await pair.statements('storygraph-replica-read');
      expect((await post(apiB.url, ARTICLE, { slug })).body.data.article).toBeNull();
      expect((await post(apiA.url, ARTICLE, { slug })).body.data.article).toBeNull();
      expect((await pair.statements('storygraph-replica-read')).replica).toBeGreaterThan(before.replica);
      // …while the writer's position, carried to the other process, gets the write at once.
      expect((await post(apiB.url, ARTICLE, { slug }, { 'storygraph-consistency': position })).body.data.article).toEqual({
        title: 'Ferry Timetable Changes',
        status: 'PUBLISHED',
      });
      expect((await post(apiB.url, ARTICLE, { slug }, asEditor)).body.data.article.status).toBe('PUBLISHED');

      // Both processes deliver webhooks; the event arrives once, and its position reads the article back.
      const ours = () => receiver.received.filter((r) => r.json.event === 'article.published' && r.json.article?.slug === slug);
      await until(() => ours().length > 0);
      const fromWebhook = String(ours()[0]!.headers['storygraph-consistency']);
      expect((await post(apiA.url, ARTICLE, { slug }, { 'storygraph-consistency': fromWebhook })).body.data.article.status).toBe('PUBLISHED');
    } finally {
      await pair.onReplica('SELECT pg_wal_replay_resume()');
    }
    // Once the replica replays, every reader sees it (within a bounded time).
    await until(async () => (await post(apiB.url, ARTICLE, { slug })).body.data.article?.status === 'PUBLISHED');
    // Every publication (the imported articles' and this one) was delivered exactly once.
    await until(() => receiver.received.length >= ARTICLES + 1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const perArticle = new Map<string, number>();
    for (const { json } of receiver.received) perArticle.set(String(json.article?.slug), (perArticle.get(String(json.article?.slug)) ?? 0) + 1);
    expect(perArticle.size).toBe(ARTICLES + 1);
    expect([...perArticle.values()].every((n) => n === 1)).toBe(true);
    expect(receiver.received.every((r) => r.json.event === 'article.published')).toBe(true);
  });

  it('an API process stopped with SIGTERM answers the request it had accepted; the other goes on serving', async () => {
    const port = Number(new URL(apiB.url).port);
    const body = JSON.stringify({ query: '{ articles { totalCount } }' });
    const exited = new Promise<number | null>((resolve) => apiB.child.once('exit', resolve));
    const inFlight = await open(port);
    inFlight.send(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
    inFlight.send(body.slice(0, 5));
    await new Promise((resolve) => setTimeout(resolve, 200));
    apiB.child.kill('SIGTERM');
    await until(() => apiB.log().includes('SIGTERM: shutting down'));
    inFlight.send(body.slice(5));
    const answer = await inFlight.response();
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain(`{"data":{"articles":{"totalCount":${ARTICLES + 1}}}}`);
    expect(await exited).toBe(0);
    expect((await post(apiA.url, '{ articles { totalCount } }')).body).toEqual({ data: { articles: { totalCount: ARTICLES + 1 } } });
  });
});
