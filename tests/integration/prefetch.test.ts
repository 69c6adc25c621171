import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrisma, type PrismaClient } from '../../src/db/createPrisma.js';
import { loadOperations } from '../../src/graphql/loadOperations.js';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { projectRoot } from '../../src/projectRoot.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { gql } from '../support/graphqlClient.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';
import { tokenFor } from '../support/tokens.js';

const quiet = createLogger('error');

/** A published story and a draft that shares its people, so the access rule cuts through every relation. */
const STORIES = [
  {
    title: 'Harbour Council Approves Ferry Link',
    body: 'The Harbour Council voted on Tuesday to fund a ferry link to the islands, council leader Maria Okafor said.\n\n"This is the most important decision in ten years," said Okafor.\n\n"We will watch the costs closely," said opposition leader Peter Lindqvist.\n\nA spokesman for the Harbour Council said: "Tickets go on sale in May."',
    publishedAt: '2024-03-05T09:30:00Z',
    tags: ['Transport', 'Islands'],
  },
  {
    title: 'Ferry Link Costs Double',
    body: 'The ferry link will cost twice as much, council leader Maria Okafor said on Friday.\n\n"We were wrong about the costs," said Okafor.\n\n"I warned them," said Peter Lindqvist, the opposition leader.',
    publishedAt: '2024-04-05T09:30:00Z',
    tags: ['Transport'],
    status: 'DRAFT',
  },
];

/**
 * Every relation the article page reads ahead, through fragments, aliases with other paging
 * arguments, edges, a skipped field and a bad argument left to its resolver. A speaker's quotes
 * are also read, with the same paging arguments, for other columns under a mention's entity:
 * pages carry only the columns their selection needs, and must not be served to another.
 */
const ARTICLE_FIELDS = `
  id title paragraphs text publishedAt
  quotes(first: 100) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id text status speaker { __typename ...Speaker } article { slug publishedAt } } }
  }
  firstQuote: quotes(first: 1) { totalCount nodes { text speaker { ... on Person { name roles(first: 1) { nodes { title } } } } } }
  people(first: 50) { nodes { ...Person } }
  organizations { nodes { name slug members(first: 2) { totalCount nodes { title person { name } } } } }
  places { nodes { name } }
  mentions(first: 100) { totalCount nodes { text start entity { __typename slug ... on Person { quotes(first: 2) { nodes { text } } sameWindow: quotes(first: 5) { totalCount nodes { kind start } } } } } }
  names: mentions(forms: [NAME], first: 3) { totalCount nodes { text } }
  skipped: tags @skip(if: $skip) { nodes { name } }
  tags { nodes { name slug kind articles(first: 2) { totalCount nodes { slug } } } }
  jsonLd
`;
const FRAGMENTS = `
  fragment Speaker on Speaker {
    ... on Entity { name slug quotes(first: 5) { totalCount nodes { text article { title slug } } } }
    ... on UnnamedSpeaker { description affiliation { name slug } }
  }
  fragment Person on Person { name slug roles(first: 3) { totalCount nodes { title since seenAt affiliation { name } article { slug } } } }
`;

describe.each(databaseKinds)('a root field read in one statement answers what its loaders answer, on %s', (kind) => {
  let test: TestDatabase;
  let server: RunningServer;
  let counted: PrismaClient;
  let dir: string;
  const statements: string[] = [];
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'storygraph-prefetch-'));
    await writeFile(join(dir, 'stories.jsonl'), STORIES.map((story) => JSON.stringify(story)).join('\n') + '\n');
    await importFiles(test.db.prisma, [join(projectRoot, 'fixtures', 'seed'), join(dir, 'stories.jsonl')], { log: quiet });
    // An editor rejected one quote of the public story.
    const rejected = await test.db.prisma.quote.findFirstOrThrow({ where: { text: { contains: 'costs closely' } } });
    await test.db.prisma.quote.update({ where: { id: rejected.id }, data: { status: 'REJECTED' } });
    tokens.EDITOR = await tokenFor(test.db.prisma, 'EDITOR');
    counted = createPrisma(test.url, { onQuery: (sql) => statements.push(sql) });
    server = await startServer({ nodeEnv: 'test', port: 0, introspection: true }, counted, quiet);
  });

  afterAll(async () => {
    await server?.stop();
    await counted?.$disconnect();
    await test?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** The answer and the statements it took beyond reading the caller's token. */
  async function answer(query: string, variables: Record<string, unknown>, token?: string) {
    statements.length = 0;
    await gql(server.url, '{ __typename }', {}, token);
    const authentication = statements.length;
    statements.length = 0;
    const result = await gql(server.url, query, variables, token);
    expect(result.errors).toBeUndefined();
    return { data: result.data!, statements: statements.length - authentication };
  }

  const quoteTexts = (article: { quotes: { edges: { node: { text: string } }[] }; jsonLd: { hasPart?: { text: string }[] } }) => [
    ...article.quotes.edges.map((edge) => edge.node.text),
    ...(article.jsonLd.hasPart ?? []).map((part) => part.text),
  ];

  const slugs = async () => (await test.db.prisma.article.findMany({ select: { id: true, slug: true }, orderBy: { slug: 'asc' } })).map((a) => a);

  it.each([
    ['anonymous', undefined],
    ['EDITOR', 'EDITOR'],
  ] as const)('the article page by slug equals the same selection by node ID (loaders only), for %s callers', async (_, role) => {
    const token = role ? tokens[role] : undefined;
    for (const { id, slug } of await slugs()) {
      const nodeId = Buffer.from(`Article:${id}`).toString('base64url');
      const bySlug = await answer(
        `query ($slug: String!, $skip: Boolean!) { article(slug: $slug) { ${ARTICLE_FIELDS} } } ${FRAGMENTS}`,
        { slug, skip: true },
        token,
      );
      const byNode = await answer(
        `query ($id: ID!, $skip: Boolean!) { node(id: $id) { ... on Article { ${ARTICLE_FIELDS} } } } ${FRAGMENTS}`,
        { id: nodeId, skip: true },
        token,
      );
      expect(bySlug.data.article).toEqual(byNode.data.node);
      if (bySlug.data.article) {
        expect(bySlug.data.article.skipped).toBeUndefined();
        // Every relation above, at every level, in one statement (the loaders take a dozen).
        expect(bySlug.statements).toBe(1);
        expect(byNode.statements).toBeGreaterThan(5);
      }
    }
    const draft = await answer(
      `query ($slug: String!, $skip: Boolean!) { article(slug: $slug) { ${ARTICLE_FIELDS} } } ${FRAGMENTS}`,
      { slug: 'ferry-link-costs-double', skip: false },
      token,
    );
    if (role) expect(draft.data.article.quotes.totalCount).toBe(2);
    else expect(draft.data.article).toBeNull();
    // The rejected quote reaches nobody, through the article, its JSON-LD or a speaker's quotes.
    const page = await answer(
      `query ($slug: String!, $skip: Boolean!) { article(slug: $slug) { ${ARTICLE_FIELDS} } } ${FRAGMENTS}`,
      { slug: 'harbour-council-approves-ferry-link', skip: false },
      token,
    );
    expect(quoteTexts(page.data.article)).toEqual(expect.arrayContaining([expect.stringContaining('most important decision')]));
    expect(quoteTexts(page.data.article).join()).not.toContain('costs closely');
    expect(JSON.stringify(page.data.article.people)).not.toContain('costs closely');
    expect(page.data.article.skipped.nodes).toHaveLength(2);
  });

  it('a person page by slug equals the same selection by node ID, in one statement', async () => {
    const fields = `name slug quotes(first: 20) { totalCount nodes { text kind article { title slug } } } articles(first: 20) { totalCount nodes { title slug publishedAt } } roles { nodes { title affiliation { name } } }`;
    for (const token of [undefined, tokens.EDITOR]) {
      const okafor = await test.db.prisma.entity.findFirstOrThrow({ where: { slug: 'maria-okafor' } });
      const bySlug = await answer(`{ person(slug: "maria-okafor") { ${fields} } }`, {}, token);
      const byNode = await answer(
        `query ($id: ID!) { node(id: $id) { ... on Person { ${fields} } } }`,
        { id: Buffer.from(`Person:${okafor.id}`).toString('base64url') },
        token,
      );
      expect(bySlug.data.person).toEqual(byNode.data.node);
      expect(bySlug.data.person.articles.totalCount).toBe(token ? 2 : 1);
      expect(bySlug.statements).toBe(1);
    }
  });

  it('reads a page without its sort keys only for a selection that reads no cursor, and serves cursors to one that does', async () => {
    // Same page, same columns: one alias reads cursors, the other none, so their rows differ in
    // keys only; a page primed without keys must not reach the alias that reads them.
    const fields = `plain: quotes(first: 1) { nodes { text } } paged: quotes(first: 1) { edges { cursor node { text } } pageInfo { endCursor } }`;
    const okafor = await test.db.prisma.entity.findFirstOrThrow({ where: { slug: 'maria-okafor' } });
    for (const token of [undefined, tokens.EDITOR]) {
      const bySlug = await answer(`{ person(slug: "maria-okafor") { ${fields} } }`, {}, token);
      const byNode = await answer(
        `query ($id: ID!) { node(id: $id) { ... on Person { ${fields} } } }`,
        { id: Buffer.from(`Person:${okafor.id}`).toString('base64url') },
        token,
      );
      expect(bySlug.statements).toBe(1);
      expect(bySlug.data.person).toEqual(byNode.data.node);
      const { cursor } = bySlug.data.person.paged.edges[0];
      expect(cursor).toBe(bySlug.data.person.paged.pageInfo.endCursor);
      const next = await answer(
        `query ($after: String) { person(slug: "maria-okafor") { quotes(first: 1, after: $after) { nodes { text } } all: quotes(first: 10) { nodes { text } } } }`,
        { after: cursor },
        token,
      );
      // The cursor continues where the page ended.
      expect(next.data.person.quotes.nodes).toEqual(next.data.person.all.nodes.slice(1, 2));
      if (token) expect(next.data.person.quotes.nodes).toHaveLength(1);
    }
  });

  it('leaves a bad paging argument to the resolver, which reports it', async () => {
    const result = await gql(server.url, `{ article(slug: "harbour-council-approves-ferry-link") { title quotes(first: 0) { totalCount } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('the article page operation costs one statement', async () => {
    const [articlePage] = loadOperations().filter((operation) => operation.name === 'articlePage');
    const page = await answer(articlePage!.source, {});
    expect(page.data.article.quotes.nodes.length).toBeGreaterThan(5);
    expect(page.statements).toBe(1);
  });

  it('an entity’s and a tag’s articles, ordered from the indexes and read without bodies, answer their text when asked', async () => {
    const lists = `articles(first: 5) { nodes { slug title text } }`;
    const page = await answer(`{ person(slug: "maria-okafor") { ${lists} } tags(first: 5) { nodes { ${lists} } } }`, {}, tokens.EDITOR);
    const articles = [...page.data.person.articles.nodes, ...page.data.tags.nodes.flatMap((tag: { articles: { nodes: unknown[] } }) => tag.articles.nodes)];
    expect(articles.length).toBeGreaterThan(2);
    for (const article of articles) {
      const alone = await answer(`{ article(slug: "${article.slug}") { slug title text } }`, {}, tokens.EDITOR);
      expect(article).toEqual(alone.data.article);
      expect(article.text.length).toBeGreaterThan(article.title.length);
    }
  });

  it('counts a nested list only when totalCount is selected, from the page’s own scan or, after a cursor, on its own', async () => {
    const slug = 'harbour-council-approves-ferry-link';
    for (const token of [undefined, tokens.EDITOR]) {
      const first = await answer(
        `{ article(slug: "${slug}") { id quotes(first: 1) { totalCount pageInfo { endCursor } } all: quotes(first: 100) { nodes { text } } } }`,
        {},
        token,
      );
      const { id, quotes, all } = first.data.article;
      expect(all.nodes.length).toBeGreaterThan(1);
      expect(quotes.totalCount).toBe(all.nodes.length);
      // After a cursor, through the one statement (by slug) and through the loaders (node by ID).
      const after = `quotes(first: 1, after: "${quotes.pageInfo.endCursor}") { totalCount nodes { text } }`;
      const bySlug = await answer(`{ article(slug: "${slug}") { ${after} } }`, {}, token);
      const byNode = await answer(`{ node(id: "${id}") { ... on Article { ${after} } } }`, {}, token);
      expect(bySlug.data.article.quotes).toEqual({ totalCount: all.nodes.length, nodes: [all.nodes[1]] });
      expect(byNode.data.node).toEqual(bySlug.data.article);
      const uncounted = await answer(
        `{ article(slug: "${slug}") { quotes(first: 1) { nodes { text } } people { nodes { roles(first: 1) { nodes { title } } } } } }`,
        {},
        token,
      );
      expect(uncounted.statements).toBe(1);
      expect(statements.join('\n')).not.toMatch(/count\(/i);
    }
  });
});
