import { join } from 'node:path';
import { auditServer } from 'graphql-http';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { projectRoot } from '../../src/projectRoot.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { gql } from '../support/graphqlClient.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const seedDir = join(projectRoot, 'fixtures', 'seed');
const SLUG = 'russia-and-nato-agree-to-begin-negotiations-this-winter';
const quiet = createLogger('error');

describe.each(databaseKinds)('GraphQL API over HTTP on %s', (kind) => {
  let test: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    const report = await importFiles(test.db.prisma, [seedDir], { log: quiet });
    expect(report).toMatchObject({ files: 1, imported: 1, failed: 0 });
    server = await startServer({ nodeEnv: 'test', port: 0, introspection: true }, test.db.prisma, quiet);
  });

  afterAll(async () => {
    await server?.stop();
    await test?.drop();
  });

  it('serves the seed article with its paragraphs and quotes', async () => {
    const answer = await gql(
      server.url,
      `query ($slug: String!) {
      article(slug: $slug) { title lead paragraphs quotes { nodes { text kind paragraph speaker { __typename } } } }
    }`,
      { slug: SLUG },
    );
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    const article = answer.data!.article;
    expect(article.title).toBe('Russia and NATO Agree to Begin Negotiations This Winter');
    expect(article.paragraphs).toHaveLength(7);
    expect(article.lead).toBe(article.paragraphs[0]);
    expect(article.quotes.nodes.map((q: { text: string }) => q.text)).toEqual([
      'counter',
      'severe consequences',
      'at the very beginning of next year,',
      'The first round will be held in the form of a bilateral contact between our and US negotiators, who have already been named and are acceptable for both sides.',
      'to engage in diplomacy through multiple channels, including bilateral engagement, the Nato-Russia Council, and the OSCE.',
      expect.stringMatching(/^He \(Sullivan\) made clear that any dialogue .* rather than escalation\.$/),
      expect.stringMatching(/^That is consistent with our ongoing outreach .* through the course of last week\.$/),
    ]);
    expect(article.quotes.nodes.map((q: { paragraph: number }) => q.paragraph)).toEqual([2, 2, 3, 3, 4, 5, 6]);
  });

  it('names Sergei Lavrov as the speaker of his two quotes, and follows him to his other quotes and articles', async () => {
    const answer = await gql(
      server.url,
      `{
      person(slug: "sergei-lavrov") { name aliases articleCount quotes { nodes { text article { slug } } } articles { nodes { slug } } }
    }`,
    );
    expect(answer.errors).toBeUndefined();
    const lavrov = answer.data!.person;
    expect(lavrov.name).toBe('Sergei Lavrov');
    expect(lavrov.aliases).toContain('Lavrov');
    expect(lavrov.quotes.nodes.map((q: { text: string }) => q.text)).toEqual([
      'at the very beginning of next year,',
      'The first round will be held in the form of a bilateral contact between our and US negotiators, who have already been named and are acceptable for both sides.',
    ]);
    expect(lavrov.quotes.nodes.every((q: { article: { slug: string } }) => q.article.slug === SLUG)).toBe(true);
    expect(lavrov.articles.nodes).toEqual([{ slug: SLUG }]);
    expect(lavrov.articleCount).toBe(1);
  });

  it('lists the people of the article, and each quote offset indexes the article text', async () => {
    const answer = await gql(
      server.url,
      `query ($slug: String!) {
      article(slug: $slug) { text people { nodes { name } } quotes { nodes { text start end speaker { __typename ... on Entity { name } ... on UnnamedSpeaker { description } } } } }
    }`,
      { slug: SLUG },
    );
    const article = answer.data!.article;
    const people = article.people.nodes.map((p: { name: string }) => p.name);
    expect(people).toEqual(expect.arrayContaining(['Sergei Lavrov', 'Emily Horne', 'Jake Sullivan', 'Yuri Ushakov']));
    for (const quote of article.quotes.nodes) expect(article.text.slice(quote.start, quote.end)).toBe(quote.text);
    expect(article.quotes.nodes.map((q: { speaker: { __typename: string } }) => q.speaker.__typename)).toEqual([
      'Place',
      'Organization',
      'Person',
      'Person',
      'Person',
      'Person',
      'UnnamedSpeaker',
    ]);
    const speakers = article.quotes.nodes.map(
      (q: { speaker: { name?: string; description?: string } | null }) => q.speaker?.name ?? q.speaker?.description ?? null,
    );
    expect(speakers).toEqual(['Russia', 'NATO', 'Sergei Lavrov', 'Sergei Lavrov', 'Jake Sullivan', 'Emily Horne', 'The White House press secretary']);
  });

  it('pages root lists with cursors and a total count', async () => {
    const first = await gql(server.url, `{ people(first: 2) { totalCount nodes { name } pageInfo { hasNextPage endCursor } } }`);
    const page = first.data!.people;
    expect(page.totalCount).toBeGreaterThanOrEqual(4);
    expect(page.nodes).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await gql(server.url, `query ($after: String) { people(first: 100, after: $after) { nodes { name } } }`, { after: page.pageInfo.endCursor });
    const all = [...page.nodes, ...second.data!.people.nodes].map((p: { name: string }) => p.name);
    expect(all).toHaveLength(page.totalCount);
    expect(new Set(all).size).toBe(all.length);
  });

  it('filters quotes by speaker and by article', async () => {
    const bySpeaker = await gql(server.url, `{ quotes(where: { speaker: "jake-sullivan" }) { totalCount nodes { speaker { ... on Person { slug } } } } }`);
    expect(bySpeaker.data!.quotes.totalCount).toBe(1);
    const byArticle = await gql(server.url, `query ($slug: String) { quotes(where: { article: $slug }, first: 100) { totalCount } }`, { slug: SLUG });
    expect(byArticle.data!.quotes.totalCount).toBe(7);
    const none = await gql(server.url, `{ quotes(where: { article: "no-such-article" }) { totalCount nodes { text } } }`);
    expect(none.data!.quotes).toEqual({ totalCount: 0, nodes: [] });
  });

  it('resolves global IDs back to the same objects', async () => {
    const answer = await gql(server.url, `query ($slug: String!) { article(slug: $slug) { id } person(slug: "jake-sullivan") { id } }`, { slug: SLUG });
    const { article, person } = answer.data!;
    const nodes = await gql(server.url, `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids: [article.id, person.id] });
    expect(nodes.data!.nodes).toEqual([
      { __typename: 'Article', id: article.id },
      { __typename: 'Person', id: person.id },
    ]);
  });

  it('answers bad input with a clear code, never a 500', async () => {
    const tooMany = await gql(server.url, `{ articles(first: 1000) { totalCount } }`);
    expect(tooMany.errors?.[0]).toMatchObject({ message: 'first must be between 1 and 100 (got 1000)', extensions: { code: 'BAD_USER_INPUT' } });
    const badId = await gql(server.url, `{ node(id: "nope") { id } }`);
    expect(badId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badQuery = await gql(server.url, `{ article(slug: 1) { nope } }`);
    expect(badQuery.status).toBe(400);
    expect(badQuery.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('passes every MUST of the GraphQL-over-HTTP audit', async () => {
    const results = await auditServer({ url: server.url });
    const failures = results
      .filter((result) => result.status === 'error')
      .map((result) => `${result.id} ${result.name}: ${'reason' in result ? String(result.reason) : ''}`);
    expect(failures).toEqual([]);
    expect(results.length).toBeGreaterThan(20);
  });

  it('keeps Apollo CSRF prevention on: a simple GET without a preflight header is refused', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{ tags { totalCount } }')}`, { headers: { 'content-type': 'text/plain' } });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });

  it('reports liveness and readiness', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    expect(await (await fetch(`${base}/health/live`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('re-importing the unchanged seed writes nothing', async () => {
    const before = await test.db.prisma.article.findUniqueOrThrow({ where: { slug: SLUG } });
    const report = await importFiles(test.db.prisma, [seedDir], { log: quiet });
    expect(report).toMatchObject({ files: 1, imported: 0, updated: 0, unchanged: 1, failed: 0, entitiesCreated: 0 });
    const after = await test.db.prisma.article.findUniqueOrThrow({ where: { slug: SLUG } });
    expect(after.updatedAt).toEqual(before.updatedAt);
  });
});
