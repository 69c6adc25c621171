import { gql } from '../support/graphqlClient.js';
import { startStoriesServer, type StoriesServer } from '../support/storiesServer.js';
import { databaseKinds } from '../support/testDatabases.js';

// Ten dated stories, two to a timestamp (ties broken by creation time and id), and three
// undated ones, which sort last: pages cross from dated rows into the NULLs.
const TOWNS = ['Ashford', 'Bexley', 'Crawley', 'Dover', 'Epsom', 'Farnham', 'Gosport', 'Hythe', 'Ilford', 'Jarrow', 'Kendal', 'Luton', 'Morley'];
const STORIES = TOWNS.map((town, i) => ({
  title: `${town} Harbour Plan Approved`,
  body: `The ${town} council approved the harbour plan on Monday, council leader Maria Okafor said.\n\n"It is good news for ${town}," said Okafor.`,
  status: 'PUBLISHED',
  tags: ['harbours'],
  ...(i < 10 ? { publishedAt: `2025-0${1 + (i >> 1)}-15T09:00:00.000Z` } : {}),
}));

const ARTICLES = `query ($first: Int, $after: String, $last: Int, $before: String) {
  articles(first: $first, after: $after, last: $last, before: $before) { nodes { slug } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
}`;
const TAG_ARTICLES = `query ($first: Int, $after: String, $last: Int, $before: String) {
  tag(slug: "harbours") { articles(first: $first, after: $after, last: $last, before: $before) { nodes { slug } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }
}`;
const QUOTES = `query ($first: Int, $after: String, $last: Int, $before: String) {
  quotes(first: $first, after: $after, last: $last, before: $before) { nodes { text } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
}`;
const CREATE = `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { slug } }`;

interface Page {
  nodes: Record<string, string>[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

describe.each(databaseKinds)('keyset cursors on %s', (kind) => {
  let fixture: StoriesServer;
  let server: StoriesServer['server'];
  let editor: string;

  beforeAll(async () => {
    fixture = await startStoriesServer(kind, STORIES);
    ({ server, editor } = fixture);
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  async function page(query: string, pick: (data: Record<string, any>) => Page, variables: Record<string, unknown>): Promise<Page> {
    const answer = await gql(server.url, query, variables);
    expect(answer.errors).toBeUndefined();
    return pick(answer.data!);
  }

  /** Every node, page by page of `size`, forwards (first/after) or backwards (last/before), in the list's order. */
  async function walk(query: string, pick: (data: Record<string, any>) => Page, field: string, size: number, backwards = false) {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 50; i++) {
      const current: Page = await page(query, pick, backwards ? { last: size, before: cursor } : { first: size, after: cursor });
      const values = current.nodes.map((node) => node[field]!);
      if (backwards) seen.unshift(...values);
      else seen.push(...values);
      const more = backwards ? current.pageInfo.hasPreviousPage : current.pageInfo.hasNextPage;
      if (!more) return seen;
      expect(current.nodes).toHaveLength(size);
      cursor = backwards ? current.pageInfo.startCursor : current.pageInfo.endCursor;
    }
    throw new Error('the walk did not end');
  }

  const lists = [
    { name: 'articles', query: ARTICLES, pick: (data: Record<string, any>) => data.articles as Page, field: 'slug' },
    { name: 'tag.articles', query: TAG_ARTICLES, pick: (data: Record<string, any>) => data.tag.articles as Page, field: 'slug' },
    { name: 'quotes', query: QUOTES, pick: (data: Record<string, any>) => data.quotes as Page, field: 'text' },
  ];

  it.each(lists)('walks $name page by page, forwards and backwards, to exactly the full list', async ({ query, pick, field }) => {
    const full = (await page(query, pick, { first: 100 })).nodes.map((node) => node[field]!);
    expect(full.length).toBeGreaterThanOrEqual(TOWNS.length);
    expect(new Set(full).size).toBe(full.length);
    for (const size of [1, 3, 4]) {
      expect(await walk(query, pick, field, size)).toEqual(full);
      expect(await walk(query, pick, field, size, true)).toEqual(full);
    }
  });

  it('orders dated stories newest first, ties by creation, undated ones last', async () => {
    const full = (await page(ARTICLES, (data) => data.articles, { first: 100 })).nodes.map((node) => node.slug);
    expect(full.slice(-3).sort()).toEqual(['kendal-harbour-plan-approved', 'luton-harbour-plan-approved', 'morley-harbour-plan-approved']);
    expect(full.slice(0, 2).sort()).toEqual(['ilford-harbour-plan-approved', 'jarrow-harbour-plan-approved']);
  });

  it('refuses a malformed cursor, or one of another list or order, as BAD_USER_INPUT naming the argument', async () => {
    const tags = await gql(server.url, `{ tags(first: 1) { pageInfo { endCursor } } }`);
    const tagCursor = tags.data!.tags.pageInfo.endCursor as string;
    const articleCursor = (await page(ARTICLES, (data) => data.articles, { first: 1 })).pageInfo.endCursor!;
    const decoded = JSON.parse(Buffer.from(articleCursor, 'base64url').toString('utf8')) as { v: number; o: string; k: unknown[] };
    expect(decoded).toMatchObject({ v: 1, k: [expect.any(String), expect.any(String), expect.any(String)] });
    const tampered = Buffer.from(JSON.stringify({ ...decoded, k: ['yesterday', ...decoded.k.slice(1)] })).toString('base64url');
    const cases: [string, Record<string, unknown>, string][] = [
      [ARTICLES, { first: 2, after: 'nope' }, 'after'],
      [ARTICLES, { last: 2, before: Buffer.from('offset:3').toString('base64url') }, 'before'],
      [ARTICLES, { first: 2, after: tagCursor }, 'after'],
      [ARTICLES, { first: 2, after: tampered }, 'after'],
      [`query ($after: String) { articles(first: 2, after: $after, orderBy: [{ title: ASC }]) { nodes { slug } } }`, { after: articleCursor }, 'after'],
      [TAG_ARTICLES, { first: 2, after: articleCursor }, 'after'],
      [`query ($after: String) { search(query: "harbour", first: 2, after: $after) { edges { cursor } } }`, { after: articleCursor }, 'after'],
    ];
    for (const [query, variables, argument] of cases) {
      const answer = await gql(server.url, query, variables);
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument } });
      expect(answer.errors?.[0]?.message).toMatch(new RegExp(`^${argument}: .* is not a cursor of this list`));
    }
  });

  it('keeps its place when stories are published before and after the cursor between two fetches', async () => {
    for (const { query, pick } of lists.slice(0, 2)) {
      const before = (await page(query, pick, { first: 100 })).nodes.map((node) => node.slug!);
      const first = await page(query, pick, { first: 4 });
      // One story newer than every other (before the cursor), one between the fourth and fifth dates (after it).
      const stamp = `${query === ARTICLES ? 'root' : 'nested'}`;
      const created = await Promise.all(
        [
          { title: `Newest Harbour Story ${stamp}`, publishedAt: '2026-06-01T09:00:00.000Z' },
          { title: `Middle Harbour Story ${stamp}`, publishedAt: '2025-03-20T09:00:00.000Z' },
        ].map(async ({ title, publishedAt }) => {
          const answer = await gql(
            server.url,
            CREATE,
            { input: { title, paragraphs: ['The harbour story.'], status: 'PUBLISHED', publishedAt, tags: ['harbours'] } },
            editor,
          );
          expect(answer.errors).toBeUndefined();
          return answer.data!.createArticle.slug as string;
        }),
      );
      const rest: string[] = [];
      let cursor = first.pageInfo.endCursor;
      for (let more = first.pageInfo.hasNextPage; more;) {
        const next = await page(query, pick, { first: 4, after: cursor });
        rest.push(...next.nodes.map((node) => node.slug!));
        more = next.pageInfo.hasNextPage;
        cursor = next.pageInfo.endCursor;
      }
      const walked = [...first.nodes.map((node) => node.slug!), ...rest];
      const after = (await page(query, pick, { first: 100 })).nodes.map((node) => node.slug!);
      // No duplicate, nothing skipped: the list as it is now, but for the story published before the cursor.
      expect(after[0]).toBe(created[0]);
      expect(walked).toEqual(after.slice(1));
      expect(walked.filter((slug) => slug !== created[1])).toEqual(before);
      expect(walked.indexOf(created[1]!)).toBeGreaterThanOrEqual(4);
    }
  });
});
