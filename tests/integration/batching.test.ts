import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrisma, type PrismaClient } from '../../src/db/createPrisma.js';
import { importFiles } from '../../src/ingest/importFiles.js';
import { loadOperations } from '../../src/graphql/loadOperations.js';
import { createLogger } from '../../src/log.js';
import { projectRoot } from '../../src/projectRoot.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { gql } from '../support/graphqlClient.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const quiet = createLogger('error');

const PAGE = `query ($first: Int!) {
  articles(first: $first) {
    totalCount
    nodes {
      title
      tags { nodes { name } }
      people(first: 10) { totalCount nodes { name aliases roles(first: 3) { nodes { title affiliation { name } } } } }
      quotes(first: 10) {
        nodes {
          text
          speaker { ... on Entity { name quotes(first: 5) { nodes { text article { title } } } articles(first: 5) { nodes { slug } } } ... on UnnamedSpeaker { description affiliation { name } } }
        }
      }
    }
  }
}`;

/** Fifty towns, so a page of fifty stories of one shape can be compared with a page of ten. */
const TOWNS = ['West', 'East', 'North', 'South', 'Up', 'Down', 'Middle', 'Old', 'New', 'Long'].flatMap((prefix) =>
  ['port', 'ham', 'by', 'wick', 'ton'].map((suffix) => prefix + suffix),
);

describe.each(databaseKinds)('relation fields are batched per request on %s', (kind) => {
  let test: TestDatabase;
  let server: RunningServer;
  let dir: string;
  let counted: PrismaClient;
  const statements: string[] = [];

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'storygraph-batch-'));
    await Promise.all(
      TOWNS.map((town, i) =>
        writeFile(
          join(dir, `${town}.txt`),
          `${town} council backs new library\n\nThe ${town} town council voted to build a library, council leader Rosa Alvarez${i} said.\n\n` +
            `"Books matter more than ever," said Alvarez${i}, who chairs the council. Mayor Tom Becker${i} called it "a good day".\n`,
        ),
      ),
    );
    // Stories of one shape, so pages of different sizes ask for the same relations.
    await importFiles(test.db.prisma, [dir], { log: quiet });
    counted = createPrisma(test.url, { onQuery: (sql) => statements.push(sql) });
    server = await startServer({ nodeEnv: 'test', port: 0, introspection: true }, counted, quiet);
  });

  afterAll(async () => {
    await server?.stop();
    await counted?.$disconnect();
    await test?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function statementsFor(query: string, variables: Record<string, unknown> = {}): Promise<{ count: number; data: Record<string, any> }> {
    statements.length = 0;
    const answer = await gql(server.url, query, variables);
    expect(answer.errors).toBeUndefined();
    return { count: statements.length, data: answer.data! };
  }

  it('a page of five articles with people, tags, quotes, speakers and their other quotes costs what a page of one does', async () => {
    const one = await statementsFor(PAGE, { first: 1 });
    const five = await statementsFor(PAGE, { first: 5 });
    expect(one.data.articles.nodes).toHaveLength(1);
    expect(five.data.articles.nodes).toHaveLength(5);
    expect(five.count).toBe(one.count);
    // One statement per relation and level, plus the page and its count: far fewer than rows.
    expect(five.count).toBeLessThanOrEqual(16);
  });

  it('a list of fifty articles with people and tags costs what a list of ten does', async () => {
    const list = `query ($first: Int!) { articles(first: $first) { nodes { title people { totalCount nodes { name articleCount } } tags { nodes { name articleCount } } } } }`;
    const ten = await statementsFor(list, { first: 10 });
    const fifty = await statementsFor(list, { first: 50 });
    expect(fifty.data.articles.nodes).toHaveLength(50);
    expect(fifty.data.articles.nodes.every((article: { people: { totalCount: number } }) => article.people.totalCount >= 2)).toBe(true);
    expect(fifty.count).toBe(ten.count);
    expect(fifty.count).toBeLessThanOrEqual(8);
  });

  it('a search page with its count, ranks, snippets and article titles is one statement, whatever its size', async () => {
    const search = `query ($first: Int!, $after: String) {
      search(query: "library", types: [ARTICLE], first: $first, after: $after) {
        totalCount pageInfo { endCursor } edges { rank snippet node { ... on Article { title slug } } }
      }
    }`;
    const [three, fifty] = [await statementsFor(search, { first: 3 }), await statementsFor(search, { first: 50 })];
    expect(fifty.data.search.totalCount).toBe(TOWNS.length);
    expect(fifty.data.search.edges).toHaveLength(TOWNS.length);
    expect(fifty.data.search.edges.every((edge: { snippet: string; node: { title: string } }) => edge.snippet.includes('<b>') && edge.node.title)).toBe(true);
    const next = await statementsFor(search, { first: 3, after: three.data.search.pageInfo.endCursor });
    expect(next.data.search.edges.map((edge: { node: { slug: string } }) => edge.node.slug)).toEqual(
      fifty.data.search.edges.slice(3, 6).map((edge: { node: { slug: string } }) => edge.node.slug),
    );
    expect([three.count, fifty.count, next.count]).toEqual([1, 1, 1]);
  });

  it('counts a list only when totalCount is selected, whatever the page size', async () => {
    const plain = (first: number) => statementsFor(`{ articles(first: ${first}) { pageInfo { hasNextPage } nodes { title } } }`);
    const counted = (first: number) => statementsFor(`{ articles(first: ${first}) { totalCount nodes { title } } }`);
    const [one, fifty, countedOne, countedFifty] = [await plain(1), await plain(50), await counted(1), await counted(50)];
    expect([one.count, fifty.count, countedOne.count, countedFifty.count]).toEqual([1, 1, 2, 2]);
    expect(one.data.articles.pageInfo.hasNextPage).toBe(true);
    expect(countedFifty.data.articles.totalCount).toBe(fifty.data.articles.nodes.length);
  });

  it("the seed article page (all quotes, their speakers and the speakers' other quotes) takes a fixed number of statements", async () => {
    await importFiles(test.db.prisma, [join(projectRoot, 'fixtures', 'seed')], { log: quiet });
    const [articlePage] = loadOperations().filter((operation) => operation.name === 'articlePage');
    const seed = await statementsFor(articlePage!.source);
    const quotes = seed.data.article.quotes.nodes;
    expect(quotes).toHaveLength(7);
    expect(quotes.filter((quote: { speaker: { quotes?: unknown } }) => quote.speaker.quotes)).toHaveLength(6);
    // Dozens of rows (quotes, speakers, their quotes and articles, people, roles, mentions, tags,
    // JSON-LD) for about one statement per relation on the page; a short story with two quotes
    // takes about as many (which batches merge depends on timing, so allow a few either way).
    expect(quotes.length + seed.data.article.mentions.totalCount + seed.data.article.people.nodes.length).toBeGreaterThan(50);
    // JSON-LD is one statement, not a read per relation.
    expect(seed.count).toBeLessThanOrEqual(15);
    const short = await statementsFor(articlePage!.source, { slug: 'westport-council-backs-new-library' });
    expect(short.data.article.quotes.nodes.length).toBeLessThan(quotes.length);
    expect(Math.abs(seed.count - short.count)).toBeLessThanOrEqual(3);
  });
});
