import { gql } from '../support/graphqlClient.js';
import { startStoriesServer, type StoriesServer } from '../support/storiesServer.js';
import { databaseKinds } from '../support/testDatabases.js';

// Four stories quoting the same person, oldest to newest: her quotes, roles and articles are
// paged in their articles' order from copies of the articles' status and dates on the quote,
// role and article_entity rows. Publishing, unpublishing and rescheduling must move them too.
const TOWNS = ['Ashford', 'Bexley', 'Crawley', 'Dover'];
const STORIES = TOWNS.map((town, i) => ({
  title: `${town} Ferry Link Approved`,
  body: `The ${town} council approved the ferry link on Monday, according to council leader Maria Okafor.\n\n"It is good news for ${town}," said Okafor.`,
  status: 'PUBLISHED',
  publishedAt: `2025-0${i + 1}-15T09:00:00.000Z`,
}));
const slugOf = (town: string) => `${town.toLowerCase()}-ferry-link-approved`;

const PAGES = `{ person(slug: "maria-okafor") {
  quotes(first: 3) { totalCount nodes { article { slug } } }
  roles(first: 3) { nodes { article { slug } } }
  articles(first: 3) { totalCount nodes { slug } }
} }`;
const ARTICLE = `query ($slug: String!) { article(slug: $slug) { id version } }`;
const PUBLISH = `mutation ($id: ID!, $version: Int!, $at: String) { publishArticle(id: $id, version: $version, at: $at) { version } }`;
const UNPUBLISH = `mutation ($id: ID!, $version: Int!) { unpublishArticle(id: $id, version: $version) { version } }`;

describe.each(databaseKinds)("a person's quotes, roles and articles follow their articles on %s", (kind) => {
  let fixture: StoriesServer;
  let server: StoriesServer['server'];
  let test: StoriesServer['test'];
  let editor: string;

  beforeAll(async () => {
    fixture = await startStoriesServer(kind, STORIES);
    ({ server, test, editor } = fixture);
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  /**
   * The towns of the articles of her quotes page and of her roles page, and the quotes' count;
   * every story quoting her mentions her, so her articles page and count are the quotes'.
   */
  async function pages(token?: string) {
    const answer = await gql(server.url, PAGES, {}, token);
    expect(answer.errors).toBeUndefined();
    const person = answer.data!.person;
    const towns = (nodes: { article: { slug: string } }[]) => nodes.map((node) => TOWNS.find((town) => slugOf(town) === node.article.slug));
    const articles = person.articles.nodes.map((node: { slug: string }) => TOWNS.find((town) => slugOf(town) === node.slug));
    expect({ articles, total: person.articles.totalCount }).toEqual({ articles: towns(person.quotes.nodes), total: person.quotes.totalCount });
    return { quotes: towns(person.quotes.nodes), total: person.quotes.totalCount as number, roles: towns(person.roles.nodes) };
  }

  async function change(town: string, mutation: string, at?: string) {
    const current = (await gql(server.url, ARTICLE, { slug: slugOf(town) }, editor)).data!.article;
    const answer = await gql(server.url, mutation, { id: current.id, version: current.version, at }, editor);
    expect(answer.errors).toBeUndefined();
  }

  it('pages them newest article first, and follows unpublishing, rescheduling and republishing', async () => {
    expect(await pages()).toEqual({ quotes: ['Dover', 'Crawley', 'Bexley'], total: 4, roles: ['Dover', 'Crawley', 'Bexley'] });

    // Unpublished: gone for readers, still first for editors.
    await change('Dover', UNPUBLISH);
    expect(await pages()).toEqual({ quotes: ['Crawley', 'Bexley', 'Ashford'], total: 3, roles: ['Crawley', 'Bexley', 'Ashford'] });
    expect(await pages(editor)).toEqual({ quotes: ['Dover', 'Crawley', 'Bexley'], total: 4, roles: ['Dover', 'Crawley', 'Bexley'] });

    // Republished with an older date: public again, now last.
    await change('Dover', PUBLISH, '2024-06-01T09:00:00.000Z');
    expect(await pages()).toEqual({ quotes: ['Crawley', 'Bexley', 'Ashford'], total: 4, roles: ['Crawley', 'Bexley', 'Ashford'] });
    await change('Crawley', PUBLISH, '2024-01-01T09:00:00.000Z');
    expect(await pages()).toEqual({ quotes: ['Bexley', 'Ashford', 'Dover'], total: 4, roles: ['Bexley', 'Ashford', 'Dover'] });

    // Rescheduled into the near future: hidden from readers until its time, first for editors,
    // then public with nothing written at that moment (the rule compares with the clock).
    const at = new Date(Date.now() + 1500).toISOString();
    await change('Ashford', PUBLISH, at);
    expect(await pages()).toEqual({ quotes: ['Bexley', 'Dover', 'Crawley'], total: 3, roles: ['Bexley', 'Dover', 'Crawley'] });
    expect(await pages(editor)).toEqual({ quotes: ['Ashford', 'Bexley', 'Dover'], total: 4, roles: ['Ashford', 'Bexley', 'Dover'] });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(at) - Date.now()) + 200));
    expect(await pages()).toEqual({ quotes: ['Ashford', 'Bexley', 'Dover'], total: 4, roles: ['Ashford', 'Bexley', 'Dover'] });
  });

  it('keeps each quote, role and article_entity row equal to its article in the database', async () => {
    const stale = await test.db.prisma.$queryRawUnsafe<{ n: number }[]>(`
      SELECT count(*)::int AS n FROM (
        SELECT f."articleStatus", f."articlePublishedAt", f."articleCreatedAt", a.status, a."publishedAt", a."createdAt"
          FROM quote f JOIN article a ON a.id = f."articleId"
        UNION ALL
        SELECT f."articleStatus", f."articlePublishedAt", f."articleCreatedAt", a.status, a."publishedAt", a."createdAt"
          FROM affiliation f JOIN article a ON a.id = f."articleId"
        UNION ALL
        SELECT f."articleStatus", f."articlePublishedAt", f."articleCreatedAt", a.status, a."publishedAt", a."createdAt"
          FROM article_entity f JOIN article a ON a.id = f."articleId"
      ) c
      WHERE c."articleStatus" IS DISTINCT FROM c.status OR c."articlePublishedAt" IS DISTINCT FROM c."publishedAt" OR c."articleCreatedAt" IS DISTINCT FROM c."createdAt"`);
    expect(stale).toEqual([{ n: 0 }]);
    const rows = await test.db.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT (SELECT count(*) FROM quote)::int + (SELECT count(*) FROM affiliation)::int + (SELECT count(*) FROM article_entity)::int AS n`,
    );
    expect(rows[0]!.n).toBeGreaterThanOrEqual(3 * TOWNS.length);
  });
});
