import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/projectRoot.js';
import { dist, ensureBuilt, startCompiled } from '../support/compiledBuild.js';
import { runCommand as run } from '../support/runScript.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const entry = join(dist, 'src', 'index.js');

// The production image runs `node dist/src/index.js` and `node dist/scripts/migrate.js`: compiled
// JavaScript, no tsx, NODE_ENV=production.
describe.each(databaseKinds)('the compiled server (npm run build) on %s', (kind) => {
  let test: TestDatabase;

  beforeAll(async () => {
    await ensureBuilt();
    test = await createTestDatabase(kind);
    // An empty database: the compiled commands migrate it themselves.
    await test.db.prisma.$executeRawUnsafe('DROP SCHEMA public CASCADE');
    await test.db.prisma.$executeRawUnsafe('CREATE SCHEMA public');
    await test.db.close();
  }, 300_000);
  afterAll(async () => {
    await test?.drop();
  });

  it('is what npm run start:prod and migrate:prod run (the README commands)', () => {
    const { scripts } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['start:prod']).toBe('node dist/src/index.js');
    expect(scripts['migrate:prod']).toBe('node dist/scripts/migrate.js');
    expect(scripts.build).toContain('tsc -p tsconfig.build.json');
  });

  it('refuses to start on an unmigrated database, migrates with the compiled command, then serves /graphql without seeding', async () => {
    const env = { NODE_ENV: 'production', DATABASE_URL: test.url, PORT: '0', METRICS_TOKEN: 'scrape-secret' };
    const refused = await run(process.execPath, [entry], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/migration\(s\) pending .* run `npm run migrate` \(node dist\/scripts\/migrate\.js\) first \[MIGRATION_FAILED\]/);

    const migrated = await run(process.execPath, [join(dist, 'scripts', 'migrate.js')], env);
    expect(migrated.code).toBe(0);
    expect(migrated.stderr).toContain('migrate: the database is up to date');

    const server = await startCompiled([entry], env);
    try {
      const { url } = server;
      // JSON lines in production.
      expect(JSON.parse(server.log().split('\n')[0]!)).toMatchObject({ level: 'info', msg: expect.any(String) });
      const answer = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ articles { totalCount } }' }),
      });
      expect(await answer.json()).toEqual({ data: { articles: { totalCount: 0 } } });
      expect((await fetch(url.replace('/graphql', '/metrics'))).status).toBe(401);
      expect((await fetch(url.replace('/graphql', '/metrics'), { headers: { authorization: 'Bearer scrape-secret' } })).status).toBe(200);
      expect(await server.stop()).toBe(0);
    } finally {
      server.kill();
    }
  });
});
