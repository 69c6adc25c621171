import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { gql } from '../support/graphqlClient.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';
import { tokenFor } from '../support/tokens.js';

const quiet = createLogger('error');

/**
 * A published story, a draft and a story scheduled for 2099. The draft alone mentions Zoltan
 * Brightwater, the Quayside Trust and the tag "Embargo"; the scheduled story alone mentions
 * Ingrid Vasquez-Holm and "Heritage". Maria Okafor is in the published story and the draft.
 */
const STORIES = [
  {
    title: 'Harbour Council Approves Ferry Link',
    body: 'The Harbour Council voted on Tuesday to fund a ferry link to the islands, council leader Maria Okafor said.\n\n"This is the most important decision in ten years," said Okafor.\n\n"We will watch the costs closely," said opposition leader Peter Lindqvist.',
    publishedAt: '2024-03-05T09:30:00Z',
    tags: ['Transport'],
  },
  {
    title: 'Embargoed: Minister Resigns Tomorrow',
    body: 'Transport minister Zoltan Brightwater will resign on Friday, Maria Okafor said.\n\n"I leave with my head held high," said Brightwater, who chairs the Quayside Trust.',
    publishedAt: '2024-03-06T09:30:00Z',
    tags: ['Embargo'],
    status: 'DRAFT',
  },
  {
    title: 'Lighthouse Reopens Next Year',
    body: 'The Northport lighthouse will reopen next year, keeper Ingrid Vasquez-Holm said.\n\n"The lamp is ready," said Vasquez-Holm.',
    publishedAt: '2099-01-01T08:00:00Z',
    tags: ['Heritage'],
  },
];

const PUBLIC = 'harbour-council-approves-ferry-link';
const DRAFT = 'embargoed-minister-resigns-tomorrow';
const SCHEDULED = 'lighthouse-reopens-next-year';

/** Every read path of the API in one document: root lists, nested lists, counts, search, facets, JSON-LD. */
const EVERYTHING = `query ($draftId: ID!, $quoteId: ID!, $personId: ID!, $tagId: ID!) {
  articles(first: 100) { totalCount nodes { slug } }
  draft: article(slug: "${DRAFT}") { slug }
  scheduled: article(slug: "${SCHEDULED}") { slug }
  public: article(slug: "${PUBLIC}") {
    quotes(first: 100) { totalCount nodes { text } }
    mentions(first: 100) { totalCount nodes { text } }
    people { nodes { name } }
    jsonLd
  }
  node(id: $draftId) { id }
  nodes(ids: [$draftId, $quoteId, $personId, $tagId]) { id }
  people(first: 100) { totalCount nodes { name } }
  organizations(first: 100) { totalCount nodes { name } }
  brightwater: person(slug: "zoltan-brightwater") { name }
  okafor: person(slug: "maria-okafor") {
    articleCount quoteCount
    articles { totalCount nodes { slug } }
    quotes { totalCount nodes { text } }
    quotedAbout { totalCount nodes { text } }
    coMentioned(first: 100) { totalCount nodes { name } }
  }
  quotes(first: 100) { totalCount nodes { text } }
  speakerQuotes: quotes(where: { speaker: "zoltan-brightwater" }) { totalCount }
  tags(first: 100) { totalCount nodes { name } }
  embargo: tag(slug: "embargo") { name }
  transport: tag(slug: "transport") { articleCount articles { totalCount } }
  search(query: "resign head high Brightwater", first: 100) { totalCount countsByType { type count } nodes { __typename } }
  lamp: search(query: "lamp lighthouse", first: 100) { totalCount }
  articleFacets(first: 100) { articleCount people { entity { name } count } tags { tag { name } count } }
}`;

describe.each(databaseKinds)('who sees what, on %s', (kind) => {
  let test: TestDatabase;
  let server: RunningServer;
  let dir: string;
  let variables: Record<string, string>;
  let rejectedQuote: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'storygraph-access-'));
    await writeFile(join(dir, 'stories.jsonl'), STORIES.map((story) => JSON.stringify(story)).join('\n') + '\n');
    expect(await importFiles(test.db.prisma, [join(dir, 'stories.jsonl')], { log: quiet })).toMatchObject({ imported: 3, failed: 0 });
    const prisma = test.db.prisma;
    // An editor rejected Lindqvist's quote and one mention of Okafor in the public story.
    const publicArticle = await prisma.article.findUniqueOrThrow({ where: { slug: PUBLIC } });
    const lindqvist = await prisma.quote.findFirstOrThrow({ where: { articleId: publicArticle.id, text: { contains: 'costs closely' } } });
    await prisma.quote.update({ where: { id: lindqvist.id }, data: { status: 'REJECTED' } });
    rejectedQuote = lindqvist.text;
    const okaforMention = await prisma.mention.findFirstOrThrow({ where: { articleId: publicArticle.id, text: 'Okafor' } });
    await prisma.mention.update({
      where: { articleId_start_end: { articleId: okaforMention.articleId, start: okaforMention.start, end: okaforMention.end } },
      data: { status: 'REJECTED' },
    });

    const draft = await prisma.article.findUniqueOrThrow({ where: { slug: DRAFT } });
    const draftQuote = await prisma.quote.findFirstOrThrow({ where: { articleId: draft.id } });
    const brightwater = await prisma.entity.findFirstOrThrow({ where: { slug: 'zoltan-brightwater' } });
    const embargo = await prisma.tag.findUniqueOrThrow({ where: { slug: 'embargo' } });
    const id = (type: string, uuid: string) => Buffer.from(`${type}:${uuid}`).toString('base64url');
    variables = { draftId: id('Article', draft.id), quoteId: id('Quote', draftQuote.id), personId: id('Person', brightwater.id), tagId: id('Tag', embargo.id) };
    for (const role of ['READER', 'EDITOR', 'ADMIN'] as const) tokens[role] = await tokenFor(prisma, role);
    server = await startServer({ nodeEnv: 'test', port: 0, introspection: true }, prisma, quiet);
  });

  afterAll(async () => {
    await server?.stop();
    await test?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function everything(token?: string) {
    const answer = await gql(server.url, EVERYTHING, variables, token);
    expect(answer.errors).toBeUndefined();
    expect(answer.status).toBe(200);
    return answer.data!;
  }

  const names = (list: { nodes: { name: string }[] }) => list.nodes.map((node) => node.name).sort();

  it.each([
    ['anonymous', undefined],
    ['READER', 'READER'],
  ] as const)('hides drafts, scheduled stories and rejected facts from %s callers on every path', async (_, role) => {
    const seen = await everything(role ? tokens[role] : undefined);
    expect(seen.articles).toEqual({ totalCount: 1, nodes: [{ slug: PUBLIC }] });
    expect(seen.draft).toBeNull();
    expect(seen.scheduled).toBeNull();
    expect(seen.node).toBeNull();
    expect(seen.nodes).toEqual([null, null, null, null]);
    // Rejected facts are gone from nested lists and JSON-LD.
    expect(seen.public.quotes.nodes.map((q: { text: string }) => q.text)).not.toContain(rejectedQuote);
    expect(seen.public.quotes.totalCount).toBe(1);
    expect(seen.public.mentions.nodes.map((m: { text: string }) => m.text).filter((text: string) => text === 'Okafor')).toEqual([]);
    expect(seen.public.jsonLd.hasPart.map((part: { text: string }) => part.text)).toEqual([expect.stringContaining('most important decision')]);
    // People, organizations and tags only a draft or a scheduled story has are invisible.
    expect(names(seen.people)).not.toEqual(expect.arrayContaining(['Zoltan Brightwater']));
    expect(names(seen.people)).not.toContain('Ingrid Vasquez-Holm');
    expect(seen.people.totalCount).toBe(seen.people.nodes.length);
    expect(names(seen.organizations)).not.toContain('Quayside Trust');
    expect(seen.brightwater).toBeNull();
    expect(seen.okafor).toMatchObject({ articleCount: 1, articles: { totalCount: 1, nodes: [{ slug: PUBLIC }] } });
    expect(names(seen.okafor.coMentioned)).not.toContain('Zoltan Brightwater');
    expect(seen.okafor.quotedAbout.nodes.map((q: { text: string }) => q.text)).not.toContain(rejectedQuote);
    expect(seen.quotes.nodes.map((q: { text: string }) => q.text)).toEqual([expect.stringContaining('most important decision')]);
    expect(seen.speakerQuotes.totalCount).toBe(0);
    expect(names(seen.tags)).toEqual(['Transport']);
    expect(seen.embargo).toBeNull();
    expect(seen.transport).toEqual({ articleCount: 1, articles: { totalCount: 1 } });
    // Search and facets count only what the caller may see.
    expect(seen.search.totalCount).toBe(0);
    expect(seen.lamp.totalCount).toBe(0);
    expect(seen.articleFacets.articleCount).toBe(1);
    expect(seen.articleFacets.tags).toEqual([{ tag: { name: 'Transport' }, count: 1 }]);
    expect(seen.articleFacets.people.map((p: { entity: { name: string } }) => p.entity.name)).not.toContain('Zoltan Brightwater');
  });

  it('shows drafts and scheduled stories to editors, but never rejected facts', async () => {
    const seen = await everything(tokens.EDITOR);
    expect(seen.articles.totalCount).toBe(3);
    expect(seen.draft).toEqual({ slug: DRAFT });
    expect(seen.scheduled).toEqual({ slug: SCHEDULED });
    expect(seen.node).toEqual({ id: variables.draftId });
    expect(seen.nodes).toEqual([{ id: variables.draftId }, { id: variables.quoteId }, { id: variables.personId }, { id: variables.tagId }]);
    expect(seen.brightwater).toEqual({ name: 'Zoltan Brightwater' });
    expect(seen.okafor.articleCount).toBe(2);
    expect(names(seen.tags)).toEqual(['Embargo', 'Heritage', 'Transport']);
    expect(seen.search.totalCount).toBeGreaterThan(0);
    expect(seen.lamp.totalCount).toBeGreaterThan(0);
    expect(seen.articleFacets.articleCount).toBe(3);
    expect(seen.public.quotes.nodes.map((q: { text: string }) => q.text)).not.toContain(rejectedQuote);
    expect(seen.quotes.nodes.map((q: { text: string }) => q.text)).not.toContain(rejectedQuote);
  });
});

describe.each(databaseKinds)('API tokens on %s', (kind) => {
  let test: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    server = await startServer({ nodeEnv: 'test', port: 0, introspection: true }, test.db.prisma, quiet);
  });

  afterAll(async () => {
    await server?.stop();
    await test?.drop();
  });

  const VIEWER = `{ viewer { name role } }`;

  it('reads anonymously without a token, and as the token with one', async () => {
    expect(await gql(server.url, VIEWER)).toEqual({ status: 200, data: { viewer: { name: 'anonymous', role: null } } });
    const token = await tokenFor(test.db.prisma, 'READER');
    expect((await gql(server.url, VIEWER, undefined, token)).data).toEqual({ viewer: { name: expect.stringMatching(/^test-reader-/), role: 'READER' } });
  });

  it('refuses a malformed, unknown, expired or revoked token with 401 whatever the request asks', async () => {
    const real = await tokenFor(test.db.prisma, 'READER');
    const unknown = real.slice(0, -4) + (real.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer not-a-token', `Bearer ${unknown}`]) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: header },
        body: JSON.stringify({ query: VIEWER }),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    await test.db.prisma.apiToken.updateMany({ where: { lookup: real.slice(3, 19) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await gql(server.url, VIEWER, undefined, real)).toMatchObject({
      status: 401,
      errors: [{ message: expect.stringContaining('expired'), extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  it('lets ADMIN create, list and revoke tokens through the API; others are refused with 401 or 403', async () => {
    const admin = await tokenFor(test.db.prisma, 'ADMIN');
    const editor = await tokenFor(test.db.prisma, 'EDITOR');
    const CREATE = `mutation ($input: CreateTokenInput!) { createToken(input: $input) { token apiToken { name role active createdBy expiresAt } } }`;
    const input = { name: 'desk', role: 'EDITOR', expiresAt: '2099-01-01T00:00:00Z' };
    expect(await gql(server.url, CREATE, { input })).toMatchObject({ status: 401, errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(await gql(server.url, CREATE, { input }, editor)).toMatchObject({ status: 403, errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    expect(await gql(server.url, `{ tokens { name } }`, undefined, editor)).toMatchObject({ status: 403, errors: [{ extensions: { code: 'FORBIDDEN' } }] });

    const created = await gql(server.url, CREATE, { input }, admin);
    expect(created.status).toBe(200);
    const desk = created.data!.createToken;
    expect(desk.apiToken).toEqual({
      name: 'desk',
      role: 'EDITOR',
      active: true,
      createdBy: expect.stringMatching(/^test-admin-/),
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    expect(desk.token).toMatch(/^sg_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    // Only a salted hash is stored.
    const stored = await test.db.prisma.apiToken.findFirstOrThrow({ where: { name: 'desk' } });
    expect(JSON.stringify(stored)).not.toContain(desk.token.slice(20));
    expect((await gql(server.url, VIEWER, undefined, desk.token)).data).toEqual({ viewer: { name: 'desk', role: 'EDITOR' } });
    expect(await gql(server.url, CREATE, { input }, admin)).toMatchObject({ status: 409, errors: [{ extensions: { code: 'CONFLICT' } }] });

    const listed = await gql(server.url, `{ tokens { name role active } }`, undefined, admin);
    expect(listed.data!.tokens).toEqual(expect.arrayContaining([{ name: 'desk', role: 'EDITOR', active: true }]));
    const revoked = await gql(server.url, `mutation { revokeToken(name: "desk") { name active revokedAt } }`, undefined, admin);
    expect(revoked.data!.revokeToken).toMatchObject({ name: 'desk', active: false, revokedAt: expect.any(String) });
    expect(await gql(server.url, VIEWER, undefined, desk.token)).toMatchObject({ status: 401, errors: [{ message: expect.stringContaining('revoked') }] });
    expect(await gql(server.url, `mutation { revokeToken(name: "desk") { name } }`, undefined, admin)).toMatchObject({
      status: 404,
      errors: [{ extensions: { code: 'NOT_FOUND' } }],
    });
  });
});
