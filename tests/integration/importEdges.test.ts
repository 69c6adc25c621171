import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript, type ScriptResult } from '../support/runScript.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const story = (title: string, name: string) => `${title}\n\nThe council met on Monday to discuss the new ferry link.\n\n"We are ready," said ${name}.\n`;
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);

/** Runs the import, failing the test (instead of hanging it) if it does not finish in a minute. */
async function importWithin(args: string[], env: Record<string, string>): Promise<ScriptResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the import did not finish within 60 s')), 60_000)));
  try {
    return await Promise.race([runScript('scripts/import.ts', args, env), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe.each(databaseKinds)('import edges on %s', (kind) => {
  let test: TestDatabase;
  let dir: string;
  let socket: Server;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'storygraph-edges-'));
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    socket = createServer();
    await new Promise<void>((resolve) => socket.listen(join(dir, 'socket.txt'), resolve));
    await writeFile(join(dir, 'plain.txt'), story('Council backs ferry link', 'Maria Okafor'));
    await writeFile(join(dir, 'windows-le.txt'), utf16le(story('Café owners back ferry link', 'Zoë Lindqvist').replace(/\n/g, '\r\n')));
    await writeFile(join(dir, 'mac-be.md'), utf16be(`---\ntitle: Naïve plan for the harbour\n---\n\n${story('', 'Tom Becker').trim()}\n`));
    await writeFile(join(dir, 'huge.txt'), `Huge story\n\n${'All work and no play. '.repeat(50_000)}\n`);
    await writeFile(join(dir, 'long.txt'), `Long story\n\n${Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1}.`).join('\n\n')}\n`);
    await writeFile(
      join(dir, 'feed.jsonl'),
      [
        JSON.stringify({ title: 'Huge line', body: 'word '.repeat(250_000) }),
        JSON.stringify({ title: 'Good line', body: 'The mayor opened the library on Friday, said Anna Berg.' }),
        JSON.stringify({ title: 'Many paragraphs', paragraphs: Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1}.`) }),
      ].join('\n') + '\n',
    );
  });

  afterAll(async () => {
    await new Promise((resolve) => socket?.close(resolve));
    await test?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses a FIFO, a socket and a device named as inputs without waiting on them, and imports the rest', async () => {
    const fifo = join(dir, 'pipe.txt');
    const result = await importWithin(['--json', fifo, join(dir, 'socket.txt'), '/dev/zero', join(dir, 'plain.txt')], { DATABASE_URL: test.url });
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ files: 4, imported: 1, failed: 3 });
    expect(summary.failures).toEqual([
      { file: fifo, code: 'NOT_A_REGULAR_FILE', message: `${fifo}: is a FIFO (named pipe), not a regular file; only files and directories can be imported` },
      {
        file: join(dir, 'socket.txt'),
        code: 'NOT_A_REGULAR_FILE',
        message: `${join(dir, 'socket.txt')}: is a socket, not a regular file; only files and directories can be imported`,
      },
      { file: '/dev/zero', code: 'NOT_A_REGULAR_FILE', message: '/dev/zero: is a device, not a regular file; only files and directories can be imported' },
    ]);
    expect(result.stderr).toContain(`${fifo}: is a FIFO (named pipe), not a regular file`);
  });

  it('reads UTF-16 files with a byte order mark, little and big endian, and skips FIFOs and sockets in a directory', async () => {
    const result = await importWithin(['--json', dir], { DATABASE_URL: test.url, IMPORT_MAX_PARAGRAPHS: '20' });
    const summary = JSON.parse(result.stdout);
    expect(summary.failures.map((f: { file: string; code: string }) => `${f.file.slice(dir.length + 1)} ${f.code}`)).toEqual([
      'feed.jsonl:1 ARTICLE_TOO_LARGE',
      'feed.jsonl:3 TOO_MANY_PARAGRAPHS',
      'huge.txt ARTICLE_TOO_LARGE',
      'long.txt TOO_MANY_PARAGRAPHS',
    ]);
    expect(summary).toMatchObject({ files: 8, imported: 3, unchanged: 1, failed: 4 });
    const articles = await test.db.prisma.article.findMany({ orderBy: { title: 'asc' }, select: { title: true, paragraphs: true } });
    expect(articles).toEqual([
      { title: 'Café owners back ferry link', paragraphs: ['The council met on Monday to discuss the new ferry link.', '"We are ready," said Zoë Lindqvist.'] },
      { title: 'Council backs ferry link', paragraphs: ['The council met on Monday to discuss the new ferry link.', '"We are ready," said Maria Okafor.'] },
      { title: 'Good line', paragraphs: ['The mayor opened the library on Friday, said Anna Berg.'] },
      { title: 'Naïve plan for the harbour', paragraphs: ['The council met on Monday to discuss the new ferry link.', '"We are ready," said Tom Becker.'] },
    ]);
    expect(await test.db.prisma.entity.findMany({ where: { kind: 'PERSON' }, orderBy: { name: 'asc' }, select: { name: true } })).toEqual(
      ['Anna Berg', 'Maria Okafor', 'Tom Becker', 'Zoë Lindqvist'].map((name) => ({ name })),
    );
  });

  it('names the file and line of an article over a limit, with the limit and its variable', async () => {
    const result = await importWithin(['--json', join(dir, 'huge.txt'), join(dir, 'feed.jsonl')], { DATABASE_URL: test.url, IMPORT_MAX_PARAGRAPHS: '20' });
    const summary = JSON.parse(result.stdout);
    const huge = join(dir, 'huge.txt');
    const feed = join(dir, 'feed.jsonl');
    expect(summary.failures).toEqual([
      {
        file: huge,
        code: 'ARTICLE_TOO_LARGE',
        message: `${huge}: the article has 1100013 bytes; one article may hold at most 1048576 (IMPORT_MAX_ARTICLE_BYTES)`,
      },
      {
        file: `${feed}:1`,
        code: 'ARTICLE_TOO_LARGE',
        message: `${feed}:1: the article has 1250031 bytes; one article may hold at most 1048576 (IMPORT_MAX_ARTICLE_BYTES)`,
      },
      {
        file: `${feed}:3`,
        code: 'TOO_MANY_PARAGRAPHS',
        message: `${feed}:3: the article has 30 paragraphs; one article may hold at most 20 (IMPORT_MAX_PARAGRAPHS)`,
      },
    ]);
    expect(summary).toMatchObject({ files: 4, unchanged: 1, failed: 3 });
    // Within larger limits the same articles import.
    const larger = await importWithin(['--json', join(dir, 'huge.txt'), join(dir, 'long.txt')], {
      DATABASE_URL: test.url,
      IMPORT_MAX_ARTICLE_BYTES: '2000000',
    });
    expect(JSON.parse(larger.stdout)).toMatchObject({ files: 2, imported: 2, failed: 0 });
  });
});
