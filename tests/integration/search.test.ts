import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { projectRoot } from '../../src/projectRoot.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { gql } from '../support/graphqlClient.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const seedDir = join(projectRoot, 'fixtures', 'seed');
const quiet = createLogger('error');

// Short local stories: several share words in different places (headline, lead, body), a few
// share speakers, so ranking, snippets, names and facets have something to tell apart.
const STORIES: Record<string, string> = {
  '01-ferry.txt': `Harbour Council Approves Ferry Link

The harbour council voted on Tuesday to fund a ferry link to the islands, ending a decade of debate.

"This is the most important decision in ten years," said council leader Maria Okafor.

The islands' ferry operator, Smith & Sons, said it would need two new boats before next summer.`,
  '02-schools.txt': `Island Schools Brace for Winter Timetable

Schools on the islands will open an hour later from December, the education board said on Monday.

Parents had asked for the change because the morning ferry often runs late in bad weather.

"We listened to families and to teachers," said board chair Daniel Brooks.`,
  '03-budget.txt': `Council Budget Raises Parking Fees

The harbour council approved a budget on Wednesday that raises parking fees in the town centre.

Maria Okafor said the money would pay for road repairs. "Nobody likes higher fees, but the roads cannot wait," she said.

The opposition leader, Peter Lindqvist, called the budget "a tax on shoppers".`,
  '04-vote.txt': `Lindqvist Calls for Vote on Harbour Plan

Opposition leader Peter Lindqvist asked the harbour council to put its development plan to a public vote.

"People deserve a say in what happens to their harbour," Lindqvist said at a meeting on Thursday.

Maria Okafor rejected the idea and said the plan had been debated for months.`,
  '05-routes.txt': `Northwind Airlines Adds Routes to the Coast

Northwind Airlines will fly twice a day to the coast from March, the company said on Friday.

"Demand for coastal travel has never been higher," said chief executive Laura Chen.

The airline also plans to hire forty pilots this year.`,
  '06-strike.txt': `Pilots Union Warns of Strike at Northwind

The pilots union warned on Monday that its members could strike at Northwind Airlines over rest periods.

"Tired pilots are a danger to everyone," said union spokesman Omar Haddad.

Laura Chen said the company would meet the union next week.`,
  '07-museum.txt': `City Museum Reopens After Renovation

The city museum reopened on Saturday after two years of renovation work.

"We have doubled the space for children," said museum director Sofia Marquez.

Visitors queued around the block before the doors opened.`,
  '08-storm.txt': `Storm Closes Coastal Roads

A storm closed several coastal roads on Sunday and cancelled the evening ferry to the islands.

Police asked drivers to stay at home until the wind dropped.

"The crossing will resume once the sea is calm," said harbour master Tom Ellis.`,
  '09-striker.txt': `Football Club Signs Young Striker

Harbour United signed the nineteen-year-old striker Jonas Berg on Tuesday.

"Jonas has a great future," said head coach Anna Kowalski.

Berg scored twelve goals for his previous club last season.`,
  '10-hospital.txt': `Hospital Opens New Cancer Ward

The regional hospital opened a new cancer ward on Thursday, funded by a local charity.

"Patients will no longer travel to the mainland for treatment," said hospital director Ruth Adeyemi.

The ward has twenty beds and a day clinic.`,
  '11-talks.txt': `Sullivan Meets Allies on Security Talks

National security adviser Jake Sullivan met European allies on Friday to prepare security talks with Russia.

"We will coordinate closely with our partners," Sullivan said after the meeting.

Officials said the talks could begin in January.`,
  '12-farmers.txt': `Farmers Protest Over Water Prices

Farmers drove tractors into the town centre on Wednesday to protest against higher water prices.

"We cannot grow food without affordable water," said farmers' leader Henrik Dahl.

The water company said prices reflected the cost of new pipes.`,
};

const SEARCH = `query ($query: String!, $types: [SearchType!], $first: Int, $after: String) {
  search(query: $query, types: $types, first: $first, after: $after) {
    totalCount
    countsByType { type count }
    pageInfo { hasNextPage endCursor }
    edges {
      cursor rank snippet
      node {
        __typename
        ... on Article { id title }
        ... on Quote { id text speaker { ... on Person { name } } }
        ... on Person { id name }
        ... on Organization { id name }
        ... on Place { id name }
      }
    }
  }
}`;

interface Edge {
  cursor: string;
  rank: number;
  snippet: string | null;
  node: { __typename: string; id: string; title?: string; text?: string; name?: string; speaker?: { name?: string } | null };
}

describe.each(databaseKinds)('search and facets over HTTP on %s', (kind) => {
  let test: TestDatabase;
  let server: RunningServer;
  let storyDir: string;

  const search = async (variables: Record<string, unknown>) => {
    const answer = await gql(server.url, SEARCH, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data!.search as {
      totalCount: number;
      countsByType: { type: string; count: number }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Edge[];
    };
  };

  beforeAll(async () => {
    storyDir = await mkdtemp(join(tmpdir(), 'storygraph-search-'));
    await Promise.all(Object.entries(STORIES).map(([name, text]) => writeFile(join(storyDir, name), `${text}\n`)));
    test = await createTestDatabase(kind);
    const report = await importFiles(test.db.prisma, [seedDir, storyDir], { log: quiet });
    expect(report).toMatchObject({ imported: 13, failed: 0 });
    server = await startServer({ nodeEnv: 'test', port: 0, introspection: true }, test.db.prisma, quiet);
  });

  afterAll(async () => {
    await server?.stop();
    await test?.drop();
    if (storyDir) await rm(storyDir, { recursive: true, force: true });
  });

  it('ranks a headline match above lead and body matches, best first', async () => {
    const result = await search({ query: 'ferry', types: ['ARTICLE'] });
    const titles = result.edges.map((edge) => edge.node.title);
    expect(titles[0]).toBe('Harbour Council Approves Ferry Link');
    expect(titles).toEqual(expect.arrayContaining(['Island Schools Brace for Winter Timetable', 'Storm Closes Coastal Roads']));
    expect(result.totalCount).toBe(3);
    const ranks = result.edges.map((edge) => edge.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(ranks[0]).toBeGreaterThan(ranks[1]!);
    for (const rank of ranks) expect(rank).toBeGreaterThan(0);
    for (const rank of ranks) expect(rank).toBeLessThan(1);
    // The lead (weight B) outranks a later paragraph (weight C).
    expect(titles.indexOf('Storm Closes Coastal Roads')).toBeLessThan(titles.indexOf('Island Schools Brace for Winter Timetable'));
  });

  it('highlights the query words in HTML-escaped snippets', async () => {
    const ferry = await search({ query: 'ferry', types: ['ARTICLE'] });
    for (const edge of ferry.edges) expect(edge.snippet).toMatch(/<b>ferry<\/b>|<b>Ferry<\/b>/);
    const sons = await search({ query: 'Smith Sons', types: ['ARTICLE'] });
    expect(sons.edges.map((edge) => edge.node.title)).toEqual(['Harbour Council Approves Ferry Link']);
    const snippet = sons.edges[0]!.snippet!;
    expect(snippet).toContain('<b>Smith</b> &amp; <b>Sons</b>');
    expect(snippet.replace(/<\/?b>/g, '')).not.toMatch(/[<>]|&(?!amp;|lt;|gt;|quot;|#39;)/);
    // Stemming: "negotiate" finds the seed story's "negotiations", and highlights that word.
    const seed = await search({ query: 'negotiate', types: ['ARTICLE'] });
    expect(seed.edges[0]?.node.title).toBe('Russia and NATO Agree to Begin Negotiations This Winter');
    expect(seed.edges[0]?.snippet).toContain('<b>Negotiations</b>');
  });

  it('finds quotes by their words and by their speaker, with snippets', async () => {
    const words = await search({ query: 'important decision', types: ['QUOTE'] });
    expect(words.edges).toHaveLength(1);
    expect(words.edges[0]!.node).toMatchObject({
      __typename: 'Quote',
      text: 'This is the most important decision in ten years,',
      speaker: { name: 'Maria Okafor' },
    });
    expect(words.edges[0]!.snippet).toContain('<b>important</b> <b>decision</b>');
    // Her budget quote does not name her; the speaker's name is indexed with the quote.
    const speaker = await search({ query: 'Okafor', types: ['QUOTE'] });
    expect(speaker.edges.map((edge) => edge.node.text).sort()).toEqual([
      'Nobody likes higher fees, but the roads cannot wait,',
      'This is the most important decision in ten years,',
    ]);
  });

  it('finds people by name, alias and misspelling', async () => {
    const typo = await search({ query: 'Lavrof' });
    expect(typo.edges[0]?.node).toMatchObject({ __typename: 'Person', name: 'Sergei Lavrov' });
    expect(typo.edges[0]?.snippet).toBe('Lavrov');
    const surname = await search({ query: 'Lindkvist', types: ['PERSON'] });
    expect(surname.edges.map((edge) => edge.node.name)).toEqual(['Peter Lindqvist']);
    const part = await search({ query: 'sulivan', types: ['PERSON'] });
    expect(part.edges.map((edge) => edge.node.name)).toEqual(['Jake Sullivan']);
    const org = await search({ query: 'Northwind Airline', types: ['ORGANIZATION'] });
    expect(org.edges[0]?.node).toMatchObject({ __typename: 'Organization', name: 'Northwind Airlines' });
    const exact = await search({ query: 'Peter Lindqvist', types: ['PERSON'] });
    expect(exact.edges[0]?.rank).toBe(1);
  });

  it('mixes types on one rank scale unless `types` narrows them, and counts each type', async () => {
    const all = await search({ query: 'Lindqvist' });
    expect(all.edges[0]?.node).toMatchObject({ __typename: 'Person', name: 'Peter Lindqvist' });
    const typenames = new Set(all.edges.map((edge) => edge.node.__typename));
    expect(typenames).toEqual(new Set(['Person', 'Article', 'Quote']));
    expect(all.countsByType.map((row) => row.type)).toEqual(['ARTICLE', 'QUOTE', 'PERSON', 'ORGANIZATION', 'PLACE']);
    expect(all.countsByType.reduce((sum, row) => sum + row.count, 0)).toBe(all.totalCount);
    expect(all.countsByType.find((row) => row.type === 'ARTICLE')?.count).toBe(2);
    const people = await search({ query: 'Lindqvist', types: ['PERSON'] });
    expect(people.edges.map((edge) => edge.node.__typename)).toEqual(['Person']);
    expect(people.countsByType).toEqual([{ type: 'PERSON', count: 1 }]);
    const articles = await search({ query: 'Lindqvist', types: ['ARTICLE', 'QUOTE'] });
    expect(new Set(articles.edges.map((edge) => edge.node.__typename))).toEqual(new Set(['Article', 'Quote']));
  });

  it('pages through all results with cursors', async () => {
    const whole = await search({ query: 'harbour', first: 100 });
    expect(whole.totalCount).toBeGreaterThanOrEqual(6);
    expect(whole.edges).toHaveLength(whole.totalCount);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const page = await search({ query: 'harbour', first: 2, after });
      expect(page.totalCount).toBe(whole.totalCount);
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole.edges.map((edge) => edge.node.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('counts people, organizations and tags over a search and a filter', async () => {
    const FACETS = `query ($query: String, $where: ArticleWhereInput, $first: Int) {
      articleFacets(query: $query, where: $where, first: $first) {
        articleCount
        people { count entity { __typename name } }
        organizations { count entity { name } }
        places { count entity { name } }
        tags { count tag { name kind } }
      }
    }`;
    const names = (rows: { count: number; entity: { name: string } }[]) => rows.map((row) => [row.entity.name, row.count]);
    const council = await gql(server.url, FACETS, { query: 'harbour council' });
    expect(council.errors).toBeUndefined();
    const facets = council.data!.articleFacets;
    expect(facets.articleCount).toBe(3);
    expect(names(facets.people).slice(0, 2)).toEqual([
      ['Maria Okafor', 3],
      ['Peter Lindqvist', 2],
    ]);
    expect(facets.people[0].entity.__typename).toBe('Person');
    // Derived tags are topics now (keyword lists), not headline words or entity names.
    expect(facets.tags.map((row: { tag: { name: string } }) => row.tag.name)).toEqual(['Economy']);

    const filtered = await gql(server.url, FACETS, { query: 'harbour', where: { mentions: { some: { nameContains: 'Lindqvist' } } } });
    expect(filtered.errors).toBeUndefined();
    expect(filtered.data!.articleFacets.articleCount).toBe(2);
    expect(names(filtered.data!.articleFacets.people)).toEqual([
      ['Maria Okafor', 2],
      ['Peter Lindqvist', 2],
    ]);

    const all = await gql(server.url, FACETS, { first: 1 });
    expect(all.data!.articleFacets.articleCount).toBe(13);
    expect(names(all.data!.articleFacets.people)).toEqual([['Maria Okafor', 3]]);
    expect(names(all.data!.articleFacets.organizations)).toHaveLength(1);
    expect(all.data!.articleFacets.tags).toHaveLength(1);
  });

  it('keeps the index current when a story changes or an entity is renamed', async () => {
    await writeFile(join(storyDir, '07-museum.txt'), `${STORIES['07-museum.txt']!.replace('renovation work', 'planetarium construction')}\n`);
    const report = await importFiles(test.db.prisma, [join(storyDir, '07-museum.txt')], { log: quiet });
    expect(report).toMatchObject({ updated: 1, failed: 0 });
    expect((await search({ query: 'planetarium', types: ['ARTICLE'] })).edges.map((edge) => edge.node.title)).toEqual(['City Museum Reopens After Renovation']);
    expect((await search({ query: 'renovation work', types: ['ARTICLE'] })).totalCount).toBe(0);

    // An editor's rename re-indexes the quotes the entity spoke (a trigger on entity.name).
    await test.db.prisma.entity.updateMany({ where: { name: 'Ruth Adeyemi' }, data: { name: 'Ruth Adeyemi-Okoro' } });
    const renamed = await search({ query: 'Okoro', types: ['QUOTE', 'PERSON'] });
    expect(renamed.edges.map((edge) => edge.node.__typename).sort()).toEqual(['Person', 'Quote']);
  });

  it('answers BAD_USER_INPUT for empty text, bad types and page sizes, and foreign cursors', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      [SEARCH, { query: '   ' }, /query must contain at least one letter or digit/],
      [SEARCH, { query: '?! -' }, /query must contain at least one letter or digit/],
      [SEARCH, { query: 'x'.repeat(201) }, /at most 200 characters/],
      [SEARCH, { query: 'ferry', types: [] }, /types must name at least one type/],
      [SEARCH, { query: 'ferry', first: 101 }, /first must be between 1 and 100/],
      [SEARCH, { query: 'ferry', first: 0 }, /first must be between 1 and 100/],
      [SEARCH, { query: 'ferry', after: 'not-a-cursor' }, /not a cursor/],
      ['{ articleFacets(query: " ") { articleCount } }', {}, /query must contain at least one letter or digit/],
      ['{ articleFacets(first: 101) { articleCount } }', {}, /first must be between 1 and 100/],
    ];
    for (const [query, variables, message] of cases) {
      const answer = await gql(server.url, query, variables);
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0]?.message).toMatch(message);
    }
  });

  it("runs the README's search example on the seed story", async () => {
    const readme = await readFile(join(projectRoot, 'README.md'), 'utf8');
    const example = /## Search\n[\s\S]*?```graphql\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const answer = await gql(server.url, example!);
    expect(answer.errors).toBeUndefined();
    const edges = answer.data!.search.edges as Edge[];
    expect(edges[0]?.node).toMatchObject({ __typename: 'Article', title: 'Russia and NATO Agree to Begin Negotiations This Winter' });
    expect(edges[0]?.snippet).toMatch(/<b>Lavrov<\/b>/);
    const people = answer.data!.articleFacets.people.map((row: { entity: { name: string } }) => row.entity.name);
    expect(people).toContain('Sergei Lavrov');
  });

  it('returns an empty page, not an error, when nothing matches', async () => {
    const none = await search({ query: 'zeppelin' });
    expect(none).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});
