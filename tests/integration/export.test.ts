import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportArticles } from '../../src/export/exportArticles.js';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { projectRoot } from '../../src/projectRoot.js';
import { startServer, type RunningServer } from '../../src/server.js';
import type { PrismaClient } from '../../src/db/createPrisma.js';
import { gql } from '../support/graphqlClient.js';
import { tokenFor } from '../support/tokens.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const seedDir = join(projectRoot, 'fixtures', 'seed');
const quiet = createLogger('error');

/** Stories written for this test, one per format, with people shared across articles and a title clash. */
const stories: Record<string, string> = {
  'ferry.txt': `Harbour Council Approves Ferry Link

The council voted on Tuesday to fund a ferry link to the islands, ending a decade of debate.

"This is the most important decision in ten years," said council leader Maria Okafor.

Opposition councillor Tom Reyes said the cost had been "badly underestimated" and called for an audit.
`,
  'talks.md': `---
title: "Lavrov Says Talks With Washington Will Start in January"
date: 2022-01-03T08:00:00Z
tags: [Diplomacy, Russia]
author: Staff Reporter
url: https://news.example.com/world/lavrov-talks
---

# Lavrov Says Talks With Washington Will Start in January

Russian Foreign Minister Sergei Lavrov said on Monday that talks with the United States would begin in January.

"We are ready to listen," Lavrov told reporters in Moscow.

NATO Secretary General Jens Stoltenberg said the alliance was "open to dialogue" but would not compromise on its core principles.
`,
  'wire.jsonl': [
    {
      title: 'Harbour Council Approves Ferry Link',
      body: 'A second report on the same vote, from the wire.\n\nMaria Okafor, the council leader, said the ferry would run from spring.',
      url: 'https://wire.example.com/ferry',
      publishedAt: '2024-03-05T09:30:00Z',
      byline: 'Wire Desk',
      section: 'transport',
      tags: ['Transport'],
    },
    {
      title: 'Draft: Budget Talks Stall',
      paragraphs: ['Negotiations over the city budget stalled on Friday.', '"We are far apart," said finance chief Ana Lima.'],
      status: 'DRAFT',
      slug: 'budget-talks-stall',
      sourceKey: 'cms:budget-2024',
    },
  ]
    .map((line) => JSON.stringify(line))
    .join('\n'),
};

/** Page sizes: enough for this test's data, small enough for the API's cost limit. */
const top = 'first: 40';
const page = 'first: 20';
const ENTITY_REF = `__typename slug name`;
const ARTICLE_FIELDS = `slug title lead paragraphs text wordCount status publishedAt sourcePath sourceUrl
  quotes(${page}) { totalCount nodes { text kind start end paragraph confidence cue { text start end } speakerMention { text start end }
    speaker { __typename ... on Person { slug name } ... on Organization { slug name } ... on Place { slug name }
              ... on UnnamedSpeaker { description affiliation { ${ENTITY_REF} } } } } }
  people(${page}) { totalCount nodes { slug name } }
  organizations(${page}) { totalCount nodes { slug name } }
  places(${page}) { totalCount nodes { slug name } }
  mentions(${page}) { totalCount nodes { text start end paragraph confidence entity { ${ENTITY_REF} } } }
  tags(${page}) { totalCount nodes { name slug kind articleCount } } section`;

const ENTITY_FIELDS = `slug name aliases articleCount quoteCount needsReview
  articles(${page}) { totalCount nodes { slug } }
  quotes(${page}) { totalCount nodes { text article { slug } } }
  quotedAbout(${page}) { totalCount nodes { text } }
  coMentioned(${page}) { totalCount }`;

/** Everything the API says about the whole database, through real HTTP (one query per list, for the cost limit). */
const EVERYTHING = [
  `{ articles(first: 10) { totalCount nodes { ${ARTICLE_FIELDS} } } }`,
  `{ people(${top}) { totalCount nodes { ${ENTITY_FIELDS} roles(${page}) { nodes { title affiliation { ${ENTITY_REF} } article { slug } } } } } }`,
  `{ organizations(${top}) { totalCount nodes { ${ENTITY_FIELDS} members(${page}) { nodes { title person { slug } article { slug } } } } } }`,
  `{ places(${top}) { totalCount nodes { ${ENTITY_FIELDS} } } }`,
  `{ quotes(${top}) { totalCount nodes { text kind start end paragraph article { slug } speaker { __typename } } } }`,
  `{ tags(${top}) { totalCount nodes { name slug kind articleCount articles(${page}) { nodes { slug } } } } }`,
];

/** The answers of all EVERYTHING queries from one server, merged; fails on any GraphQL error. */
/** Everything the API holds, as an editor sees it (drafts included). */
async function everything(url: string, token: string): Promise<Record<string, any>> {
  const merged: Record<string, any> = {};
  for (const query of EVERYTHING) {
    const answer = await gql(url, query, undefined, token);
    expect(answer.errors).toBeUndefined();
    Object.assign(merged, answer.data);
  }
  return merged;
}

/**
 * What must be equal between two databases holding the same content: ids, cursors and
 * timestamps are dropped, and lists of objects are compared as sets, because rows that tie on
 * every ordering key (articles imported in one transaction share a timestamp) fall back to
 * their generated ids for order. Lists of strings (paragraphs, aliases) keep their order.
 */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    return items.every((item) => item && typeof item === 'object') ? items.sort((a, b) => cmp(JSON.stringify(a), JSON.stringify(b))) : items;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !['id', 'cursor', 'startCursor', 'endCursor', 'createdAt', 'updatedAt'].includes(key))
        .map(([key, v]) => [key, canonical(v)]),
    );
  }
  return value;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function exportLines(prisma: PrismaClient): Promise<string[]> {
  const lines: string[] = [];
  for await (const article of exportArticles(prisma, { batchSize: 2 })) lines.push(JSON.stringify(article));
  return lines;
}

describe.each(databaseKinds)('export and re-import on %s', (kind) => {
  let dir: string;
  let original: TestDatabase;
  let copy: TestDatabase;
  let servers: RunningServer[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storygraph-export-'));
    for (const [name, text] of Object.entries(stories)) await writeFile(join(dir, name), text);
    original = await createTestDatabase(kind);
    copy = await createTestDatabase(kind);
  });

  afterAll(async () => {
    for (const server of servers) await server.stop();
    await original?.drop();
    await copy?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('exports every article, and importing the export into an empty database gives identical API answers', async () => {
    const first = await importFiles(original.db.prisma, [seedDir, dir], { log: quiet });
    expect(first).toMatchObject({ imported: 5, failed: 0 });

    const lines = await exportLines(original.db.prisma);
    expect(lines).toHaveLength(5);
    const exported = lines.map((line) => JSON.parse(line));
    expect(exported.map((a) => a.title)).toEqual(
      expect.arrayContaining(['Russia and NATO Agree to Begin Negotiations This Winter', 'Draft: Budget Talks Stall']),
    );
    const draft = exported.find((a) => a.sourceKey === 'cms:budget-2024');
    expect(draft).toMatchObject({
      status: 'DRAFT',
      slug: 'budget-talks-stall',
      tags: [],
      paragraphs: ['Negotiations over the city budget stalled on Friday.', '"We are far apart," said finance chief Ana Lima.'],
    });
    const talks = exported.find((a) => a.url === 'https://news.example.com/world/lavrov-talks');
    expect(talks).toMatchObject({ tags: ['Diplomacy', 'Russia'], byline: 'Staff Reporter', publishedAt: '2022-01-03T08:00:00.000Z', status: 'PUBLISHED' });
    expect(talks.entities).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'PERSON', name: 'Sergei Lavrov', slug: 'sergei-lavrov' })]));
    expect(talks.quotes).toEqual(
      expect.arrayContaining([expect.objectContaining({ text: 'We are ready to listen,', speaker: expect.objectContaining({ slug: 'sergei-lavrov' }) })]),
    );
    // Two articles with one title: the second one's slug carries a suffix, and the export keeps it.
    expect(
      exported
        .filter((a) => a.title === 'Harbour Council Approves Ferry Link')
        .map((a) => a.slug)
        .sort(),
    ).toEqual(['harbour-council-approves-ferry-link', expect.stringMatching(/^harbour-council-approves-ferry-link-[0-9a-f]{8}$/)]);

    expect(exported.find((a) => a.url === 'https://wire.example.com/ferry')).toMatchObject({ section: 'transport', byline: 'Wire Desk' });

    const file = join(dir, 'export.jsonl');
    await writeFile(file, lines.join('\n') + '\n');
    const second = await importFiles(copy.db.prisma, [file], { log: quiet });
    expect(second).toMatchObject({ imported: 5, failed: 0 });

    servers = [
      await startServer({ nodeEnv: 'test', port: 0, introspection: true }, original.db.prisma, quiet),
      await startServer({ nodeEnv: 'test', port: 0, introspection: true }, copy.db.prisma, quiet),
    ];
    const before = await everything(servers[0]!.url, await tokenFor(original.db.prisma, 'EDITOR'));
    const after = await everything(servers[1]!.url, await tokenFor(copy.db.prisma, 'EDITOR'));
    expect(before.articles.totalCount).toBe(5);
    expect(before.people.totalCount).toBeLessThan(40);
    expect(before.articles.nodes.filter((a: { status: string }) => a.status === 'DRAFT').map((a: { slug: string }) => a.slug)).toEqual(['budget-talks-stall']);
    expect(canonical(after)).toEqual(canonical(before));

    // The copy exports the same file, line for line.
    expect(await exportLines(copy.db.prisma)).toEqual(lines);
    // And re-importing the export into the copy changes nothing.
    expect(await importFiles(copy.db.prisma, [file], { log: quiet })).toMatchObject({ unchanged: 5, imported: 0, updated: 0, failed: 0 });
    expect((await readFile(file, 'utf8')).split('\n').filter(Boolean)).toHaveLength(5);
    // Re-importing the export into the database it came from changes nothing either.
    expect(await importFiles(original.db.prisma, [file], { log: quiet })).toMatchObject({ unchanged: 5, imported: 0, updated: 0, failed: 0 });
  });
});
