import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate } from 'graphql';
import type { WebhookSettings } from '../../src/config.js';
import { DEFAULT_LIMITS } from '../../src/config/queryLimits.js';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { loadOperations } from '../../src/graphql/loadOperations.js';
import { createSchema } from '../../src/graphql/schema/createSchema.js';
import { projectRoot } from '../../src/projectRoot.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { gql } from '../support/graphqlClient.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver.js';
import { tokenFor } from '../support/tokens.js';

const quiet = createLogger('error');
const operations = new Map(loadOperations(join(projectRoot, 'operations', 'editor')).map((operation) => [operation.name, operation.source]));
const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const guide = /\n## Editor's guide\n([\s\S]*?)\n## /.exec(readme)![1]!;
const codeBlocks = (language: string) => [...guide.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!);
const webhooks: WebhookSettings = { deliver: true, pollMs: 50, timeoutMs: 2000, maxAttempts: 3, retryBaseMs: 100 };

/** The receiver's check as the README prints it, compiled as a receiver would paste it. */
function readmeVerifier(): (secret: string, body: string, header: string) => boolean {
  const [source] = codeBlocks('js');
  const body = source!.replace(/^import .*$/m, '');
  return new Function('createHmac', 'timingSafeEqual', 'Buffer', `${body}\nreturn verifyStorygraphSignature;`)(createHmac, timingSafeEqual, Buffer);
}

describe("the README's editor's guide", () => {
  it('shows operations of operations/editor/ word for word, each valid against the schema', () => {
    const schema = createSchema(DEFAULT_LIMITS);
    expect(operations.size).toBeGreaterThanOrEqual(10);
    for (const [name, source] of operations) {
      expect({ name, errors: validate(schema, parse(source)).map((error) => error.message) }).toEqual({ name, errors: [] });
      expect(guide).toContain(`(operations/editor/${name}.graphql)`);
    }
    const shown = codeBlocks('graphql');
    expect(shown.length).toBeGreaterThanOrEqual(3);
    const bodies = [...operations.values()].map((source) => source.replace(/^#.*\n/gm, ''));
    for (const block of shown) expect(bodies).toContain(block);
  });
});

describe.each(databaseKinds)('the editor’s guide, step by step, on %s', (kind) => {
  let test: TestDatabase;
  let server: RunningServer;
  let receiver: WebhookReceiver;
  let editor: string;
  let admin: string;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    await importFiles(test.db.prisma, [join(projectRoot, 'fixtures', 'seed')], { log: quiet });
    editor = await tokenFor(test.db.prisma, 'EDITOR');
    admin = await tokenFor(test.db.prisma, 'ADMIN');
    receiver = await startWebhookReceiver();
    server = await startServer({ nodeEnv: 'test', port: 0, introspection: true, webhooks }, test.db.prisma, quiet);
  });

  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
    await test?.drop();
  });

  /** Runs an operation of operations/editor/ as the README shows it. */
  async function step(name: string, variables: Record<string, unknown> = {}, token = editor) {
    const answer = await gql(server.url, operations.get(name)!, variables, token);
    expect({ name, errors: answer.errors, status: answer.status }).toEqual({ name, errors: undefined, status: 200 });
    return answer.data!;
  }
  const publicArticle = async (slug: string) =>
    (
      await gql(
        server.url,
        `query ($slug: String!) { article(slug: $slug) { title quotes { totalCount nodes { id text status speaker { ... on Entity { name } } } } jsonLd } }`,
        { slug },
      )
    ).data!.article;

  it('writes a draft, refuses a stale change, publishes, restores, and tells the webhook, signed as the README checks it', async () => {
    const { createWebhook } = await step('createWebhook', { input: { url: receiver.url, events: ['article.published'] } }, admin);
    const { createArticle: created } = await step('createArticle');
    expect(created).toMatchObject({ status: 'DRAFT', version: 1, slug: 'harbour-agency-backs-ferry-link' });
    expect(created.quotes.nodes).toEqual([expect.objectContaining({ speaker: { name: 'Maria Okafor' } })]);
    expect(await publicArticle(created.slug)).toBeNull();

    const { updateArticle: updated } = await step('updateArticle', { id: created.id, version: 1 });
    expect(updated).toMatchObject({ version: 2, title: 'Harbour Agency Backs Island Ferry Link' });
    expect(updated.revisions.nodes[0]).toMatchObject({ version: 2, action: 'UPDATE', changes: { title: { after: 'Harbour Agency Backs Island Ferry Link' } } });
    const stale = await gql(server.url, operations.get('updateArticle')!, { id: created.id, version: 1, input: { title: 'Lost' } }, editor);
    expect(stale.status).toBe(409);
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });

    const { restoreRevision } = await step('restoreRevision', { articleId: created.id, revision: 1, version: 2 });
    expect(restoreRevision).toEqual({ version: 3, title: 'Harbour Agency Backs Ferry Link' });
    const { publishArticle } = await step('publishArticle', { id: created.id, version: 3 });
    expect(publishArticle).toMatchObject({ version: 4, status: 'PUBLISHED', publishedAt: expect.any(String) });
    expect(await publicArticle(created.slug)).toMatchObject({ title: 'Harbour Agency Backs Ferry Link' });

    const [delivery] = await receiver.waitFor(1);
    expect(delivery!.json).toMatchObject({ event: 'article.published', article: { slug: created.slug } });
    const verify = readmeVerifier();
    const signature = String(delivery!.headers['storygraph-signature']);
    expect(verify(createWebhook.secret, delivery!.body, signature)).toBe(true);
    expect(verify(createWebhook.secret, delivery!.body.replace('Ferry', 'Ferri'), signature)).toBe(false);
    expect(verify('not-the-secret-at-all', delivery!.body, signature)).toBe(false);
  });

  it('reviews the queue: verify, reject, give a quote to someone else, and the public page follows', async () => {
    const slug = 'russia-and-nato-agree-to-begin-negotiations-this-winter';
    const before = await publicArticle(slug);
    const { reviewQueue } = await step('reviewQueue', { first: 50 });
    const items = reviewQueue.nodes.filter((item: { article: { slug: string } }) => item.article.slug === slug);
    expect(items.length).toBe(before.quotes.totalCount);
    const confidences = reviewQueue.nodes.map((item: { confidence: number }) => item.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
    for (const item of items) expect(item.context).toContain(item.fact.text.slice(0, 20));
    const [first, second, third] = items;

    const { verifyFacts } = await step('verifyFacts', { ids: [first.id] });
    expect(verifyFacts).toEqual([expect.objectContaining({ id: first.id, status: 'VERIFIED', reviewedBy: expect.stringMatching(/^test-editor-/) })]);
    const { rejectFacts } = await step('rejectFacts', { ids: [second.id] });
    expect(rejectFacts).toEqual([expect.objectContaining({ id: second.id, status: 'REJECTED' })]);

    const otherSpeaker = items.find((item: { fact: { speaker: { id?: string } } }) => item.fact.speaker?.id && item.fact.speaker.id !== third.fact.speaker?.id);
    const { setQuoteSpeaker } = await step('setQuoteSpeaker', { quoteId: third.id, speaker: { entityId: otherSpeaker.fact.speaker.id } });
    expect(setQuoteSpeaker).toMatchObject({ status: 'VERIFIED', speaker: { name: otherSpeaker.fact.speaker.name } });

    const after = await publicArticle(slug);
    expect(after.quotes.totalCount).toBe(before.quotes.totalCount - 1);
    expect(after.quotes.nodes.map((quote: { id: string }) => quote.id)).not.toContain(second.id);
    expect(after.quotes.nodes.find((quote: { id: string }) => quote.id === third.id).speaker).toEqual({ name: otherSpeaker.fact.speaker.name });
    expect(after.quotes.nodes.every((quote: { status: unknown }) => quote.status === null)).toBe(true);
    const { reviewQueue: left } = await step('reviewQueue', { first: 50 });
    expect(left.totalCount).toBe(reviewQueue.totalCount - 3);
  });

  it('merges two records into one with redirects, undoes it by a split, and keeps a profile in JSON-LD', async () => {
    const { mergeCandidates } = await step('mergeCandidates');
    expect(Array.isArray(mergeCandidates.nodes)).toBe(true);
    const people = (await gql(server.url, `{ people(first: 100) { nodes { id name slug quoteCount } } }`, undefined, editor)).data!.people.nodes as {
      id: string;
      name: string;
      slug: string;
      quoteCount: number;
    }[];
    const [into, from] = people.filter((person) => person.quoteCount > 0);
    const { mergeEntities } = await step('mergeEntities', { into: into!.id, from: [from!.id] });
    expect(mergeEntities).toMatchObject({ name: into!.name, aliases: expect.arrayContaining([from!.name]), redirectedFrom: null });
    const redirected = await gql(server.url, `query ($slug: String!) { person(slug: $slug) { name redirectedFrom { slug } } }`, { slug: from!.slug });
    expect(redirected.data!.person).toEqual({ name: into!.name, redirectedFrom: { slug: from!.slug } });

    const quotes = await gql(
      server.url,
      `query ($id: ID!) { node(id: $id) { ... on Person { quotes(first: 100) { nodes { id speakerMention { text } } } } } }`,
      { id: into!.id },
      editor,
    );
    const moved = quotes.data!.node.quotes.nodes.filter((quote: { speakerMention: { text: string } | null }) =>
      from!.name.split(' ').some((word) => quote.speakerMention?.text.includes(word)),
    );
    expect(moved.length).toBeGreaterThan(0);
    const { splitEntity } = await step('splitEntity', { id: into!.id, name: from!.name, quoteIds: moved.map((quote: { id: string }) => quote.id) });
    expect(splitEntity.name).toBe(from!.name);

    const { updatePersonProfile } = await step('updatePersonProfile', { id: into!.id });
    expect(updatePersonProfile.profile).toEqual({ description: 'Director of the Harbour Development Agency', wikidataId: 'Q42' });
    const page = await publicArticle('russia-and-nato-agree-to-begin-negotiations-this-winter');
    expect(JSON.stringify(page.jsonLd)).toContain('https://www.wikidata.org/wiki/Q42');
  });

  it('tags an article with an editor tag', async () => {
    const { createTag } = (await gql(server.url, `mutation { createTag(name: "Editors Pick") { id } }`, undefined, editor)).data!;
    const { article } = (await gql(server.url, `{ article(slug: "russia-and-nato-agree-to-begin-negotiations-this-winter") { id } }`)).data!;
    const { tagArticle } = await step('tagArticle', { articleId: article.id, tagId: createTag.id });
    expect(tagArticle.tags.nodes).toContainEqual({ name: 'Editors Pick', kind: expect.any(String) });
  });
});
