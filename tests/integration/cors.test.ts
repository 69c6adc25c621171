import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabases.js';

const quiet = createLogger('error');

describe('CORS for browser frontends on other origins', () => {
  let test: TestDatabase;
  let development: RunningServer;
  let listed: RunningServer;
  let anyOrigin: RunningServer;

  beforeAll(async () => {
    test = await createTestDatabase('embedded');
    development = await startServer({ nodeEnv: 'development', port: 0, introspection: true }, test.db.prisma, quiet);
    const production = loadConfig({ NODE_ENV: 'production', CORS_ORIGINS: 'https://news.example.com, https://desk.example.com' });
    listed = await startServer({ nodeEnv: 'production', port: 0, introspection: false, corsOrigins: production.corsOrigins }, test.db.prisma, quiet);
    anyOrigin = await startServer(
      { nodeEnv: 'production', port: 0, introspection: false, corsOrigins: loadConfig({ CORS_ORIGINS: '*' }).corsOrigins },
      test.db.prisma,
      quiet,
    );
  });

  afterAll(async () => {
    for (const server of [development, listed, anyOrigin]) await server?.stop();
    await test?.drop();
  });

  const preflight = (server: RunningServer, origin: string) =>
    fetch(server.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
  const post = (server: RunningServer, origin: string) =>
    fetch(server.url, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });

  it('answers a preflight from an allowed origin with 204, the methods and the headers, Authorization included', async () => {
    const response = await preflight(development, 'http://localhost:5173');
    expect(response.status).toBe(204);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'access-control-allow-origin': 'http://localhost:5173',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': expect.stringContaining('authorization'),
      'access-control-max-age': '600',
      vary: 'Origin',
    });
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('allows any localhost origin in development, only the configured origins in production', async () => {
    expect((await preflight(development, 'http://127.0.0.1:3000')).headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    expect((await preflight(development, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(listed, 'https://desk.example.com')).headers.get('access-control-allow-origin')).toBe('https://desk.example.com');
    expect((await preflight(listed, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull();
    const answer = await post(listed, 'https://news.example.com');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://news.example.com');
    expect(answer.headers.get('access-control-expose-headers')).toContain('x-request-id');
    expect((await post(listed, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers * as * and never implies credentials', async () => {
    const response = await preflight(anyOrigin, 'https://anywhere.example');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect((await post(anyOrigin, 'https://anywhere.example')).headers.get('access-control-allow-origin')).toBe('*');
  });

  it('keeps CSRF prevention on for requests a browser sends without a preflight', async () => {
    const simpleGet = await fetch(`${development.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { origin: 'https://evil.example' } });
    expect(simpleGet.status).toBe(400);
    const simplePost = await fetch(development.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(simplePost.status).toBe(400);
  });

  it('refuses a CORS_ORIGINS entry that is not an origin', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'https://news.example.com/path' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: 'news.example.com' })).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
  });
});
