import { createLogger } from '../../src/log.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { gql } from '../support/graphqlClient.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';
import { tokenFor } from '../support/tokens.js';

const quiet = createLogger('error');

const FIELDS = `id slug title paragraphs status version section byline isPublic
  quotes { nodes { text speaker { ... on Entity { name } } } }
  people { nodes { name } }
  tags { nodes { name kind } }`;
const CREATE = `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateArticleInput!) { updateArticle(id: $id, version: $version, input: $input) { ${FIELDS} } }`;
const RESTORE = `mutation ($id: ID!, $revision: Int!, $version: Int!) { restoreRevision(articleId: $id, revision: $revision, version: $version) { ${FIELDS} } }`;
const REVISIONS = `query ($slug: String!) { article(slug: $slug) { revisions { nodes { version action actor changes textDiff } } } }`;

const PARAGRAPHS = [
  'The harbour council voted on Tuesday to fund a ferry link to the islands, council leader Maria Okafor said.',
  '"This is the most important decision in ten years," said Okafor.',
];

describe.each(databaseKinds)('article writes through the API on %s', (kind) => {
  let test: TestDatabase;
  let server: RunningServer;
  let editor: string;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    editor = await tokenFor(test.db.prisma, 'EDITOR');
    server = await startServer({ nodeEnv: 'test', port: 0, introspection: true }, test.db.prisma, quiet);
  });

  afterAll(async () => {
    await server?.stop();
    await test?.drop();
  });

  const as = (token: string | undefined) => (query: string, variables?: Record<string, unknown>) => gql(server.url, query, variables, token);

  it('creates a draft from a headline and paragraphs through the import’s path: extracted, invisible to readers, recorded', async () => {
    const created = await as(editor)(CREATE, {
      input: { title: 'Harbour Council Approves Ferry Link', paragraphs: PARAGRAPHS, tags: ['Transport'], section: 'local', byline: 'Jane Reporter' },
    });
    expect(created.errors).toBeUndefined();
    const article = created.data!.createArticle;
    expect(article).toMatchObject({
      slug: 'harbour-council-approves-ferry-link',
      status: 'DRAFT',
      version: 1,
      section: 'local',
      byline: 'Jane Reporter',
      isPublic: false,
      quotes: { nodes: [{ text: 'This is the most important decision in ten years,', speaker: { name: 'Maria Okafor' } }] },
      people: { nodes: [{ name: 'Maria Okafor' }] },
    });
    expect(article.tags.nodes).toContainEqual({ name: 'Transport', kind: 'EDITOR' });
    expect((await as(undefined)(`{ article(slug: "${article.slug}") { id } }`)).data).toEqual({ article: null });
    const history = await as(editor)(REVISIONS, { slug: article.slug });
    expect(history.data!.article.revisions.nodes).toEqual([
      { version: 1, action: 'CREATE', actor: expect.stringMatching(/^test-editor-/), changes: {}, textDiff: null },
    ]);
  });

  it('creates a published article from Markdown with front matter; fields beside the text override it', async () => {
    const text = `---\ntitle: Library Opens Late\ndate: 2024-05-01\ntags: [Culture]\nsection: arts\n---\n\nThe city library will open until ten, librarian Tom Becker said.\n`;
    const created = await as(editor)(CREATE, { input: { text, format: 'MARKDOWN', status: 'PUBLISHED', byline: 'Desk' } });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createArticle).toMatchObject({
      title: 'Library Opens Late',
      status: 'PUBLISHED',
      section: 'arts',
      byline: 'Desk',
      isPublic: true,
      version: 1,
    });
    expect((await as(undefined)(`{ article(slug: "library-opens-late") { title } }`)).data).toEqual({ article: { title: 'Library Opens Late' } });
  });

  it('dates an article published through the API without a date: published now, not undated', async () => {
    const before = Date.now();
    const created = await as(editor)(`mutation ($input: CreateArticleInput!) { createArticle(input: $input) { status publishedAt } }`, {
      input: { title: 'Pool Reopens', paragraphs: ['The city pool reopened on Saturday.'], status: 'PUBLISHED' },
    });
    expect(created.errors).toBeUndefined();
    const { status, publishedAt } = created.data!.createArticle;
    expect(status).toBe('PUBLISHED');
    expect(Date.parse(publishedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(publishedAt)).toBeLessThanOrEqual(Date.now() + 1000);
    expect((await as(undefined)(`{ article(slug: "pool-reopens") { title } }`)).data).toEqual({ article: { title: 'Pool Reopens' } });
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, and callers without the role', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'Only a headline' }, 'input'],
      [{ title: 'A headline', paragraphs: [] }, 'input.paragraphs'],
      [{ title: 'A headline', paragraphs: ['One.', '   '] }, 'input.paragraphs[1]'],
      [{ title: '   ', paragraphs: ['One.'] }, 'input.title'],
      [{ text: '{"title": 1}', format: 'JSON' }, 'input.text'],
      [{ text: '', format: 'PLAIN' }, 'input.text'],
      [{ title: 'A headline', paragraphs: ['One.'], sourceUrl: 'ftp://example.com/x' }, 'input.sourceUrl'],
      [{ title: 'A headline', paragraphs: ['One.'], publishedAt: 'yesterday' }, 'input.publishedAt'],
    ];
    for (const [input, argument] of cases) {
      const answer = await as(editor)(CREATE, { input });
      expect({
        input,
        status: answer.status,
        code: answer.errors?.[0]?.extensions?.code,
        argument: (answer.errors?.[0]?.extensions as { argument?: string })?.argument,
      }).toEqual({
        input,
        status: 400,
        code: 'BAD_USER_INPUT',
        argument,
      });
    }
    const input = { title: 'A headline', paragraphs: ['One.'] };
    expect(await as(await tokenFor(test.db.prisma, 'READER'))(CREATE, { input })).toMatchObject({
      status: 403,
      errors: [{ extensions: { code: 'FORBIDDEN' } }],
    });
    expect(await as(undefined)(CREATE, { input })).toMatchObject({ status: 401, errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(await test.db.prisma.article.count({ where: { title: 'A headline' } })).toBe(0);
  });

  it('updates the text: re-extracted, version bumped, a verified quote kept where its words moved, a rejected one not re-created', async () => {
    const { article: before } = (await as(editor)(`{ article(slug: "harbour-council-approves-ferry-link") { id version text quotes { nodes { id text } } } }`))
      .data!;
    // An editor verified Okafor's quote.
    const quoteId = Buffer.from(before.quotes.nodes[0].id, 'base64url').toString().split(':')[1];
    await test.db.prisma.quote.update({ where: { id: quoteId }, data: { status: 'VERIFIED', reviewedBy: 'desk' } });

    const paragraphs = [
      'Islanders welcomed the news on Wednesday.',
      ...PARAGRAPHS,
      '"We will watch the costs closely," said opposition leader Peter Lindqvist.',
    ];
    const updated = await as(editor)(UPDATE, { id: before.id, version: before.version, input: { paragraphs } });
    expect(updated.errors).toBeUndefined();
    const after = updated.data!.updateArticle;
    expect(after.version).toBe(before.version + 1);
    expect(after.paragraphs).toEqual(paragraphs);
    expect(after.quotes.nodes.map((q: { text: string }) => q.text)).toEqual([
      'This is the most important decision in ten years,',
      'We will watch the costs closely,',
    ]);
    const verified = await test.db.prisma.quote.findUniqueOrThrow({ where: { id: quoteId } });
    expect(verified).toMatchObject({ status: 'VERIFIED', reviewedBy: 'desk' });
    const { text } = (await as(editor)(`{ article(slug: "harbour-council-approves-ferry-link") { text } }`)).data!.article;
    expect(text.slice(verified.start, verified.end)).toBe(verified.text);
    expect(verified.start).toBeGreaterThan(before.text.indexOf(verified.text));

    // Rejected: Lindqvist's quote stays out when the same text is stored again.
    const lindqvist = await test.db.prisma.quote.findFirstOrThrow({ where: { text: { contains: 'costs closely' } } });
    await test.db.prisma.quote.update({ where: { id: lindqvist.id }, data: { status: 'REJECTED' } });
    const again = await as(editor)(UPDATE, { id: before.id, version: after.version, input: { title: 'Harbour Council Approves the Ferry Link' } });
    expect(again.data!.updateArticle.quotes.nodes.map((q: { text: string }) => q.text)).toEqual(['This is the most important decision in ten years,']);
    expect(await test.db.prisma.quote.count({ where: { text: { contains: 'costs closely' } } })).toBe(1);

    const history = (await as(editor)(REVISIONS, { slug: 'harbour-council-approves-ferry-link' })).data!.article.revisions.nodes;
    expect(history.map((r: { action: string }) => r.action)).toEqual(['UPDATE', 'UPDATE', 'CREATE']);
    expect(history[1].textDiff).toContain('+Islanders welcomed the news on Wednesday.');
    expect(history[0].changes).toEqual({ title: { before: 'Harbour Council Approves Ferry Link', after: 'Harbour Council Approves the Ferry Link' } });
  });

  it('answers a stale version with CONFLICT and writes nothing', async () => {
    const { article } = (await as(editor)(`{ article(slug: "harbour-council-approves-ferry-link") { id version title } }`)).data!;
    const stale = await as(editor)(UPDATE, { id: article.id, version: article.version - 1, input: { title: 'Somebody Else’s Headline' } });
    expect(stale).toMatchObject({ status: 409, errors: [{ extensions: { code: 'CONFLICT', currentVersion: article.version } }] });
    expect((await as(editor)(`{ article(slug: "harbour-council-approves-ferry-link") { version title } }`)).data!.article).toEqual({
      version: article.version,
      title: article.title,
    });
  });

  it('restores an earlier revision as a new one', async () => {
    const { article } = (await as(editor)(`{ article(slug: "harbour-council-approves-ferry-link") { id version } }`)).data!;
    const restored = await as(editor)(RESTORE, { id: article.id, revision: 1, version: article.version });
    expect(restored.errors).toBeUndefined();
    expect(restored.data!.restoreRevision).toMatchObject({
      title: 'Harbour Council Approves Ferry Link',
      paragraphs: PARAGRAPHS,
      version: article.version + 1,
      status: 'DRAFT',
    });
    const history = (await as(editor)(REVISIONS, { slug: 'harbour-council-approves-ferry-link' })).data!.article.revisions.nodes;
    expect(history[0]).toMatchObject({ version: article.version + 1, action: 'RESTORE' });
    expect(await as(editor)(RESTORE, { id: article.id, revision: 99, version: article.version + 1 })).toMatchObject({
      status: 404,
      errors: [{ extensions: { code: 'NOT_FOUND', argument: 'revision' } }],
    });
  });
});
