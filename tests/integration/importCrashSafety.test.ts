import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateArchive } from '../../bench/generateArchive.js';
import { projectRoot } from '../../src/projectRoot.js';
import { importSnapshot as snapshot } from '../support/importSnapshot.js';
import { runScript } from '../support/runScript.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const ARTICLES = 600;
const BATCH = 50;

const PARAGRAPHS = [
  'The company said profits rose by 12% in the three months to September, helped by strong sales in Asia.',
  'Shares in the group fell sharply in early trading in London after the announcement.',
  'Analysts had expected a smaller increase, citing higher energy costs and weaker demand in Europe.',
  'The government is expected to publish its own forecast for the economy later this month.',
  'Talks between the two sides broke down last week after they failed to agree on pay.',
  'The new rules will come into force in April and apply to all firms with more than 50 staff.',
];
const TITLES = ['Profits rise at engineering group', 'Talks collapse over pay', 'New rules for employers', 'Shares fall after warning'];

/** Starts the import CLI as one plain node process (no tsx wrapper), so SIGKILL hits the importer itself. */
function startImport(url: string, args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'scripts', 'import.ts'), ...args], {
    cwd: projectRoot,
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: url, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe.each(databaseKinds)('import crash safety and concurrency on %s', (kind) => {
  let clean: TestDatabase;
  let dir: string;
  let expected: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storygraph-crash-'));
    await generateArchive(dir, { count: ARTICLES, paragraphs: PARAGRAPHS, titles: TITLES, seed: 7 });
    clean = await createTestDatabase(kind);
    const result = await runScript('scripts/import.ts', ['--json', '--batch-size', String(BATCH), dir], { DATABASE_URL: clean.url });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ imported: ARTICLES, failed: 0 });
    expected = await snapshot(clean);
  });

  afterAll(async () => {
    await clean?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('kill -9 mid-run leaves only whole batches, and a rerun gives what a clean run gives', async () => {
    const test = await createTestDatabase(kind);
    try {
      const child = startImport(test.url, ['--batch-size', String(BATCH), dir]);
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      // Wait for the first committed batch, then kill without warning.
      let stored = 0;
      for (let i = 0; i < 600 && stored === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        stored = await test.db.prisma.article.count();
      }
      child.kill('SIGKILL');
      await exited;
      const after = await test.db.prisma.article.count();
      expect(after).toBeGreaterThan(0);
      expect(after).toBeLessThan(ARTICLES);
      // A batch commits whole or not at all: no partial batch, no article without its facts.
      expect(after % BATCH).toBe(0);
      expect(await test.db.prisma.article.count({ where: { entities: { none: {} } } })).toBe(0);

      const rerun = await runScript('scripts/import.ts', ['--json', '--batch-size', String(BATCH), dir], { DATABASE_URL: test.url });
      expect(rerun.code).toBe(0);
      expect(JSON.parse(rerun.stdout)).toMatchObject({ imported: ARTICLES - after, unchanged: after, failed: 0 });
      expect(await snapshot(test)).toEqual(expected);
    } finally {
      await test.drop();
    }
  });

  it('two imports of the same files at once store each article, person, organization and tag once', async () => {
    const test = await createTestDatabase(kind);
    try {
      const [a, b] = await Promise.all([
        runScript('scripts/import.ts', ['--json', '--batch-size', String(BATCH), dir], { DATABASE_URL: test.url }),
        runScript('scripts/import.ts', ['--json', '--batch-size', String(BATCH), dir], { DATABASE_URL: test.url }),
      ]);
      expect([a.code, b.code]).toEqual([0, 0]);
      const first = JSON.parse(a.stdout);
      const second = JSON.parse(b.stdout);
      expect(first.imported + second.imported).toBe(ARTICLES);
      expect(first.unchanged + second.unchanged).toBe(ARTICLES);
      expect(first.entitiesCreated + second.entitiesCreated).toBe(expected.entities.length);
      expect(await snapshot(test)).toEqual(expected);
    } finally {
      await test.drop();
    }
  });
});
