import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrisma } from '../../src/db/createPrisma.js';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { gql } from '../support/graphqlClient.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const quiet = createLogger('error');

const PAGE = `query ($first: Int!) {
  articles(first: $first) {
    totalCount
    nodes {
      title
      tags { name }
      people { name aliases roles { title affiliation { name } } }
      quotes {
        text
        speaker { ... on Entity { name quotes(first: 5) { text article { title } } articles(first: 5) { slug } } ... on UnnamedSpeaker { description affiliation { name } } }
      }
    }
  }
}`;

describe.each(databaseKinds)('relation fields are batched per request on %s', (kind) => {
  let test: TestDatabase;
  let server: RunningServer;
  let dir: string;
  const statements: string[] = [];

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'storygraph-batch-'));
    const towns = ['Westport', 'Eastham', 'Northby', 'Southwick', 'Upton'];
    await Promise.all(
      towns.map((town, i) =>
        writeFile(
          join(dir, `${town}.txt`),
          `${town} council backs new library\n\nThe ${town} town council voted to build a library, council leader Rosa Alvarez${i} said.\n\n` +
            `"Books matter more than ever," said Alvarez${i}, who chairs the council. Mayor Tom Becker${i} called it "a good day".\n`,
        ),
      ),
    );
    // Stories of one shape, so a page of one and a page of five ask for the same relations.
    await importFiles(test.db.prisma, [dir], { log: quiet });
    const counted = createPrisma(test.url, { onQuery: (sql) => statements.push(sql) });
    server = await startServer({ nodeEnv: 'test', port: 0, introspection: true }, counted, quiet);
  });

  afterAll(async () => {
    await server?.stop();
    await test?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function statementsFor(first: number): Promise<{ count: number; articles: number }> {
    statements.length = 0;
    const answer = await gql(server.url, PAGE, { first });
    expect(answer.errors).toBeUndefined();
    return { count: statements.length, articles: answer.data!.articles.nodes.length };
  }

  it('a page of five articles with people, tags, quotes, speakers and their other quotes costs what a page of one does', async () => {
    const one = await statementsFor(1);
    const five = await statementsFor(5);
    expect(one.articles).toBe(1);
    expect(five.articles).toBe(5);
    expect(five.count).toBe(one.count);
    // One statement per relation and level, plus the page and its count: far fewer than rows.
    expect(five.count).toBeLessThanOrEqual(16);
  });
});
