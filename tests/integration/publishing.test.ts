import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebhookSettings } from '../../src/config.js';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { verifySignature } from '../../src/webhooks/signBody.js';
import { gql } from '../support/graphqlClient.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';
import { tokenFor } from '../support/tokens.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver.js';

const quiet = createLogger('error');
const webhooks: WebhookSettings = { deliver: true, pollMs: 50, timeoutMs: 2000, maxAttempts: 5, retryBaseMs: 100 };

const STORIES = ['Ferry Link Approved', 'Bridge Repairs Begin', 'Library Opens Late', 'Market Moves Indoors'].map((title, i) => ({
  title,
  body: `The council said on Monday that the work would start soon, according to council leader Maria Okafor.\n\n"It is good news for story ${i}," said Okafor.`,
  status: 'DRAFT',
}));
const slugOf = (title: string) => title.toLowerCase().replaceAll(' ', '-');

const ARTICLE = `query ($slug: String!) { article(slug: $slug) { id version status publishedAt isPublic } }`;
const PUBLISH = `mutation ($id: ID!, $version: Int!, $at: String) { publishArticle(id: $id, version: $version, at: $at) { id version status publishedAt isPublic } }`;
const UNPUBLISH = `mutation ($id: ID!, $version: Int!) { unpublishArticle(id: $id, version: $version) { version status isPublic } }`;
const DELETE = `mutation ($id: ID!, $version: Int!) { deleteArticle(id: $id, version: $version) { id slug } }`;

describe.each(databaseKinds)('publishing, revisions and signed webhooks on %s', (kind) => {
  let test: TestDatabase;
  let server: RunningServer;
  let second: RunningServer;
  let receiver: WebhookReceiver;
  let dir: string;
  let editor: string;
  let admin: string;
  let secret: string;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'storygraph-publish-'));
    await writeFile(join(dir, 'stories.jsonl'), STORIES.map((story) => JSON.stringify(story)).join('\n') + '\n');
    expect(await importFiles(test.db.prisma, [join(dir, 'stories.jsonl')], { log: quiet })).toMatchObject({ imported: STORIES.length });
    editor = await tokenFor(test.db.prisma, 'EDITOR');
    admin = await tokenFor(test.db.prisma, 'ADMIN');
    receiver = await startWebhookReceiver();
    // Two API processes on one database, both delivering webhooks.
    const config = { nodeEnv: 'test' as const, port: 0, introspection: true, webhooks, publicBaseUrl: 'https://news.example.com' };
    server = await startServer(config, test.db.prisma, quiet);
    second = await startServer(config, test.db.prisma, quiet);
    const created = await gql(
      server.url,
      `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id url events } } }`,
      { input: { url: receiver.url, events: ['article.published', 'article.unpublished', 'article.deleted'] } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    secret = created.data!.createWebhook.secret;
    expect(secret.length).toBeGreaterThanOrEqual(16);
  });

  afterAll(async () => {
    await server?.stop();
    await second?.stop();
    await receiver?.close();
    await test?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function article(slug: string, token?: string) {
    const answer = await gql(server.url, ARTICLE, { slug }, token);
    expect(answer.errors).toBeUndefined();
    return answer.data!.article;
  }

  it('publishes a draft: anonymous callers see it, a signed article.published arrives, a revision records it', async () => {
    const slug = slugOf(STORIES[0]!.title);
    expect(await article(slug)).toBeNull();
    const draft = await article(slug, editor);
    expect(draft).toMatchObject({ version: 1, status: 'DRAFT', isPublic: false });

    const published = await gql(server.url, PUBLISH, { id: draft.id, version: 1 }, editor);
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishArticle).toMatchObject({ version: 2, status: 'PUBLISHED', isPublic: true });
    expect(await article(slug)).toMatchObject({ id: draft.id, isPublic: true });

    const [delivery] = await receiver.waitFor(1);
    expect(delivery!.json).toMatchObject({
      event: 'article.published',
      article: { id: draft.id, slug, status: 'PUBLISHED', version: 2, url: `https://news.example.com/stories/${slug}` },
    });
    expect(delivery!.headers['storygraph-event']).toBe('article.published');
    expect(verifySignature(secret, delivery!.body, String(delivery!.headers['storygraph-signature']))).toBe(true);
    expect(verifySignature('another-secret-entirely', delivery!.body, String(delivery!.headers['storygraph-signature']))).toBe(false);

    const history = await gql(
      server.url,
      `query ($slug: String!) { article(slug: $slug) { revisions { totalCount nodes { version action actor changes } } } }`,
      { slug },
      editor,
    );
    expect(history.data!.article.revisions).toMatchObject({
      totalCount: 2,
      nodes: [
        { version: 2, action: 'PUBLISH', actor: expect.stringMatching(/^test-editor-/), changes: { status: { before: 'DRAFT', after: 'PUBLISHED' } } },
        { version: 1, action: 'CREATE', actor: 'import', changes: {} },
      ],
    });
    // Revisions are editors' business.
    const anonymous = await gql(server.url, `{ article(slug: "${slug}") { revisions { totalCount } } }`);
    expect(anonymous).toMatchObject({ status: 401, errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('answers a stale version with CONFLICT and the current version, and changes nothing', async () => {
    const slug = slugOf(STORIES[0]!.title);
    const current = await article(slug, editor);
    const stale = await gql(server.url, UNPUBLISH, { id: current.id, version: current.version - 1 }, editor);
    expect(stale).toMatchObject({ status: 409, errors: [{ extensions: { code: 'CONFLICT', currentVersion: current.version } }] });
    expect(await article(slug, editor)).toEqual(current);
    const reader = await tokenFor(test.db.prisma, 'READER');
    expect(await gql(server.url, UNPUBLISH, { id: current.id, version: current.version }, reader)).toMatchObject({
      status: 403,
      errors: [{ extensions: { code: 'FORBIDDEN' } }],
    });
    expect(await gql(server.url, UNPUBLISH, { id: current.id, version: current.version })).toMatchObject({
      status: 401,
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  it('retries a delivery the receiver refused, and keeps one article’s events in order', async () => {
    const before = receiver.received.length;
    const slug = slugOf(STORIES[1]!.title);
    const draft = await article(slug, editor);
    receiver.failNext(500, 503);
    const published = await gql(server.url, PUBLISH, { id: draft.id, version: draft.version }, editor);
    const unpublished = await gql(server.url, UNPUBLISH, { id: draft.id, version: published.data!.publishArticle.version }, editor);
    expect(unpublished.data!.unpublishArticle).toMatchObject({ status: 'DRAFT', isPublic: false });
    const received = (await receiver.waitFor(before + 4)).slice(before);
    expect(received.map((r) => [r.json.event, r.status])).toEqual([
      ['article.published', 500],
      ['article.published', 503],
      ['article.published', 200],
      ['article.unpublished', 200],
    ]);
    // The same delivery, retried: one id; the backoff (100 ms, then 200 ms) is a lower bound on the wait.
    expect(new Set(received.slice(0, 3).map((r) => r.headers['storygraph-delivery'])).size).toBe(1);
    expect(received[2]!.at - received[0]!.at).toBeGreaterThanOrEqual(webhooks.retryBaseMs * 3);
    // The receiver answers before the dispatcher records the answer: wait (bounded) for the record.
    const latest = async () =>
      (await gql(server.url, `{ webhookDeliveries(first: 2) { nodes { event status attempts lastStatus } } }`, undefined, admin)).data!.webhookDeliveries
        .nodes as { status: string }[];
    let nodes = await latest();
    for (let waited = 0; nodes.some((n) => n.status !== 'DELIVERED') && waited < 5000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      nodes = await latest();
    }
    expect(nodes).toEqual([
      { event: 'article.unpublished', status: 'DELIVERED', attempts: 1, lastStatus: 200 },
      { event: 'article.published', status: 'DELIVERED', attempts: 3, lastStatus: 200 },
    ]);
  });

  it('schedules a publication: invisible until its time, then public, with one article.published from either process', async () => {
    const before = receiver.received.length;
    const slug = slugOf(STORIES[2]!.title);
    const draft = await article(slug, editor);
    const at = new Date(Date.now() + 1500).toISOString();
    const scheduled = await gql(server.url, PUBLISH, { id: draft.id, version: draft.version, at }, editor);
    expect(scheduled.data!.publishArticle).toMatchObject({ status: 'PUBLISHED', publishedAt: at, isPublic: false });
    expect(await article(slug)).toBeNull();
    const [delivery] = (await receiver.waitFor(before + 1)).slice(before);
    expect(delivery!.at).toBeGreaterThanOrEqual(Date.parse(at));
    expect(delivery!.json).toMatchObject({ event: 'article.published', occurredAt: at, article: { slug } });
    expect(await article(slug)).toMatchObject({ isPublic: true });
    // Both processes poll the outbox; the event went out once.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received.slice(before).filter((r) => r.json.article?.slug === slug)).toHaveLength(1);
  });

  it('cancels a scheduled publication when the article goes back to draft', async () => {
    const before = receiver.received.length;
    const slug = slugOf(STORIES[3]!.title);
    const draft = await article(slug, editor);
    const scheduled = await gql(server.url, PUBLISH, { id: draft.id, version: draft.version, at: new Date(Date.now() + 600).toISOString() }, editor);
    await gql(server.url, UNPUBLISH, { id: draft.id, version: scheduled.data!.publishArticle.version }, editor);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await article(slug)).toBeNull();
    expect(receiver.received.length).toBe(before);
    const cancelled = await gql(server.url, `{ webhookDeliveries(status: CANCELLED) { totalCount } }`, undefined, admin);
    expect(cancelled.data!.webhookDeliveries.totalCount).toBe(1);
  });

  it('deletes an article: gone for everyone, article.deleted sent, its revisions kept', async () => {
    const before = receiver.received.length;
    const slug = slugOf(STORIES[0]!.title);
    const current = await article(slug, editor);
    const deleted = await gql(server.url, DELETE, { id: current.id, version: current.version }, editor);
    expect(deleted.data!.deleteArticle).toEqual({ id: current.id, slug });
    expect(await article(slug, editor)).toBeNull();
    const [delivery] = (await receiver.waitFor(before + 1)).slice(before);
    expect(delivery!.json).toMatchObject({ event: 'article.deleted', article: { slug } });
    const id = Buffer.from(current.id, 'base64url').toString().split(':')[1]!;
    const revisions = await test.db.prisma.articleRevision.findMany({ where: { articleId: id }, orderBy: { version: 'asc' } });
    expect(revisions.map((r) => r.action)).toEqual(['CREATE', 'PUBLISH', 'DELETE']);
    expect(await gql(server.url, DELETE, { id: current.id, version: current.version + 1 }, editor)).toMatchObject({
      status: 404,
      errors: [{ extensions: { code: 'NOT_FOUND' } }],
    });
  });
});
