import { mkdtemp, rm, writeFile, copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/projectRoot.js';
import { runScript } from '../support/runScript.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const seedFile = join(projectRoot, 'fixtures', 'seed', '000_95a61b1d8e8c3e78.txt');

describe.each(databaseKinds)('npm run import on %s', (kind) => {
  let test: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'storygraph-import-'));
    await mkdir(join(dir, 'archive', 'nested'), { recursive: true });
    await copyFile(seedFile, join(dir, 'archive', 'seed.txt'));
    await writeFile(
      join(dir, 'archive', 'nested', 'plain.txt'),
      'Harbour council approves new ferry link\n\n' +
        'The Westport harbour council voted on Tuesday to fund a ferry link to the islands.\n\n' +
        '"This is the most important decision we have taken in ten years," said council leader Maria Okafor.\n',
    );
    await writeFile(join(dir, 'archive', 'empty.txt'), '  \n\n');
    await writeFile(join(dir, 'archive', 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03]));
    await writeFile(join(dir, 'archive', 'headline-only.txt'), 'A headline and nothing else\n');
  });

  afterAll(async () => {
    await test?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('imports the good files, names each bad one with its reason, and exits 1', async () => {
    const missing = join(dir, 'missing.txt');
    const result = await runScript('scripts/import.ts', ['--json', join(dir, 'archive'), missing], { DATABASE_URL: test.url });
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ files: 6, imported: 2, updated: 0, unchanged: 0, failed: 4 });
    expect(summary.entitiesCreated).toBeGreaterThan(5);
    expect(summary.failures.map((f: { code: string }) => f.code).sort()).toEqual(['BINARY_FILE', 'EMPTY_FILE', 'FILE_NOT_FOUND', 'NO_BODY']);
    expect(result.stderr).toContain(`${join(dir, 'archive', 'binary.txt')}: not a text file`);
    expect(result.stderr).toContain(`${join(dir, 'archive', 'empty.txt')}: the file is empty`);
    expect(result.stderr).toContain(`${missing}: no such file or directory`);
    expect(result.stderr).toContain(`${join(dir, 'archive', 'headline-only.txt')}:2: the article has a headline but no paragraphs`);
    expect(await test.db.prisma.article.count()).toBe(2);
    // A plain-text story is filed in the section of the folder it sits in below the directory imported.
    const sections = await test.db.prisma.article.findMany({ select: { title: true, section: true }, orderBy: { title: 'asc' } });
    expect(sections.find((a) => a.title === 'Harbour council approves new ferry link')?.section).toBe('nested');
    expect(sections.filter((a) => a.title !== 'Harbour council approves new ferry link').map((a) => a.section)).toEqual([null]);
  });

  it('reports zero changes on a second run of the same files', async () => {
    const counts = async () => ({
      articles: await test.db.prisma.article.count(),
      entities: await test.db.prisma.entity.count(),
      mentions: await test.db.prisma.mention.count(),
      quotes: await test.db.prisma.quote.count(),
    });
    const before = await counts();
    const result = await runScript('scripts/import.ts', ['--json', join(dir, 'archive', 'seed.txt'), join(dir, 'archive', 'nested')], {
      DATABASE_URL: test.url,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ files: 2, imported: 0, updated: 0, unchanged: 2, failed: 0, entitiesCreated: 0 });
    expect(await counts()).toEqual(before);
  });

  it('updates a changed article in place, replacing its extracted facts', async () => {
    const file = join(dir, 'archive', 'nested', 'plain.txt');
    const article = await test.db.prisma.article.findFirstOrThrow({ where: { title: 'Harbour council approves new ferry link' } });
    await writeFile(
      file,
      'Harbour council approves new ferry link\n\nThe Westport harbour council voted on Tuesday to fund a ferry link.\n\n"We will start next spring," said Maria Okafor.\n',
    );
    const result = await runScript('scripts/import.ts', ['--json', file], { DATABASE_URL: test.url });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ files: 1, imported: 0, updated: 1, unchanged: 0 });
    const quotes = await test.db.prisma.quote.findMany({ where: { articleId: article.id } });
    expect(quotes.map((q) => q.text)).toEqual(['We will start next spring,']);
    expect((await test.db.prisma.article.findUniqueOrThrow({ where: { id: article.id } })).slug).toBe(article.slug);
  });

  it('follows CLI conventions for help and usage errors', async () => {
    const help = await runScript('scripts/import.ts', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run import/);
    const usage = await runScript('scripts/import.ts', []);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('import: no files given');
  });
});

describe('database configuration errors', () => {
  it('a malformed DATABASE_URL gives one clear line', async () => {
    const result = await runScript('scripts/import.ts', [seedFile], { DATABASE_URL: 'mysql://nope' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('import: DATABASE_URL must start with postgresql:// (got mysql://) [INVALID_DATABASE_URL]');
  });

  it('an unreachable server gives one clear line', async () => {
    const result = await runScript('scripts/import.ts', [seedFile], { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/storygraph' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('import: cannot connect to PostgreSQL at 127.0.0.1:1/storygraph: connection refused [DATABASE_UNREACHABLE]');
  });
});
