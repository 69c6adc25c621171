// The pages in a real browser: Debian's Chromium driven by playwright-core against the real
// HTTP server on a real database. Every page is checked with axe-core and photographed; no
// page may load anything from another origin.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { importFiles } from '../../src/ingest/importFiles.js';
import { demoFixtureDir } from '../../src/ingest/seedDemo.js';
import { createLogger } from '../../src/log.js';
import { ensureAssets } from '../../src/pages/buildAssets.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { launchBrowser, screenshot, seriousViolations, watchedContext } from '../support/browser.js';
import { gql } from '../support/graphqlClient.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';
import { tokenFor } from '../support/tokens.js';

const quiet = createLogger('error');
const SEED = 'russia-and-nato-agree-to-begin-negotiations-this-winter';

// Stories of a harbour town: one speaker quoted twelve times, so her quotes take two pages.
const SAYINGS = [
  'The ferry will run every hour from May',
  'We have found the money for the new pier',
  'Nobody on the islands will pay more for a ticket',
  'The harbour must stay open in winter',
  'Our engineers checked every bridge last month',
  'The council will publish the full budget',
  'We listened to the fishermen before we decided',
  'The old ferry will be sold in the autumn',
  'Every islander deserves a reliable crossing',
  'The timetable will be ready before the summer',
  'We will not close the night crossing',
  'The new pier opens on the first of June',
];
const STORIES = [0, 1, 2].map((n) => ({
  title: ['Harbour Agency Funds New Ferry', 'Island Crossing Budget Approved', 'New Pier for Eastport Harbour'][n],
  body: SAYINGS.slice(n * 4, n * 4 + 4)
    .map((saying, i) => (i === 0 ? `"${saying}," said Maria Okafor, the director of the Harbour Development Agency.` : `"${saying}," Okafor said.`))
    .concat(['Peter Lindqvist of the Green Valley Party said the plan was too expensive.'])
    .join('\n\n'),
  publishedAt: `2024-03-0${n + 5}T09:30:00Z`,
  section: n === 1 ? 'Politics' : 'Local',
}));

// Once, on the server PostgreSQL when CI gives one, else on the embedded database: the pages read
// through the API, whose storage both suites of the integration tests cover.
const kind = databaseKinds[databaseKinds.length - 1]!;

describe(`pages in Chromium on ${kind}`, () => {
  let test: TestDatabase;
  let server: RunningServer;
  let origin: string;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let dir: string;
  let editor: string;
  let otherEditor: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storygraph-pages-'));
    [test] = await Promise.all([createTestDatabase(kind), ensureAssets()]);
    const launched = await launchBrowser();
    browser = launched.browser;
    closeBrowser = launched.close;
    await writeFile(join(dir, 'harbour.jsonl'), STORIES.map((story) => JSON.stringify(story)).join('\n') + '\n');
    expect(await importFiles(test.db.prisma, [demoFixtureDir, join(dir, 'harbour.jsonl')], { log: quiet })).toMatchObject({ imported: 4, failed: 0 });
    editor = await tokenFor(test.db.prisma, 'EDITOR');
    otherEditor = await tokenFor(test.db.prisma, 'EDITOR');
    server = await startServer({ nodeEnv: 'test', port: 0, introspection: true, explorer: true }, test.db.prisma, quiet);
    origin = `http://localhost:${server.port}`;
  });

  afterAll(async () => {
    await closeBrowser?.();
    await server?.stop();
    await test?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function api(query: string, variables?: Record<string, unknown>, token = editor) {
    const answer = await gql(server.url, query, variables, token);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  }

  /** A page in a fresh context; `check` asserts nothing came from elsewhere and nothing broke. */
  async function open(options: Parameters<typeof watchedContext>[2] = {}) {
    const watched = await watchedContext(browser, origin, options);
    const page = await watched.context.newPage();
    const check = async () => {
      expect({ foreign: watched.foreign, csp: watched.cspViolations, errors: watched.pageErrors }).toEqual({ foreign: [], csp: [], errors: [] });
      await watched.context.close();
    };
    return { page, check };
  }

  async function expectAccessible(page: Page) {
    expect(await seriousViolations(page)).toEqual([]);
  }

  async function signIn(page: Page, token = editor) {
    await page.goto(`${origin}/desk`);
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Desk' }).waitFor();
  }

  it('renders the story with every mention and quote highlighted, its quotes panel and JSON-LD, without script', async () => {
    const { article } = await api(
      `query ($slug: String!) { article(slug: $slug) { mentions(first: 100) { totalCount } quotes(first: 100) { totalCount nodes { id text } } } }`,
      { slug: SEED },
    );
    const { page, check } = await open();
    await page.context().setExtraHTTPHeaders({});
    const response = await page.goto(`${origin}/stories/${SEED}`);
    expect(response!.status()).toBe(200);
    expect(response!.headers()['content-security-policy']).toContain("default-src 'self'");
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
    expect(await page.locator('article.story :is(h1, .story-text) .mention').count()).toBe(article.mentions.totalCount);
    expect(await page.locator('article.story mark.quote').count()).toBe(article.quotes.totalCount);
    expect(await page.locator('.quotes .quote-card blockquote').allTextContents()).toEqual(article.quotes.nodes.map((q: { text: string }) => q.text));
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd).toMatchObject({ '@type': 'NewsArticle', headline: 'Russia and NATO Agree to Begin Negotiations This Winter' });

    // Hover and keyboard focus show who is meant.
    const lavrov = page.locator('article.story a.mention[href="/people/sergei-lavrov"]').first();
    await lavrov.hover({ force: true });
    await expect(lavrov.locator('.tip').textContent()).resolves.toBe('Person · Sergei Lavrov');
    expect(await lavrov.locator('.tip').isVisible()).toBe(true);
    await screenshot(page, 'story', { readme: true });
    const quote = page.locator('article.story mark.quote').last();
    await quote.focus();
    expect(await quote.locator(':scope > .tip').isVisible()).toBe(true);
    expect(await quote.locator(':scope > .tip').textContent()).toMatch(/^Quote · /);
    await page.mouse.move(0, 0);
    await expectAccessible(page);

    // Dark scheme and a phone's width.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page);
    await screenshot(page, 'story-dark');
    // A phone's width: the page itself never scrolls sideways (tooltips are transient overlays).
    await page.evaluate(() => (globalThis as any).document.activeElement?.blur());
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'story-phone');
    await check();
  });

  it('answers 404 for a draft, as the API does for an anonymous caller', async () => {
    const { createArticle } = await api(
      `mutation { createArticle(input: { title: "Secret Harbour Plan", paragraphs: ["Nobody may read this yet."] }) { slug status } }`,
    );
    expect(createArticle.status).toBe('DRAFT');
    const { page, check } = await open();
    const response = await page.goto(`${origin}/stories/${createArticle.slug}`);
    expect(response!.status()).toBe(404);
    expect(await page.locator('body').textContent()).not.toContain('Nobody may read this yet');
    await expectAccessible(page);
    await check();
  });

  it("shows an entity's roles, co-mentions and graph, and pages through its quotes", async () => {
    const { page, check } = await open();
    await page.goto(`${origin}/people/sergei-lavrov`);
    expect(await page.locator('h1').textContent()).toBe('Sergei Lavrov');
    const { person } = await api(`{ person(slug: "sergei-lavrov") { coMentioned(first: 12) { edges { node { name } } } } }`);
    expect(await page.locator('svg.graph circle').count()).toBe(person.coMentioned.edges.length + 1);
    expect(await page.locator('.co-mentioned li a').allTextContents()).toEqual(person.coMentioned.edges.map((e: { node: { name: string } }) => e.node.name));
    await expectAccessible(page);
    await screenshot(page, 'entity', { readme: true, fullPage: true });

    await page.goto(`${origin}/people/maria-okafor`);
    const first = await page.locator('.quote-list blockquote').allTextContents();
    expect(first).toHaveLength(10);
    await page.getByRole('link', { name: 'Older quotes →' }).click();
    const second = await page.locator('.quote-list blockquote').allTextContents();
    expect(second).toHaveLength(2);
    expect([...first, ...second].sort()).toEqual(SAYINGS.map((s) => `${s},`).sort());
    await page.getByRole('link', { name: '← Newer quotes' }).click();
    expect(await page.locator('.quote-list blockquote').allTextContents()).toEqual(first);
    await expectAccessible(page);
    await screenshot(page, 'entity-quotes-paged');
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'entity-phone');
    await check();
  });

  it('review queue by keyboard: verify, reject and change a speaker, and the public story changes', async () => {
    const { page, check } = await open();
    await signIn(page);
    await expectAccessible(page);
    await page.goto(`${origin}/desk#/review?kind=QUOTE`);
    const current = page.locator('.queue li.current');
    await current.waitFor();
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page);
    await screenshot(page, 'desk-review-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // v: verified, and it leaves the queue.
    const verifiedId = await current.getAttribute('data-id');
    await page.keyboard.press('v');
    await page.getByRole('status').filter({ hasText: 'Verified' }).waitFor();
    expect((await api(`query ($id: ID!) { node(id: $id) { ... on Quote { status } } }`, { id: verifiedId })).node.status).toBe('VERIFIED');

    // j moves on; r rejects: the quote disappears from the public page.
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const rejectedId = (await current.getAttribute('data-id'))!;
    const rejectedStory = (await current.getAttribute('data-article'))!;
    expect(await page.request.get(`${origin}/stories/${rejectedStory}`).then((r) => r.text())).toContain(`data-quote="${rejectedId}"`);
    await page.keyboard.press('r');
    await page.getByRole('status').filter({ hasText: 'Rejected' }).waitFor();
    expect(await page.request.get(`${origin}/stories/${rejectedStory}`).then((r) => r.text())).not.toContain(`data-quote="${rejectedId}"`);

    // s: a new speaker from the type-ahead; the public quotes panel names them.
    const quoteId = (await current.getAttribute('data-id'))!;
    const story = (await current.getAttribute('data-article'))!;
    await page.keyboard.press('s');
    const combo = page.getByRole('combobox');
    await combo.fill('Lindqvist');
    await page.getByRole('option', { name: /Peter Lindqvist/ }).waitFor();
    await screenshot(page, 'desk-review', { readme: true });
    await combo.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Speaker set to Peter Lindqvist' }).waitFor();
    const publicPage = await page.context().newPage();
    await publicPage.goto(`${origin}/stories/${story}`);
    const card = publicPage.locator(`li.quote-card[id="quote-${quoteId}"]`);
    expect(await card.locator('.speaker').textContent()).toBe('Peter Lindqvist');
    await check();
  });

  it('edits an article in the desk, hits a conflict with another editor, keeps the text, restores a revision and schedules it', async () => {
    const { articles } = await api(`{ articles(where: { section: "politics" }) { nodes { id title version } } }`);
    expect(articles.nodes.map((a: { title: string }) => a.title)).toEqual(['Island Crossing Budget Approved']);
    const target = articles.nodes[0];
    const { page, check } = await open();
    await signIn(page);

    // The list: filter by section, then open the article.
    await page.getByLabel('Section').fill('Politics');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/section=Politics/);
    // The URL changes before the filtered list arrives: wait for its heading to count one story.
    // (A locator, not waitForFunction: the desk's CSP forbids the eval a string predicate needs.)
    await page.getByRole('heading', { name: 'Articles 1', exact: true }).waitFor();
    expect(await page.locator('table.list tbody td:first-child').allTextContents()).toEqual(['Island Crossing Budget Approved']);
    await expectAccessible(page);
    await screenshot(page, 'desk-articles');
    await page.getByRole('link', { name: 'Island Crossing Budget Approved' }).click();
    const headline = page.getByLabel('Headline');
    await headline.waitFor();
    await headline.fill('Island Crossing Budget Approved After Long Debate');

    // Someone else saves first.
    await api(
      `mutation ($id: ID!, $version: Int!) { updateArticle(id: $id, version: $version, input: { section: "Islands" }) { version } }`,
      { id: target.id, version: target.version },
      otherEditor,
    );
    await page.getByRole('button', { name: 'Save' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Someone else saved this article first' });
    await conflict.waitFor();
    await expectAccessible(page);
    await screenshot(page, 'desk-conflict');
    await page.getByRole('button', { name: 'Keep my text on their version' }).click();
    expect(await page.getByLabel('Headline').inputValue()).toBe('Island Crossing Budget Approved After Long Debate');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const { node } = await api(`query ($id: ID!) { node(id: $id) { ... on Article { title section version } } }`, { id: target.id });
    expect(node).toEqual({ title: 'Island Crossing Budget Approved After Long Debate', section: 'Islands', version: target.version + 2 });

    // Restore the first revision: the old headline comes back.
    await page.getByRole('button', { name: `Restore v${target.version}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Restored version ${target.version}` })
      .waitFor();
    expect((await api(`query ($id: ID!) { node(id: $id) { ... on Article { title } } }`, { id: target.id })).node.title).toBe(
      'Island Crossing Budget Approved',
    );
    await check();
  });

  it('merges an entity from the review queue (m), and the merged entity’s page redirects to the survivor', async () => {
    const { page, check } = await open();
    await signIn(page);
    await page.goto(`${origin}/desk#/merges`);
    await page.getByRole('heading', { name: /Merge candidates/ }).waitFor();
    await page.locator('.merges, .view > p').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'desk-merges');

    // The facts of one article; Peter Lindqvist's mention, merged into Maria Okafor with m.
    const { articles } = await api(`{ articles(where: { textContains: "Eastport" }) { nodes { id } } }`);
    const { okafor, lindqvist } = await api(
      `{ okafor: people(where: { nameContains: "Okafor" }) { nodes { slug } } lindqvist: people(where: { nameContains: "Lindqvist" }) { nodes { slug } } }`,
    );
    await page.goto(`${origin}/desk#/review?kind=MENTION&article=${encodeURIComponent(articles.nodes[0].id)}`);
    const item = page.locator('.queue li').filter({ hasText: 'Mention of Peter Lindqvist' }).first();
    await item.click();
    await page.keyboard.press('m');
    const combo = page.getByRole('combobox', { name: 'Merge Peter Lindqvist into' });
    await combo.fill('Okafor');
    await page.getByRole('option', { name: /Maria Okafor/ }).waitFor();
    await combo.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Merged Peter Lindqvist into Maria Okafor' }).waitFor();

    const response = await page.goto(`${origin}/people/${lindqvist.nodes[0].slug}`);
    expect(response!.request().redirectedFrom()?.url()).toBe(`${origin}/people/${lindqvist.nodes[0].slug}`);
    expect(page.url()).toBe(`${origin}/people/${okafor.nodes[0].slug}`);
    expect(await page.locator('.aliases').textContent()).toContain('Peter Lindqvist');
    await check();
  });

  it('lists webhooks for an ADMIN, and keeps the section from an EDITOR', async () => {
    const admin = await tokenFor(test.db.prisma, 'ADMIN');
    await api(
      `mutation { createWebhook(input: { url: "https://hooks.example.org/storygraph", events: ["article.published"] }) { webhook { id } } }`,
      {},
      admin,
    );
    const { page, check } = await open();
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('cell', { name: 'https://hooks.example.org/storygraph' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'desk-webhooks');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, editor);
    expect(await page.getByRole('link', { name: 'Webhooks' }).count()).toBe(0);
    await check();
  });

  it('opens the explorer with the example operations and runs one', async () => {
    const { page, check } = await open();
    await page.goto(`${origin}/explorer`);
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-tab').first().waitFor();
    expect(await page.locator('.graphiql-tab').count()).toBe(5);
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('Russia and NATO Agree to Begin Negotiations This Winter').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'explorer', { readme: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page);
    await screenshot(page, 'explorer-dark');
    await check();
  });
});
