// The pages over plain HTTP: security headers, routes, refusals and the explorer setting. What
// they look like and do in a browser is tests/browser/pages.test.ts.
import { createLogger } from '../../src/log.js';
import { demoFixtureDir } from '../../src/ingest/seedDemo.js';
import { importFiles } from '../../src/ingest/importFiles.js';
import { PAGE_CSP } from '../../src/pages/handlePages.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const quiet = createLogger('error');
const SEED = 'russia-and-nato-agree-to-begin-negotiations-this-winter';

describe.each(databaseKinds)('pages over HTTP on %s', (kind) => {
  let test: TestDatabase;
  let development: RunningServer;
  let production: RunningServer;
  const base = (server: RunningServer) => `http://localhost:${server.port}`;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    await importFiles(test.db.prisma, [demoFixtureDir], { log: quiet });
    development = await startServer({ nodeEnv: 'test', port: 0, introspection: true }, test.db.prisma, quiet);
    production = await startServer({ nodeEnv: 'production', port: 0, introspection: false }, test.db.prisma, quiet);
  });

  afterAll(async () => {
    await development?.stop();
    await production?.stop();
    await test?.drop();
  });

  it('serves a story as HTML with a self-only Content-Security-Policy and its server time', async () => {
    const response = await fetch(`${base(development)}/stories/${SEED}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(PAGE_CSP);
    expect(PAGE_CSP).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('server-timing')).toMatch(/^api;dur=[\d.]+, render;dur=[\d.]+, total;dur=[\d.]+$/);
    const page = await response.text();
    expect(page).toContain('<h1 id="story-title">');
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('answers 404 pages for unknown stories, entities and paths, 405 for other methods, 400 for a bad cursor', async () => {
    const status = async (path: string, init?: RequestInit) => (await fetch(`${base(development)}${path}`, init)).status;
    expect(await status('/stories/no-such-story')).toBe(404);
    expect(await status('/people/nobody-at-all')).toBe(404);
    expect(await status('/stories/')).toBe(404);
    expect(await status('/stories/a/b')).toBe(404);
    expect(await status('/assets/..%2Fpackage.json')).toBe(404);
    expect(await status('/assets/site.css.map')).toBe(404);
    expect(await status('/nowhere')).toBe(404);
    expect(await status(`/stories/${SEED}`, { method: 'POST' })).toBe(405);
    expect(await status('/people/sergei-lavrov?after=not-a-cursor')).toBe(400);
    expect(await status(`/stories/${SEED}`, { method: 'HEAD' })).toBe(200);
  });

  it('serves the explorer in development only, unless EXPLORER says otherwise', async () => {
    expect((await fetch(`${base(development)}/explorer`)).status).toBe(200);
    const page = await (await fetch(`${base(development)}/explorer`)).text();
    expect(page).toContain('<script type="application/json" id="example-operations">');
    expect(page).toContain('query ArticlePage');
    expect((await fetch(`${base(production)}/explorer`)).status).toBe(404);
    const enabled = await startServer({ nodeEnv: 'production', port: 0, introspection: false, explorer: true }, test.db.prisma, quiet);
    try {
      expect((await fetch(`${base(enabled)}/explorer`)).status).toBe(200);
    } finally {
      await enabled.stop();
    }
  });
});
