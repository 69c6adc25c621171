import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { projectRoot } from '../../src/projectRoot.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { gql } from '../support/graphqlClient.js';
import { tokenFor } from '../support/tokens.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const quiet = createLogger('error');
const SEED = 'russia-and-nato-agree-to-begin-negotiations-this-winter';
const STORIES = 30;

/**
 * Thirty short stories with known facts. Stories 0–19: Anna Kowalski (one quote each); 0–9
 * also Peter Lindqvist (one quote). Stories 20–29: Lindqvist (two quotes) and Maria Okafor
 * (one). So Kowalski: 20 articles, 20 quotes; Lindqvist: 20 articles, 30 quotes; Okafor: 10
 * and 10; Kowalski and Lindqvist share 10 articles, Lindqvist and Okafor 10.
 */
function story(i: number): string {
  if (i < 20) {
    const lindqvist = i < 10 ? `\n\nOpposition leader Peter Lindqvist said the plan was too expensive. "The numbers do not add up," Lindqvist said.` : '';
    return `Harbour Council delays ferry vote for week ${i}\n\nMayor Anna Kowalski said on Monday that the Harbour Council would vote on the ferry link next month.\n\n"We have waited long enough for this ferry," said Kowalski.${lindqvist}\n`;
  }
  return `Teachers ask for smaller classes in week ${i}\n\nPeter Lindqvist said on Tuesday that schools needed more teachers.\n\n"Every class is too big," said Lindqvist. "We will bring this to parliament," he added.\n\n"Schools come first," said Maria Okafor, a teacher in Bergen.\n`;
}

describe.each(databaseKinds)('connections, filters, the entity graph, JSON-LD and limits on %s', (kind) => {
  let test: TestDatabase;
  let server: RunningServer;
  let production: RunningServer;
  let dir: string;
  let editor: string;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'storygraph-graph-'));
    await Promise.all(Array.from({ length: STORIES }, (_, i) => writeFile(join(dir, `story-${i}.txt`), story(i))));
    const report = await importFiles(test.db.prisma, [join(projectRoot, 'fixtures', 'seed'), dir], { log: quiet });
    expect(report).toMatchObject({ files: STORIES + 1, failed: 0 });
    // Dates and drafts: story i was published on 2024-01-(i+1); stories 25–29 are drafts.
    for (let i = 0; i < STORIES; i++) {
      await test.db.prisma.article.updateMany({
        where: { title: { endsWith: ` week ${i}` } },
        data: { publishedAt: new Date(Date.UTC(2024, 0, i + 1)), status: i >= 25 ? 'DRAFT' : 'PUBLISHED' },
      });
    }
    editor = await tokenFor(test.db.prisma, 'EDITOR');
    server = await startServer({ nodeEnv: 'test', port: 0, introspection: true }, test.db.prisma, quiet);
    production = await startServer({ nodeEnv: 'production', port: 0, introspection: false, limits: { maxDepth: 4 } }, test.db.prisma, quiet);
  });

  afterAll(async () => {
    await server?.stop();
    await production?.stop();
    await test?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  // Drafts are among the stories: the editor's view lists all thirty (the anonymous view is
  // tested in access.test.ts).
  async function data(query: string, variables?: Record<string, unknown>) {
    const answer = await gql(server.url, query, variables, editor);
    expect(answer.errors).toBeUndefined();
    expect(answer.status).toBe(200);
    return answer.data!;
  }

  describe('connections', () => {
    const QUOTES = `query ($first: Int, $after: String, $last: Int, $before: String) {
      quotes(where: { speaker: "peter-lindqvist" }, first: $first, after: $after, last: $last, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id }
      }
    }`;

    it('pages a root list forwards and backwards to the same items', async () => {
      const forwards: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const { quotes } = await data(QUOTES, { first: 7, after });
        expect(quotes.totalCount).toBe(30);
        forwards.push(...quotes.nodes.map((quote: { id: string }) => quote.id));
        expect(quotes.pageInfo.hasPreviousPage).toBe(after !== null);
        if (!quotes.pageInfo.hasNextPage) break;
        after = quotes.pageInfo.endCursor;
      }
      expect(forwards).toHaveLength(30);
      expect(new Set(forwards).size).toBe(30);

      const backwards: string[] = [];
      let before: string | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const { quotes } = await data(QUOTES, { last: 7, before });
        backwards.unshift(...quotes.nodes.map((quote: { id: string }) => quote.id));
        expect(quotes.pageInfo.hasNextPage).toBe(before !== null);
        if (!quotes.pageInfo.hasPreviousPage) break;
        before = quotes.pageInfo.startCursor;
      }
      expect(backwards).toEqual(forwards);
    });

    it('pages nested connections both ways, per parent, with their totals', async () => {
      const query = `query ($first: Int, $after: String, $last: Int, $before: String) {
        people(where: { nameContains: "lindqvist" }) { nodes { quotes(first: $first, after: $after, last: $last, before: $before) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { text } } } }
      }`;
      const all = (await data(query, { first: 100 })).people.nodes[0].quotes;
      expect(all.totalCount).toBe(30);
      const head = (await data(query, { first: 4 })).people.nodes[0].quotes;
      expect(head.nodes).toEqual(all.nodes.slice(0, 4));
      const next = (await data(query, { first: 4, after: head.pageInfo.endCursor })).people.nodes[0].quotes;
      expect(next.nodes).toEqual(all.nodes.slice(4, 8));
      expect(next.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
      const tail = (await data(query, { last: 3 })).people.nodes[0].quotes;
      expect(tail.nodes).toEqual(all.nodes.slice(27));
      expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
      const beforeTail = (await data(query, { last: 3, before: tail.pageInfo.startCursor })).people.nodes[0].quotes;
      expect(beforeTail.nodes).toEqual(all.nodes.slice(24, 27));
      const pastEnd = (await data(query, { first: 5, after: all.pageInfo.endCursor })).people.nodes[0].quotes;
      expect(pastEnd).toMatchObject({ totalCount: 30, nodes: [], pageInfo: { hasNextPage: false } });
    });

    it('refuses pages over 100, root or nested, with BAD_USER_INPUT', async () => {
      const root = await gql(server.url, `{ people(last: 101) { totalCount } }`);
      expect(root.errors?.[0]).toMatchObject({ message: 'last must be between 1 and 100 (got 101)', extensions: { code: 'BAD_USER_INPUT' } });
      const nested = await gql(server.url, `{ article(slug: "${SEED}") { quotes(first: 500) { totalCount } } }`);
      expect(nested.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const cursor = await gql(server.url, `{ tags(after: "bm9wZQ") { totalCount } }`);
      expect(cursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('filters and ordering', () => {
    it('filters articles by status, date range, text, tags and mentions', async () => {
      const count = async (where: Record<string, unknown>) =>
        (await data(`query ($where: ArticleWhereInput) { articles(where: $where) { totalCount } }`, { where })).articles.totalCount;
      expect(await count({})).toBe(STORIES + 1);
      expect(await count({ status: 'DRAFT' })).toBe(5);
      expect(await count({ publishedAt: { from: '2024-01-01', to: '2024-01-11' } })).toBe(10);
      expect(await count({ textContains: 'FERRY LINK' })).toBe(20);
      expect(await count({ mentions: { some: { slug: 'anna-kowalski', kind: 'PERSON' } } })).toBe(20);
      expect(await count({ mentions: { none: { slug: 'anna-kowalski' } } })).toBe(STORIES + 1 - 20);
      expect(await count({ AND: [{ mentions: { some: { slug: 'anna-kowalski' } } }, { mentions: { some: { slug: 'peter-lindqvist' } } }] })).toBe(10);
      expect(await count({ mentions: { some: { nameContains: 'okafor' } }, status: 'PUBLISHED' })).toBe(5);
      const { tags } = await data(`{ tags(orderBy: [{ articleCount: DESC }], first: 1) { nodes { slug articleCount } } }`);
      const top = tags.nodes[0];
      expect(top.articleCount).toBeGreaterThanOrEqual(10);
      expect(await count({ tags: { some: [top.slug] } })).toBe(top.articleCount);
      expect(await count({ tags: { none: [top.slug] } })).toBe(STORIES + 1 - top.articleCount);
      const bad = await gql(server.url, `{ articles(where: { publishedAt: { from: "yesterday" } }) { totalCount } }`);
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('orders articles by date both ways', async () => {
      const dates = async (direction: string) =>
        (
          await data(
            `{ articles(first: 3, where: { status: PUBLISHED, publishedAt: { from: "2024-01-01" } }, orderBy: [{ publishedAt: ${direction} }]) { nodes { publishedAt } } }`,
          )
        ).articles.nodes.map((article: { publishedAt: string }) => article.publishedAt.slice(0, 10));
      expect(await dates('ASC')).toEqual(['2024-01-01', '2024-01-02', '2024-01-03']);
      expect(await dates('DESC')).toEqual(['2024-01-25', '2024-01-24', '2024-01-23']);
    });

    it('filters people and organizations by name, affiliation, member and quotes', async () => {
      const {
        byName,
        affiliated,
        quiet: unquoted,
        members,
      } = await data(`{
        byName: people(where: { nameContains: "KOWAL" }) { nodes { name } }
        affiliated: people(where: { affiliation: "national-security-council" }) { nodes { name } }
        quiet: people(where: { hasQuotes: false }, first: 100) { nodes { name quoteCount } }
        members: organizations(where: { member: "emily-horne" }) { nodes { name } }
      }`);
      expect(byName.nodes).toEqual([{ name: 'Anna Kowalski' }]);
      expect(affiliated.nodes).toEqual([{ name: 'Emily Horne' }]);
      expect(unquoted.nodes.length).toBeGreaterThan(0);
      expect(unquoted.nodes.every((person: { quoteCount: number }) => person.quoteCount === 0)).toBe(true);
      expect(unquoted.nodes.map((person: { name: string }) => person.name)).toContain('Yuri Ushakov');
      expect(members.nodes).toEqual([{ name: 'National Security Council' }]);
    });

    it('orders people by number of quotes and of articles', async () => {
      const { byQuotes, byArticles } = await data(`{
        byQuotes: people(first: 3, orderBy: [{ quoteCount: DESC }]) { nodes { name quoteCount } }
        byArticles: people(first: 3, orderBy: [{ articleCount: DESC }, { name: DESC }]) { nodes { name articleCount } }
      }`);
      expect(byQuotes.nodes).toEqual([
        { name: 'Peter Lindqvist', quoteCount: 30 },
        { name: 'Anna Kowalski', quoteCount: 20 },
        { name: 'Maria Okafor', quoteCount: 10 },
      ]);
      expect(byArticles.nodes).toEqual([
        { name: 'Peter Lindqvist', articleCount: 20 },
        { name: 'Anna Kowalski', articleCount: 20 },
        { name: 'Maria Okafor', articleCount: 10 },
      ]);
      const bad = await gql(server.url, `{ people(orderBy: [{ name: ASC, quoteCount: DESC }]) { totalCount } }`);
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('filters quotes by speaker, article, kind and text', async () => {
      const { numbers, okafor, partial, inSeed } = await data(`{
        numbers: quotes(where: { textContains: "numbers" }) { totalCount nodes { speaker { ... on Person { slug } } } }
        okafor: quotes(where: { speaker: "maria-okafor" }) { totalCount }
        partial: quotes(where: { article: "${SEED}", kind: PARTIAL }, first: 100) { nodes { kind } }
        inSeed: quotes(where: { article: "${SEED}" }) { totalCount }
      }`);
      expect(numbers.totalCount).toBe(10);
      expect(numbers.nodes.every((quote: { speaker: { slug: string } }) => quote.speaker.slug === 'peter-lindqvist')).toBe(true);
      expect(okafor.totalCount).toBe(10);
      expect(partial.nodes.length).toBeGreaterThan(0);
      expect(partial.nodes.length).toBeLessThan(inSeed.totalCount);
      expect(partial.nodes.every((quote: { kind: string }) => quote.kind === 'PARTIAL')).toBe(true);
    });
  });

  describe('the entity graph', () => {
    it('lists entities mentioned alongside, with the number of shared articles', async () => {
      const { kowalski, lindqvist } = await data(`{
        kowalski: person(slug: "anna-kowalski") { coMentioned(kind: PERSON) { totalCount edges { sharedArticles node { name } } } all: coMentioned { totalCount } }
        lindqvist: person(slug: "peter-lindqvist") { coMentioned(first: 2, kind: PERSON) { edges { sharedArticles node { __typename name } } } }
      }`);
      expect(kowalski.coMentioned.edges).toEqual([{ sharedArticles: 10, node: { name: 'Peter Lindqvist' } }]);
      expect(kowalski.all.totalCount).toBeGreaterThan(1);
      expect(lindqvist.coMentioned.edges).toEqual([
        { sharedArticles: 10, node: { __typename: 'Person', name: 'Anna Kowalski' } },
        { sharedArticles: 10, node: { __typename: 'Person', name: 'Maria Okafor' } },
      ]);
    });

    it('finds quotes about an entity: in articles that mention it, by other speakers', async () => {
      const { kowalski, lindqvist, nato } = await data(`{
        kowalski: person(slug: "anna-kowalski") { quotedAbout(first: 100) { totalCount nodes { speaker { ... on Entity { slug } } } } }
        lindqvist: person(slug: "peter-lindqvist") { quotedAbout { totalCount } }
        nato: organization(slug: "nato") { quotedAbout(first: 100) { nodes { speaker { __typename ... on Entity { slug } } } } }
      }`);
      expect(kowalski.quotedAbout.totalCount).toBe(10);
      expect(kowalski.quotedAbout.nodes.every((quote: { speaker: { slug: string } }) => quote.speaker.slug === 'peter-lindqvist')).toBe(true);
      expect(lindqvist.quotedAbout.totalCount).toBe(20);
      const natoSpeakers = nato.quotedAbout.nodes.map((quote: { speaker: { slug?: string } }) => quote.speaker.slug);
      expect(natoSpeakers).toContain('sergei-lavrov');
      expect(natoSpeakers).not.toContain('nato');
    });

    it('shows roles with their affiliation and article date, and members of organizations', async () => {
      const { horne, council } = await data(`{
        horne: person(slug: "emily-horne") { roles { totalCount nodes { title seenAt affiliation { name } article { slug } } } }
        council: organization(slug: "national-security-council") { members { nodes { title person { name } } } }
      }`);
      expect(horne.roles.nodes[0]).toMatchObject({
        title: 'spokesperson for the national security council',
        affiliation: { name: 'National Security Council' },
        article: { slug: SEED },
      });
      expect(Number.isNaN(Date.parse(horne.roles.nodes[0].seenAt))).toBe(false);
      expect(council.members.nodes).toContainEqual({ title: 'spokesperson for the national security council', person: { name: 'Emily Horne' } });
    });

    it('exposes quote details and mention offsets that index the article text', async () => {
      const { article } = await data(
        `{ article(slug: "${SEED}") { text quotes { nodes { cue { text start end } confidence paragraph } } mentions(first: 100) { totalCount nodes { text start end entity { name } } } } }`,
      );
      expect(article.mentions.totalCount).toBeGreaterThan(10);
      for (const mention of article.mentions.nodes) expect(article.text.slice(mention.start, mention.end)).toBe(mention.text);
      for (const quote of article.quotes.nodes) {
        if (quote.cue) expect(article.text.slice(quote.cue.start, quote.cue.end)).toBe(quote.cue.text);
        expect(quote.confidence).toBeGreaterThan(0);
      }
    });
  });

  it('returns schema.org JSON-LD: a NewsArticle with mentions and Quotations', async () => {
    const { article } = await data(`{ article(slug: "${SEED}") { title jsonLd } }`);
    const ld = article.jsonLd;
    expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: article.title });
    expect(ld.mentions).toContainEqual(expect.objectContaining({ '@type': 'Person', name: 'Sergei Lavrov' }));
    expect(ld.mentions).toContainEqual(expect.objectContaining({ '@type': 'Organization', name: 'NATO' }));
    expect(ld.mentions).toContainEqual(expect.objectContaining({ '@type': 'Place', name: 'Russia' }));
    const quotations = ld.hasPart.filter((part: { '@type': string }) => part['@type'] === 'Quotation');
    expect(quotations).toHaveLength(7);
    expect(quotations).toContainEqual({
      '@type': 'Quotation',
      text: 'severe consequences',
      spokenByCharacter: expect.objectContaining({ '@type': 'Organization', name: 'NATO' }),
    });
    expect(quotations[2].spokenByCharacter).toMatchObject({ '@type': 'Person', name: 'Sergei Lavrov' });
    expect(quotations[6].spokenByCharacter).toMatchObject({
      '@type': 'Person',
      description: 'The White House press secretary',
      affiliation: { name: 'White House' },
    });
    expect(JSON.parse(JSON.stringify(ld))).toEqual(ld);
  });

  describe('limits answer HTTP 400 with a code, never 500', () => {
    it('refuses a query nested too deep', async () => {
      const hop = (inner: string) => `quotes(first: 1) { nodes { article { ${inner} } } }`;
      const deep = `{ article(slug: "${SEED}") { ${hop(hop(hop(hop('title'))))} } }`;
      const answer = await gql(server.url, deep);
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    });

    it('refuses too many aliases', async () => {
      const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: article(slug: "${SEED}") { title }`).join(' ');
      const answer = await gql(server.url, `{ ${aliases} }`);
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'TOO_MANY_ALIASES' } });
    });

    it('refuses a document with too many tokens while parsing', async () => {
      const answer = await gql(server.url, `{ ${'__typename '.repeat(3100)} }`);
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]?.extensions?.code).toBe('TOO_MANY_TOKENS');
    });

    it('refuses an operation whose estimated cost is too high, reading page sizes from variables', async () => {
      const query = `query ($n: Int) { articles(first: $n) { nodes { people(first: $n) { nodes { quotes(first: $n) { nodes { text } } } } } } }`;
      const answer = await gql(server.url, query, { n: 100 });
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect((await gql(server.url, query, { n: 5 })).status).toBe(200);
    });

    it('still answers the introspection query tools send', async () => {
      const answer = await gql(server.url, getIntrospectionQuery());
      expect(answer.status).toBe(200);
      expect(answer.data?.__schema.queryType.name).toBe('Query');
    });

    it('takes its limits from configuration', async () => {
      const answer = await gql(production.url, `{ article(slug: "${SEED}") { quotes { nodes { article { title } } } } }`);
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    });
  });

  describe('production mode', () => {
    it('refuses introspection', async () => {
      const answer = await gql(production.url, `{ __schema { types { name } } }`);
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('gives no field suggestions, where development does', async () => {
      const query = `{ article(slug: "${SEED}") { titel } }`;
      const dev = await gql(server.url, query);
      expect(dev.errors?.[0]?.message).toMatch(/Did you mean "title"\?/);
      const prod = await gql(production.url, query);
      expect(prod.status).toBe(400);
      expect(prod.errors?.[0]).toMatchObject({ message: 'Cannot query field "titel" on type "Article".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    });

    it('masks unknown errors and keeps CSRF prevention on', async () => {
      const csrf = await fetch(`${production.url}?query=${encodeURIComponent('{ tags { totalCount } }')}`);
      expect(csrf.status).toBe(400);
      const answer = await gql(production.url, `{ people(first: 1) { nodes { name } } }`);
      expect(answer.status).toBe(200);
    });
  });
});
