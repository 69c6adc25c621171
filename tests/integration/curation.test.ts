import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { gql } from '../support/graphqlClient.js';
import { runScript } from '../support/runScript.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';
import { tokenFor } from '../support/tokens.js';

const quiet = createLogger('error');

const STORIES = [
  {
    title: 'Harbour Development Agency Backs Ferry Link',
    body: 'The Harbour Development Agency said on Monday it would fund a ferry link to the islands, its director Maria Okafor said.\n\n"This is the most important decision in ten years," said Okafor.\n\nPeter Lindqvist of the Green Valley Party said the plan was too expensive. "The numbers do not add up," Lindqvist said.',
    publishedAt: '2024-03-05T09:30:00Z',
    tags: ['Transport'],
  },
  {
    title: 'Ferry Budget Questioned',
    body: 'The HDA faced questions on Tuesday about the cost of the ferry link.\n\n"We will publish every figure," Okafor told reporters.\n\nThe Green Valley leader Peter Lindqvist asked for a public inquiry.',
    publishedAt: '2024-03-06T09:30:00Z',
  },
  {
    title: 'Islanders Welcome New Timetable',
    body: 'Islanders welcomed the new ferry timetable on Wednesday, the Harbour Development Agency said.\n\n"It is a fair result," said Anna Berg, who runs the island shop.',
    publishedAt: '2024-03-07T09:30:00Z',
    tags: ['Transport', 'Islands'],
  },
  {
    title: 'Island Economy Grows',
    body: 'The island economy grew by two percent last year as exports rose and inflation fell, the finance office said.\n\nInterest rates and the budget deficit were also lower, according to the report, which the Harbour Development Agency welcomed.',
    publishedAt: '2024-03-08T09:30:00Z',
  },
];

const FERRY = 'harbour-development-agency-backs-ferry-link';
const BUDGET = 'ferry-budget-questioned';
const ECONOMY = 'island-economy-grows';

describe.each(databaseKinds)('editors fix the graph on %s', (kind) => {
  let test: TestDatabase;
  let server: RunningServer;
  let dir: string;
  let file: string;
  let editor: string;
  let reader: string;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'storygraph-curation-'));
    file = join(dir, 'stories.jsonl');
    await writeFile(file, STORIES.map((story) => JSON.stringify(story)).join('\n') + '\n');
    expect(await importFiles(test.db.prisma, [file], { log: quiet })).toMatchObject({ imported: STORIES.length, failed: 0 });
    editor = await tokenFor(test.db.prisma, 'EDITOR');
    reader = await tokenFor(test.db.prisma, 'READER');
    server = await startServer({ nodeEnv: 'test', port: 0, introspection: true }, test.db.prisma, quiet);
  });

  afterAll(async () => {
    await server?.stop();
    await test?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function as(token: string | undefined, query: string, variables?: Record<string, unknown>) {
    const answer = await gql(server.url, query, variables, token);
    expect({ errors: answer.errors, status: answer.status }).toEqual({ errors: undefined, status: 200 });
    return answer.data!;
  }
  const article = (slug: string, token?: string) =>
    as(
      token,
      `query ($slug: String!) { article(slug: $slug) { id text
        quotes { nodes { id text status reviewedBy speaker { __typename ... on Entity { id name } ... on UnnamedSpeaker { description } } } }
        people { nodes { id name } } organizations { nodes { id name } }
        mentions(first: 100) { nodes { id text start end form status entity { name } } }
        tags { nodes { id name kind } } } }`,
      { slug },
    ).then((data) => data.article);

  it('queues AUTO facts least confident first, each with the text around it, for editors only', async () => {
    const QUEUE = `{ reviewQueue(first: 50) { totalCount nodes { id kind confidence context contextStart
      fact { __typename ... on Quote { text start end } ... on Mention { text start end } ... on Role { title person { name } } }
      article { slug } } } }`;
    expect(await gql(server.url, QUEUE)).toMatchObject({ status: 401, errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(await gql(server.url, QUEUE, undefined, reader)).toMatchObject({ status: 403, errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    const { reviewQueue } = await as(editor, QUEUE);
    const items = reviewQueue.nodes;
    expect(reviewQueue.totalCount).toBeGreaterThan(items.length - 1);
    expect(new Set(items.map((i: { kind: string }) => i.kind))).toEqual(new Set(['QUOTE', 'MENTION', 'ROLE']));
    const confidences = items.map((i: { confidence: number }) => i.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
    for (const item of items.filter((i: { kind: string }) => i.kind !== 'ROLE')) {
      const { fact } = item;
      expect(item.context.slice(fact.start - item.contextStart, fact.end - item.contextStart)).toBe(fact.text);
    }
    const quotesOnly = await as(editor, `{ reviewQueue(kinds: [QUOTE], minConfidence: 0.5) { totalCount nodes { kind } } }`);
    expect(quotesOnly.reviewQueue.nodes.every((i: { kind: string }) => i.kind === 'QUOTE')).toBe(true);
    expect(quotesOnly.reviewQueue.totalCount).toBe(4);
    // Any kinds, not only those led by quotes (the union's first branch names the columns).
    for (const kind of ['MENTION', 'ROLE', 'ENTITY']) {
      const some = await as(editor, `query ($kinds: [ReviewKind!]) { reviewQueue(kinds: $kinds) { totalCount nodes { kind } } }`, { kinds: [kind] });
      expect(some.reviewQueue.nodes.every((i: { kind: string }) => i.kind === kind)).toBe(true);
    }
    const mentions = await as(editor, `{ reviewQueue(kinds: [MENTION]) { totalCount } }`);
    expect(mentions.reviewQueue.totalCount).toBeGreaterThan(0);
  });

  it('rejects and verifies facts: a rejected quote leaves every public path, review metadata is editors’ only', async () => {
    const ferry = await article(FERRY, editor);
    const lindqvist = ferry.quotes.nodes.find((q: { text: string }) => q.text.startsWith('The numbers'));
    const okafor = ferry.quotes.nodes.find((q: { text: string }) => q.text.startsWith('This is'));
    const rejected = await as(editor, `mutation ($ids: [ID!]!) { rejectFacts(ids: $ids) { ... on Quote { id status reviewedBy } } }`, { ids: [lindqvist.id] });
    expect(rejected.rejectFacts).toEqual([{ id: lindqvist.id, status: 'REJECTED', reviewedBy: expect.stringMatching(/^test-editor-/) }]);
    const verified = await as(editor, `mutation ($ids: [ID!]!) { verifyFacts(ids: $ids) { ... on Quote { id status } } }`, { ids: [okafor.id] });
    expect(verified.verifyFacts).toEqual([{ id: okafor.id, status: 'VERIFIED' }]);

    const seen = await as(
      undefined,
      `{ article(slug: "${FERRY}") { quotes { nodes { text status reviewedBy } } jsonLd }
         person(slug: "peter-lindqvist") { quotes { totalCount } quoteCount }
         quotes(where: { textContains: "numbers" }) { totalCount }
         search(query: "numbers add up", types: [QUOTE]) { totalCount } }`,
    );
    expect(seen.article.quotes.nodes).toEqual([{ text: okafor.text, status: null, reviewedBy: null }]);
    expect(seen.person).toEqual({ quotes: { totalCount: 0 }, quoteCount: 0 });
    expect(seen.quotes.totalCount).toBe(0);
    expect(seen.search.totalCount).toBe(0);
    expect(JSON.stringify(seen.article.jsonLd.hasPart)).not.toContain('numbers');
    // Stored all the same, for the next import.
    expect(await test.db.prisma.quote.count({ where: { status: 'REJECTED' } })).toBe(1);
    // A fact ID that is not one answers BAD_USER_INPUT; an unknown one NOT_FOUND.
    expect(await gql(server.url, `mutation { verifyFacts(ids: ["bm9wZQ"]) { __typename } }`, undefined, editor)).toMatchObject({
      status: 400,
      errors: [{ extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });

  it('rejecting every mention of an entity in an article takes it off the article', async () => {
    const budget = await article(BUDGET, editor);
    const mentions = budget.mentions.nodes.filter((m: { entity: { name: string } }) => m.entity.name === 'Peter Lindqvist');
    expect(mentions.length).toBeGreaterThan(0);
    await as(editor, `mutation ($ids: [ID!]!) { rejectFacts(ids: $ids) { __typename } }`, { ids: mentions.map((m: { id: string }) => m.id) });
    const after = await article(BUDGET);
    expect(after.people.nodes.map((p: { name: string }) => p.name)).not.toContain('Peter Lindqvist');
    expect(after.mentions.nodes.map((m: { entity: { name: string } }) => m.entity.name)).not.toContain('Peter Lindqvist');
  });

  it('corrects quotes and mentions: speaker, span, added quote and mention, removed mention; corrections are VERIFIED', async () => {
    const budget = await article(BUDGET, editor);
    const quote = budget.quotes.nodes[0];
    const speaker = await as(
      editor,
      `mutation ($id: ID!) { setQuoteSpeaker(quoteId: $id, speaker: { description: "an agency spokesman" }) { status speaker { __typename ... on UnnamedSpeaker { description } } } }`,
      { id: quote.id },
    );
    expect(speaker.setQuoteSpeaker).toEqual({ status: 'VERIFIED', speaker: { __typename: 'UnnamedSpeaker', description: 'an agency spokesman' } });

    const start = budget.text.indexOf('publish every figure');
    const span = await as(editor, `mutation ($id: ID!, $s: Int!, $e: Int!) { setQuoteSpan(quoteId: $id, start: $s, end: $e) { text start end status } }`, {
      id: quote.id,
      s: start,
      e: start + 'publish every figure'.length,
    });
    expect(span.setQuoteSpan).toEqual({ text: 'publish every figure', start, end: start + 20, status: 'VERIFIED' });
    const bad = await gql(server.url, `mutation ($id: ID!) { setQuoteSpan(quoteId: $id, start: 5, end: 2) { text } }`, { id: quote.id }, editor);
    expect(bad).toMatchObject({ status: 400, errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });

    // Extraction read "HDA" as the agency; an editor makes it an organization of its own.
    const hda = budget.text.indexOf('HDA');
    const extracted = budget.mentions.nodes.find((m: { start: number }) => m.start === hda);
    if (extracted) await as(editor, `mutation ($id: ID!) { removeMention(id: $id) { status } }`, { id: extracted.id });
    const added = await as(
      editor,
      `mutation ($a: ID!, $s: Int!, $e: Int!) { addMention(articleId: $a, start: $s, end: $e, entity: { kind: ORGANIZATION, name: "HDA" }) { id text form status entity { __typename name } } }`,
      { a: budget.id, s: hda, e: hda + 3 },
    );
    expect(added.addMention).toMatchObject({ text: 'HDA', form: 'NAME', status: 'VERIFIED', entity: { __typename: 'Organization', name: 'HDA' } });
    expect((await article(BUDGET)).organizations.nodes.map((o: { name: string }) => o.name)).toContain('HDA');

    const inquiry = budget.text.indexOf('asked for a public inquiry');
    const quoted = await as(
      editor,
      `mutation ($a: ID!, $s: Int!, $e: Int!, $who: ID!) { addQuote(articleId: $a, start: $s, end: $e, speaker: { entityId: $who }) { text status speaker { ... on Person { name } } } }`,
      {
        a: budget.id,
        s: inquiry,
        e: inquiry + 'asked for a public inquiry'.length,
        who: budget.people.nodes.find((p: { name: string }) => p.name === 'Maria Okafor').id,
      },
    );
    expect(quoted.addQuote).toEqual({ text: 'asked for a public inquiry', status: 'VERIFIED', speaker: { name: 'Maria Okafor' } });

    const removed = await as(editor, `mutation ($id: ID!) { removeMention(id: $id) { status } }`, { id: added.addMention.id });
    expect(removed.removeMention).toEqual({ status: 'REJECTED' });
    expect((await article(BUDGET)).organizations.nodes.map((o: { name: string }) => o.name)).not.toContain('HDA');
  });

  it('merges two records of one organization with redirects, and splits them back', async () => {
    // A second record of the agency, as extraction might have made in another story.
    const economy = await article(ECONOMY, editor);
    const at = economy.text.indexOf('Harbour Development Agency');
    const extracted = economy.mentions.nodes.find((m: { start: number }) => m.start === at);
    await as(editor, `mutation ($id: ID!) { removeMention(id: $id) { status } }`, { id: extracted.id });
    const made = await as(
      editor,
      `mutation ($a: ID!, $s: Int!, $e: Int!) { addMention(articleId: $a, start: $s, end: $e, entity: { kind: ORGANIZATION, name: "Harbour Development Agency Ltd" }) { id entity { id slug } } }`,
      { a: economy.id, s: at, e: at + 'Harbour Development Agency'.length },
    );
    const old = made.addMention.entity;
    const { organization: agency } = await as(undefined, `{ organization(slug: "harbour-development-agency") { id articleCount } }`);

    const candidates = await as(editor, `{ mergeCandidates(kind: ORGANIZATION) { nodes { reason entities { name } } } }`);
    // The acronym an editor made an organization of its own above, and its expansion.
    expect(candidates.mergeCandidates.nodes).toContainEqual({ reason: 'acronym', entities: [{ name: 'Harbour Development Agency' }, { name: 'HDA' }] });

    const merged = await as(editor, `mutation ($into: ID!, $from: [ID!]!) { mergeEntities(into: $into, from: $from) { id name aliases articleCount } }`, {
      into: agency.id,
      from: [old.id],
    });
    expect(merged.mergeEntities).toMatchObject({ id: agency.id, aliases: expect.arrayContaining(['Harbour Development Agency Ltd']) });
    expect(merged.mergeEntities.articleCount).toBe(agency.articleCount + 1);
    const bySlug = await as(undefined, `{ organization(slug: "${old.slug}") { id redirectedFrom { id slug name } } node(id: "${old.id}") { id } }`);
    expect(bySlug.organization).toEqual({ id: agency.id, redirectedFrom: { id: old.id, slug: old.slug, name: 'Harbour Development Agency Ltd' } });
    expect(bySlug.node).toEqual({ id: agency.id });

    const split = await as(
      editor,
      `mutation ($id: ID!, $m: [ID!]!) { splitEntity(id: $id, name: "Harbour Development Agency Ltd", mentionIds: $m, quoteIds: []) { id slug redirectedFrom { slug } } }`,
      {
        id: agency.id,
        m: [made.addMention.id],
      },
    );
    expect(split.splitEntity).toEqual({ id: old.id, slug: old.slug, redirectedFrom: null });
    const after = await as(undefined, `{ organization(slug: "harbour-development-agency") { aliases } }`);
    expect(after.organization.aliases).not.toContain('Harbour Development Agency Ltd');
  });

  it('keeps profiles and shows them in GraphQL and in JSON-LD', async () => {
    const { person } = await as(undefined, `{ person(slug: "maria-okafor") { id } }`);
    const updated = await as(
      editor,
      `mutation ($id: ID!) { updatePersonProfile(id: $id, input: { givenName: "Maria", familyName: "Okafor", wikidataId: "Q42", birthDate: "1970-05-01", description: "Director of the agency" }) { profile { givenName familyName wikidataId birthDate description imageUrl } } }`,
      { id: person.id },
    );
    expect(updated.updatePersonProfile.profile).toEqual({
      givenName: 'Maria',
      familyName: 'Okafor',
      wikidataId: 'Q42',
      birthDate: '1970-05-01',
      description: 'Director of the agency',
      imageUrl: null,
    });
    const { article: ferry } = await as(undefined, `{ article(slug: "${FERRY}") { jsonLd } }`);
    expect(ferry.jsonLd.mentions).toContainEqual(expect.objectContaining({ name: 'Maria Okafor', sameAs: 'https://www.wikidata.org/wiki/Q42' }));
    const bad = await gql(server.url, `mutation ($id: ID!) { updatePersonProfile(id: $id, input: { wikidataId: "42" }) { id } }`, { id: person.id }, editor);
    expect(bad).toMatchObject({ status: 400, errors: [{ extensions: { code: 'BAD_USER_INPUT', argument: 'input.wikidataId' } }] });
    const { organization } = await as(undefined, `{ organization(slug: "harbour-development-agency") { id } }`);
    const org = await as(
      editor,
      `mutation ($id: ID!) { updateOrganizationProfile(id: $id, input: { acronym: "HDA", type: GOVERNMENT, country: "GB" }) { profile { acronym type country } } }`,
      {
        id: organization.id,
      },
    );
    expect(org.updateOrganizationProfile.profile).toEqual({ acronym: 'HDA', type: 'GOVERNMENT', country: 'GB' });
  });

  it('curates tags: editor tags survive a re-import, a removed topic stays removed', async () => {
    const economy = await article(ECONOMY, editor);
    const topic = economy.tags.nodes.find((t: { kind: string }) => t.kind === 'TOPIC');
    expect(topic).toBeDefined();
    const { createTag } = await as(editor, `mutation { createTag(name: "Ferries") { id name kind } }`);
    expect(createTag).toMatchObject({ name: 'Ferries', kind: 'EDITOR' });
    await as(editor, `mutation ($a: ID!, $t: ID!) { tagArticle(articleId: $a, tagId: $t) { id } }`, { a: economy.id, t: createTag.id });
    await as(editor, `mutation ($a: ID!, $t: ID!) { untagArticle(articleId: $a, tagId: $t) { id } }`, { a: economy.id, t: topic.id });
    const renamed = await as(editor, `mutation ($t: ID!) { renameTag(id: $t, name: "Ferry services") { name slug } }`, { t: createTag.id });
    expect(renamed.renameTag).toEqual({ name: 'Ferry services', slug: 'ferries' });

    const reimport = await runScript('scripts/import.ts', ['--json', '--reextract', file], { DATABASE_URL: test.url });
    expect(reimport.code).toBe(0);
    expect(JSON.parse(reimport.stdout)).toMatchObject({ failed: 0, imported: 0 });
    const names = (await article(ECONOMY, editor)).tags.nodes.map((t: { name: string }) => t.name);
    expect(names).toContain('Ferry services');
    expect(names).not.toContain(topic.name);
  });

  it('keeps a merge, a split, a rejection and a verified correction when the same files are re-imported with re-extraction', async () => {
    // Lindqvist's rejected quote, the corrected speaker, the merge-and-split of the agency: as they were.
    const ferry = await article(FERRY, editor);
    expect(ferry.quotes.nodes.map((q: { text: string }) => q.text)).not.toContain('The numbers do not add up,');
    expect(await test.db.prisma.quote.count({ where: { text: 'The numbers do not add up,' } })).toBe(1);
    const budget = await article(BUDGET, editor);
    expect(budget.quotes.nodes).toContainEqual(
      expect.objectContaining({
        text: 'publish every figure',
        status: 'VERIFIED',
        speaker: { __typename: 'UnnamedSpeaker', description: 'an agency spokesman' },
      }),
    );
    expect(budget.people.nodes.map((p: { name: string }) => p.name)).not.toContain('Peter Lindqvist');
    const ltd = await as(undefined, `{ organization(slug: "harbour-development-agency-ltd") { name articleCount } }`);
    expect(ltd.organization).toEqual({ name: 'Harbour Development Agency Ltd', articleCount: 1 });

    // A merge survives too: merge the Ltd record again, re-import, and its name links to the survivor.
    const ids = await as(
      undefined,
      `{ a: organization(slug: "harbour-development-agency") { id } b: organization(slug: "harbour-development-agency-ltd") { id } }`,
    );
    await as(editor, `mutation ($into: ID!, $from: [ID!]!) { mergeEntities(into: $into, from: $from) { id } }`, { into: ids.a.id, from: [ids.b.id] });
    const again = await runScript('scripts/import.ts', ['--json', '--reextract', file], { DATABASE_URL: test.url });
    expect(again.code).toBe(0);
    expect(await test.db.prisma.entity.count({ where: { name: 'Harbour Development Agency Ltd' } })).toBe(0);
    expect((await as(undefined, `{ organization(slug: "harbour-development-agency-ltd") { id } }`)).organization).toEqual({ id: ids.a.id });
  });
});
