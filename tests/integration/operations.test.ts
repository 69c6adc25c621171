import { join } from 'node:path';
import { parse, validate } from 'graphql';
import { DEFAULT_LIMITS } from '../../src/config/queryLimits.js';
import { createSchema } from '../../src/graphql/schema/createSchema.js';
import { loadOperations } from '../../src/graphql/loadOperations.js';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { projectRoot } from '../../src/projectRoot.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { gql } from '../support/graphqlClient.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const quiet = createLogger('error');
const schema = createSchema(DEFAULT_LIMITS);
const operations = loadOperations();

describe('example operations in operations/', () => {
  it('has the five documented operations', () => {
    expect(operations.map((operation) => operation.name)).toEqual(['articlePage', 'entityGraph', 'personPage', 'quoteFinder', 'search']);
  });

  it.each(operations.map((operation) => [operation.name, operation.source] as const))(
    '%s is one named operation, valid against schema.graphql',
    (_, source) => {
      const document = parse(source);
      expect(document.definitions).toHaveLength(1);
      expect(document.definitions[0]).toMatchObject({ kind: 'OperationDefinition', name: { value: expect.any(String) } });
      expect(validate(schema, document).map((error) => error.message)).toEqual([]);
    },
  );
});

describe.each(databaseKinds)('example operations run on the seed story on %s', (kind) => {
  let test: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    await importFiles(test.db.prisma, [join(projectRoot, 'fixtures', 'seed')], { log: quiet });
    server = await startServer({ nodeEnv: 'test', port: 0, introspection: true }, test.db.prisma, quiet);
  });

  afterAll(async () => {
    await server?.stop();
    await test?.drop();
  });

  /** Runs an example with its default variables, as Apollo Sandbox would, within the default limits. */
  async function run(name: string) {
    const operation = operations.find((candidate) => candidate.name === name)!;
    const answer = await gql(server.url, operation.source);
    expect(answer.errors).toBeUndefined();
    expect(answer.status).toBe(200);
    return answer.data!;
  }

  it('articlePage: the seed article with its quotes, speakers, people, mentions, tags and JSON-LD', async () => {
    const { article } = await run('articlePage');
    expect(article.title).toBe('Russia and NATO Agree to Begin Negotiations This Winter');
    expect(article.quotes.totalCount).toBe(7);
    expect(article.quotes.nodes[2].speaker).toMatchObject({ __typename: 'Person', name: 'Sergei Lavrov', quotes: { totalCount: 2 } });
    expect(article.people.nodes.map((person: { name: string }) => person.name)).toContain('Jake Sullivan');
    expect(article.mentions.totalCount).toBeGreaterThan(10);
    expect(article.jsonLd['@type']).toBe('NewsArticle');
  });

  it('personPage: Sergei Lavrov, his roles, quotes, articles and what others said', async () => {
    const { person } = await run('personPage');
    expect(person).toMatchObject({ name: 'Sergei Lavrov', articleCount: 1, quoteCount: 2 });
    expect(person.quotes.edges).toHaveLength(2);
    expect(person.roles.nodes[0]).toMatchObject({ title: 'foreign minister', affiliation: { name: 'Russia' } });
    expect(person.quotedAbout.totalCount).toBe(5);
  });

  it('quoteFinder: quotes containing "negotiat"', async () => {
    const { quotes } = await run('quoteFinder');
    expect(quotes.totalCount).toBe(1);
    expect(quotes.edges[0].node.speaker).toMatchObject({ name: 'Sergei Lavrov' });
  });

  it('entityGraph: NATO, who appears with it, and the most quoted people', async () => {
    const { organization, mostQuoted } = await run('entityGraph');
    expect(organization.name).toBe('NATO');
    expect(organization.coMentioned.edges.map((edge: { node: { name: string } }) => edge.node.name)).toContain('Sergei Lavrov');
    expect(organization.coMentioned.edges.every((edge: { sharedArticles: number }) => edge.sharedArticles === 1)).toBe(true);
    expect(mostQuoted.nodes[0]).toMatchObject({ name: 'Sergei Lavrov', quoteCount: 2 });
  });

  it('search: finds the seed article', async () => {
    const { search } = await run('search');
    expect(search.edges.map((edge: { node: { slug?: string } }) => edge.node.slug)).toContain('russia-and-nato-agree-to-begin-negotiations-this-winter');
  });
});
