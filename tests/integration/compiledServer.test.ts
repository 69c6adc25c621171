import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/projectRoot.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const dist = join(projectRoot, 'dist');
const entry = join(dist, 'src', 'index.js');

/** Newest modification time of any file under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Runs a command to its end, as a user would, with what it wrote. */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// The production image runs `node dist/src/index.js` and `node dist/scripts/migrate.js`: compiled
// JavaScript, no tsx, NODE_ENV=production. A build takes about a minute on two busy cores, so it
// runs here only when dist/ is missing or older than the sources (CI builds before the tests).
describe.each(databaseKinds)('the compiled server (npm run build) on %s', (kind) => {
  let test: TestDatabase;

  beforeAll(async () => {
    if (!existsSync(entry) || statSync(entry).mtimeMs < Math.max(newest(join(projectRoot, 'src')), newest(join(projectRoot, 'scripts')))) {
      const build = await run('npm', ['run', 'build']);
      if (build.code !== 0) throw new Error(`npm run build failed: ${build.stdout}${build.stderr}`);
    }
    test = await createTestDatabase(kind);
    // An empty database: the compiled commands migrate it themselves.
    await test.db.prisma.$executeRawUnsafe('DROP SCHEMA public CASCADE');
    await test.db.prisma.$executeRawUnsafe('CREATE SCHEMA public');
    await test.db.close();
  }, 300_000);
  afterAll(async () => {
    await test?.drop();
  });

  it('refuses to start on an unmigrated database, migrates with the compiled command, then serves /graphql without seeding', async () => {
    const env = { NODE_ENV: 'production', DATABASE_URL: test.url, PORT: '0', METRICS_TOKEN: 'scrape-secret' };
    const refused = await run(process.execPath, [entry], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/migration\(s\) pending .* run `npm run migrate` \(node dist\/scripts\/migrate\.js\) first \[MIGRATION_FAILED\]/);

    const migrated = await run(process.execPath, [join(dist, 'scripts', 'migrate.js')], env);
    expect(migrated.code).toBe(0);
    expect(migrated.stderr).toContain('migrate: the database is up to date');

    const child = spawn(process.execPath, [entry], { cwd: projectRoot, env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let log = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          log += chunk.toString();
          const ready = /ready at (http\S+)/.exec(log);
          if (ready) resolve(ready[1]!);
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}: ${log}`)));
      });
      // JSON lines in production.
      expect(JSON.parse(log.split('\n')[0]!)).toMatchObject({ level: 'info', msg: expect.any(String) });
      const answer = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ articles { totalCount } }' }),
      });
      expect(await answer.json()).toEqual({ data: { articles: { totalCount: 0 } } });
      expect((await fetch(url.replace('/graphql', '/metrics'))).status).toBe(401);
      expect((await fetch(url.replace('/graphql', '/metrics'), { headers: { authorization: 'Bearer scrape-secret' } })).status).toBe(200);
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
