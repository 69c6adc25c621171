import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { createWebhook } from '../../src/webhooks/manageWebhooks.js';
import { verifySignature } from '../../src/webhooks/signBody.js';
import { gql } from '../support/graphqlClient.js';
import { startApi, stopApi } from '../support/startApi.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabases.js';
import { tokenFor } from '../support/tokens.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver.js';

const quiet = createLogger('error');

describe('a webhook survives the API process being killed between commit and delivery', () => {
  let test: TestDatabase;
  let receiver: WebhookReceiver;
  let dir: string;

  beforeAll(async () => {
    test = await createTestDatabase('embedded');
    dir = await mkdtemp(join(tmpdir(), 'storygraph-crash-'));
    await writeFile(
      join(dir, 'story.jsonl'),
      JSON.stringify({ title: 'Ferry Link Approved', body: 'The council approved the ferry link on Monday.', status: 'DRAFT' }) + '\n',
    );
    await importFiles(test.db.prisma, [join(dir, 'story.jsonl')], { log: quiet });
    receiver = await startWebhookReceiver();
  });

  afterAll(async () => {
    await receiver?.close();
    await test?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('delivers the event from the outbox after a restart', async () => {
    const { secret } = await createWebhook(test.db.prisma, { url: receiver.url, events: ['article.published'], createdBy: 'test' });
    const editor = await tokenFor(test.db.prisma, 'EDITOR');
    const env = { DATABASE_URL: test.url, SEED_ON_EMPTY: 'false', WEBHOOK_POLL_MS: '50' };

    // The first process commits the publication but never delivers (as if it died right after).
    const first = await startApi({ ...env, WEBHOOK_DELIVERY: 'false' });
    const { article } = (await gql(first.url, `{ article(slug: "ferry-link-approved") { id version } }`, undefined, editor)).data!;
    const published = await gql(
      first.url,
      `mutation ($id: ID!, $v: Int!) { publishArticle(id: $id, version: $v) { isPublic } }`,
      { id: article.id, v: article.version },
      editor,
    );
    expect(published.data).toEqual({ publishArticle: { isPublic: true } });
    expect(await stopApi(first.child, 'SIGKILL')).toBeNull();
    expect(receiver.received).toHaveLength(0);
    expect(await test.db.prisma.webhookDelivery.count({ where: { status: 'PENDING' } })).toBe(1);

    const second = await startApi({ ...env, WEBHOOK_DELIVERY: 'true' });
    try {
      const [delivery] = await receiver.waitFor(1);
      expect(delivery!.json).toMatchObject({ event: 'article.published', article: { id: article.id, slug: 'ferry-link-approved' } });
      expect(verifySignature(secret, delivery!.body, String(delivery!.headers['storygraph-signature']))).toBe(true);
    } finally {
      expect(await stopApi(second.child)).toBe(0);
    }
    expect(await test.db.prisma.webhookDelivery.findFirstOrThrow()).toMatchObject({ status: 'DELIVERED', attempts: 1 });
  });
});
