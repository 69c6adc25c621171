import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from '../support/runScript.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

/** Stories that name people across articles: one surname, two people, an acronym. */
const STORIES: Record<string, string> = {
  'a1.txt':
    'Harbour council approves new ferry link\n\nThe Westport harbour council voted on Tuesday to fund a ferry link to the islands.\n\n' +
    '"This is the most important decision we have taken in ten years," said council leader Maria Okafor.\n',
  'a2.txt':
    'Ferry link opens to first passengers\n\nThe first ferry to the islands left Westport on Monday morning.\n\n"We promised a link and we delivered it," Okafor said.\n',
  'a3.txt':
    'Fishermen worry about new ferry route\n\nLocal fisherman Daniel Okafor said the ferry route crosses the best fishing grounds.\n\n' +
    '"Nobody asked us," said Daniel Okafor, who has fished the bay for thirty years.\n',
  'a4.txt':
    'Islanders divided over ferry timetable\n\nResidents of the islands met on Friday to discuss the new ferry timetable.\n\n"The early boat is too early for most people," Okafor said after the meeting.\n',
  'a5.txt':
    'NATO ministers meet in Brussels\n\nForeign ministers of the North Atlantic Treaty Organization met in Brussels on Thursday.\n\n"The alliance is united," said a spokesman.\n',
};

describe.each(databaseKinds)('import identity, dry run and updates on %s', (kind) => {
  let test: TestDatabase;
  let dir: string;
  const run = (...args: string[]) => runScript('scripts/import.ts', args, { DATABASE_URL: test.url });
  const json = async (...args: string[]) => {
    const result = await run('--json', ...args);
    return { ...result, summary: JSON.parse(result.stdout) };
  };
  const personOf = async (file: string) => {
    const mention = await test.db.prisma.mention.findFirstOrThrow({
      where: { article: { sourcePath: { endsWith: file } }, entity: { kind: 'PERSON' } },
      include: { entity: true },
    });
    return mention.entity;
  };
  const counts = async () => {
    const p = test.db.prisma;
    return {
      articles: await p.article.count(),
      entities: await p.entity.count(),
      aliases: await p.entityAlias.count(),
      mentions: await p.mention.count(),
      quotes: await p.quote.count(),
      affiliations: await p.affiliation.count(),
      tags: await p.tag.count(),
      articleTags: await p.articleTag.count(),
    };
  };

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'storygraph-identity-'));
    await mkdir(join(dir, 'first'));
    for (const [name, text] of Object.entries(STORIES)) await writeFile(join(dir, 'first', name), text);
  });

  afterAll(async () => {
    await test?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('links a later surname-only mention to the one known person, and flags a surname two people share', async () => {
    const { code, summary } = await json(join(dir, 'first'));
    expect(code).toBe(0);
    expect(summary).toMatchObject({ imported: 5, updated: 0, unchanged: 0, failed: 0 });
    expect(summary.peopleCreated).toBe(3);
    const maria = await personOf('a1.txt');
    expect(maria).toMatchObject({ name: 'Maria Okafor', needsReview: false });
    // "Okafor said" after only Maria Okafor is known: the same person.
    expect((await personOf('a2.txt')).id).toBe(maria.id);
    // Daniel Okafor is another person: a shared surname is no evidence.
    const daniel = await personOf('a3.txt');
    expect(daniel).toMatchObject({ name: 'Daniel Okafor', needsReview: false });
    expect(daniel.id).not.toBe(maria.id);
    // "Okafor said" once both are known: merged with neither, flagged for an editor.
    const ambiguous = await personOf('a4.txt');
    expect(ambiguous).toMatchObject({ name: 'Okafor', needsReview: true });
    expect([maria.id, daniel.id]).not.toContain(ambiguous.id);
    // An organization and its acronym in one story are one organization.
    const nato = await test.db.prisma.entity.findMany({ where: { kind: 'ORGANIZATION' }, include: { aliases: true } });
    expect(nato).toHaveLength(1);
    expect(nato[0]!.aliases.map((a) => a.name)).toContain('North Atlantic Treaty Organization');
  });

  it('uses role evidence to pick one of two people sharing a surname, and the acronym in a later story', async () => {
    await writeFile(join(dir, 'a6.txt'), 'Council leader speaks\n\nThe council met on Monday.\n\n"We are ready," council leader Okafor said.\n');
    await writeFile(
      join(dir, 'a7.txt'),
      'Alliance plans exercises\n\nThe North Atlantic Treaty Organization will hold exercises in the Baltic, officials said on Monday.\n',
    );
    const { code, summary } = await json(join(dir, 'a6.txt'), join(dir, 'a7.txt'));
    expect(code).toBe(0);
    expect(summary).toMatchObject({ imported: 2, entitiesCreated: 0 });
    expect((await personOf('a6.txt')).name).toBe('Maria Okafor');
    expect(await test.db.prisma.entity.count({ where: { kind: 'ORGANIZATION' } })).toBe(1);
  });

  it('writes nothing on a second run of the same files', async () => {
    const before = await counts();
    const { code, summary } = await json(join(dir, 'first'), join(dir, 'a6.txt'), join(dir, 'a7.txt'));
    expect(code).toBe(0);
    expect(summary).toMatchObject({ imported: 0, updated: 0, unchanged: 7, failed: 0, entitiesCreated: 0 });
    expect(await counts()).toEqual(before);
  });

  it('--dry-run reports new, updated, unchanged and failed articles and new names, and writes nothing', async () => {
    await mkdir(join(dir, 'second'));
    await writeFile(join(dir, 'second', 'b1.txt'), 'Mayor opens library\n\n"Books matter," said mayor Tom Becker of the Eastham Library Trust.\n');
    await writeFile(join(dir, 'second', 'b2.txt'), 'Library hours extended\n\nThe library will open on Sundays, Becker said on Friday.\n');
    await writeFile(join(dir, 'second', 'bad.txt'), '   \n');
    await writeFile(join(dir, 'first', 'a5.txt'), STORIES['a5.txt']!.replace('Thursday', 'Friday'));
    const before = await counts();
    const { code, summary, stderr } = await json('--dry-run', join(dir, 'first'), join(dir, 'second'));
    expect(code).toBe(1);
    expect(summary).toMatchObject({ dryRun: true, imported: 2, updated: 1, unchanged: 4, failed: 1 });
    expect(summary.wouldCreate.people).toEqual(['Tom Becker']);
    expect(summary.peopleCreated).toBe(1);
    expect(summary.failures).toEqual([expect.objectContaining({ code: 'EMPTY_FILE', file: join(dir, 'second', 'bad.txt') })]);
    expect(stderr).toContain(`${join(dir, 'second', 'bad.txt')}: the file is empty`);
    expect(await counts()).toEqual(before);

    const human = await run('--dry-run', join(dir, 'second', 'b1.txt'));
    expect(human.code).toBe(0);
    expect(human.stderr).toMatch(/dry run, nothing written: would have 1 article\(s\): 1 new/);
    expect(human.stderr).toContain('new people: Tom Becker');
  });

  it('updates a changed article in place, replacing automatic facts and keeping reviewed ones', async () => {
    const article = await test.db.prisma.article.findFirstOrThrow({ where: { sourcePath: { endsWith: 'a2.txt' } }, include: { quotes: true } });
    await test.db.prisma.quote.update({ where: { id: article.quotes[0]!.id }, data: { status: 'VERIFIED' } });
    await writeFile(join(dir, 'first', 'a2.txt'), STORIES['a2.txt']! + '\n"Tickets are selling fast," Okafor added.\n');
    const { code, summary } = await json(join(dir, 'first', 'a2.txt'));
    expect(code).toBe(0);
    expect(summary).toMatchObject({ imported: 0, updated: 1, unchanged: 0, entitiesCreated: 0 });
    const after = await test.db.prisma.article.findUniqueOrThrow({ where: { id: article.id }, include: { quotes: { orderBy: { start: 'asc' } } } });
    expect(after.slug).toBe(article.slug);
    expect(after.quotes.map((q) => [q.text, q.status])).toEqual([
      ['We promised a link and we delivered it,', 'VERIFIED'],
      ['Tickets are selling fast,', 'AUTO'],
    ]);
    expect((await personOf('a2.txt')).name).toBe('Maria Okafor');
  });
});
