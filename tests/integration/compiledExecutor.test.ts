import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledOperations } from '../../src/graphql/compiledExecutor.js';
import { loadOperations } from '../../src/graphql/loadOperations.js';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { projectRoot } from '../../src/projectRoot.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';
import { tokenFor } from '../support/tokens.js';

const quiet = createLogger('error');
const SEED = 'russia-and-nato-agree-to-begin-negotiations-this-winter';

/** A draft beside the seed story, so the editor's and the anonymous answers differ. */
const DRAFT = {
  title: 'Ferry Link Costs Double',
  body: 'The ferry link will cost twice as much, council leader Maria Okafor said on Friday.\n\n"We were wrong about the costs," said Okafor.\n\nA spokesman for the council said: "Tickets go on sale in May."',
  publishedAt: '2024-04-05T09:30:00Z',
  status: 'DRAFT',
};

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  editor?: boolean;
  /** False: the operation must stay on graphql-js. */
  compiled?: boolean;
}

/** What graphql-js and graphql-jit could answer differently: errors, nulls, abstract types, directives, variables. */
const CASES: Case[] = [
  ...loadOperations().map((operation) => ({ name: `operations/${operation.name}.graphql`, query: operation.source })),
  // Another text, so another document: compiled again, for a caller who sees drafts.
  ...loadOperations().map((operation) => ({
    name: `operations/${operation.name}.graphql as an editor`,
    query: `${operation.source}\n# as an editor`,
    editor: true,
  })),
  {
    name: 'fragments on interfaces and unions, aliases, __typename',
    query: `query ($slug: String!) { article(slug: $slug) { __typename t: title quotes(first: 50) { nodes { kind speaker { __typename ... on Entity { name slug } ... on Person { roles(first: 2) { nodes { title } } } ... on UnnamedSpeaker { description affiliation { name } } } } } } }`,
    variables: { slug: SEED },
  },
  {
    name: 'skip and include from variables',
    query: `query ($slug: String!, $yes: Boolean!, $no: Boolean!) { article(slug: $slug) { title lead @skip(if: $yes) tags @include(if: $no) { nodes { name } } people @include(if: $yes) { totalCount nodes { name } } } }`,
    variables: { slug: SEED, yes: true, no: false },
  },
  {
    name: 'a variable left to its default',
    query: `query ($first: Int = 3) { articles(first: $first) { nodes { title } } people(first: $first) { nodes { name } } }`,
  },
  {
    name: 'a bad page size under a root field (BAD_USER_INPUT, data kept)',
    query: `{ article(slug: "${SEED}") { title quotes(first: 500) { totalCount } people { totalCount } } }`,
  },
  { name: 'a malformed cursor at the root', query: `{ tags(after: "bm9wZQ") { totalCount } }` },
  { name: 'nothing found', query: `{ article(slug: "no-such-story") { title } person(slug: "nobody") { name } }` },
  { name: 'a node by a malformed ID', query: `{ node(id: "not-an-id") { id } }` },
  {
    name: 'search with snippets',
    query: `{ search(query: "nato", first: 5) { totalCount edges { rank snippet node { __typename ... on Article { title } ... on Entity { name } } } } }`,
  },
  { name: 'a draft for an editor', query: `{ articles(where: { status: DRAFT }) { nodes { title status quotes { nodes { text } } } } }`, editor: true },
  { name: 'a draft for nobody else', query: `{ articles(where: { status: DRAFT }) { totalCount nodes { title } } }` },
  {
    // The operation is compiled; a request with variables graphql-js refuses is answered by graphql-js.
    name: 'a variable graphql-js refuses',
    query: `query ($first: Int) { articles(first: $first) { totalCount } }`,
    variables: { first: 'ten' },
  },
  {
    name: 'a variable of a filter type that contains itself (stays on graphql-js)',
    query: `query ($where: ArticleWhereInput) { articles(where: $where) { totalCount } }`,
    variables: { where: { AND: [{ status: 'PUBLISHED' }, { NOT: { textContains: 'ferry' } }] } },
    compiled: false,
  },
  {
    name: 'the same filter inline',
    query: `{ articles(where: { AND: [{ status: PUBLISHED }, { NOT: { textContains: "ferry" } }] }) { totalCount } }`,
  },
  {
    name: 'a filter variable of a type without cycles',
    query: `query ($tags: TagFilterInput) { articles(where: { tags: $tags }) { totalCount } }`,
    variables: { tags: { none: ['x'] } },
  },
];

describe.each(databaseKinds)('queries compiled with graphql-jit answer what graphql-js answers, on %s', (kind) => {
  let test: TestDatabase;
  let server: RunningServer;
  let dir: string;
  let editor: string;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'storygraph-compiled-'));
    await writeFile(join(dir, 'draft.jsonl'), JSON.stringify(DRAFT) + '\n');
    await importFiles(test.db.prisma, [join(projectRoot, 'fixtures', 'seed'), join(dir, 'draft.jsonl')], { log: quiet });
    editor = await tokenFor(test.db.prisma, 'EDITOR');
    server = await startServer({ nodeEnv: 'test', port: 0, introspection: true }, test.db.prisma, quiet);
  });

  afterAll(async () => {
    await server?.stop();
    await test?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** The response as sent: status, body bytes and ETag. */
  async function post({ query, variables, editor: asEditor }: Case) {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(asEditor ? { authorization: `Bearer ${editor}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, etag: response.headers.get('etag'), body: await response.text() };
  }

  it.each(CASES)('$name: the same bytes on graphql-js (first run) and compiled (later runs)', async (test) => {
    const before = compiledOperations();
    const first = await post(test);
    expect(compiledOperations()).toBe(before);
    const second = await post(test);
    const third = await post(test);
    expect(compiledOperations()).toBe(before + (test.compiled === false ? 0 : 1));
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(first.body.length).toBeGreaterThan(20);
  });
});
