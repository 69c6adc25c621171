import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { planGlob } from '../../src/ingest/sources/globToRegExp.js';
import { readSources } from '../../src/ingest/sources/readSources.js';
import type { SourceItem } from '../../src/ingest/sources/types.js';

async function collect(inputs: string[], stdin?: NodeJS.ReadableStream): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readSources(inputs, stdin ? { stdin } : {})) items.push(item);
  return items;
}

/** label → format, or label → error code, for compact assertions. */
const summary = (items: SourceItem[]) =>
  items.map((i) => (i.kind === 'article' ? `${i.label} ${i.parsed.format}: ${i.parsed.title.text}` : `${i.label} ${i.error.code}`));

describe('readSources', () => {
  let dir: string;
  let real: string;
  const at = (...parts: string[]) => join(dir, ...parts);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storygraph-sources-'));
    real = await realpath(dir);
    await mkdir(at('archive', '2024', 'march'), { recursive: true });
    await mkdir(at('archive', '.git'));
    await writeFile(at('archive', '.git', 'HEAD.txt'), 'Hidden\n\nNot an article.\n');
    await writeFile(at('archive', 'b-plain.txt'), 'Plain Headline\n\nThe first paragraph.\n');
    await writeFile(at('archive', 'a-seed.txt'), '/news/ferry\n\nSeed Headline\n\nA paragraph.\n\nTAGS:Transport\n');
    await writeFile(at('archive', '2024', 'story.md'), '---\ntitle: Markdown Headline\n---\n\nA paragraph.\n');
    await writeFile(at('archive', '2024', 'march', 'other.markdown'), '# Second Markdown\n\nA paragraph.\n');
    await writeFile(at('archive', '2024', 'feed.ndjson'), '{"title":"Line One","body":"x"}\n\n{"title":"Line Two","body":"y","publishedAt":"soon"}\n');
    await writeFile(at('archive', 'notes.gold.json'), '{}');
    await writeFile(at('archive', 'README'), 'not picked up by a walk');
    await writeFile(at('sniffed-jsonl'), '\n{"title":"Sniffed","paragraphs":["p"]}\n');
    await writeFile(at('sniffed-md'), '---\ntitle: Sniffed Markdown\n---\nBody.\n');
    await writeFile(at('sniffed-seed'), '/x/y\n\nSniffed Seed\n\nBody.\n');
    await writeFile(at('empty.txt'), '  \n');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('walks a directory of mixed formats recursively in name order, skipping hidden entries and other extensions', async () => {
    const items = await collect([at('archive')]);
    expect(summary(items)).toEqual([
      `${at('archive', '2024', 'feed.ndjson')}:1 jsonl: Line One`,
      `${at('archive', '2024', 'feed.ndjson')}:3 INVALID_FIELD`,
      `${at('archive', '2024', 'march', 'other.markdown')} markdown: Second Markdown`,
      `${at('archive', '2024', 'story.md')} markdown: Markdown Headline`,
      `${at('archive', 'a-seed.txt')} seed: Seed Headline`,
      `${at('archive', 'b-plain.txt')} plain: Plain Headline`,
    ]);
    const sources = items.flatMap((i) => (i.kind === 'article' ? [i.source.sourceKey] : []));
    expect(sources).toEqual([
      `jsonl:${real}/archive/2024/feed.ndjson#line-one`,
      `file:${real}/archive/2024/march/other.markdown`,
      `file:${real}/archive/2024/story.md`,
      'path:/news/ferry',
      `file:${real}/archive/b-plain.txt`,
    ]);
    const failure = items[1]!;
    expect(failure.kind === 'failure' && failure.error.message).toMatch(/feed\.ndjson:3: field "publishedAt" is not a date/);
  });

  it('expands a glob below its static prefix, and reads a file reached twice only once', async () => {
    const items = await collect([at('archive', '**', '*.{md,markdown}'), at('archive', '2024', 'story.md'), at('archive', '*.txt')]);
    expect(summary(items)).toEqual([
      `${at('archive', '2024', 'march', 'other.markdown')} markdown: Second Markdown`,
      `${at('archive', '2024', 'story.md')} markdown: Markdown Headline`,
      `${at('archive', 'a-seed.txt')} seed: Seed Headline`,
      `${at('archive', 'b-plain.txt')} plain: Plain Headline`,
    ]);
  });

  it('recognises files without a telling extension by their first line', async () => {
    const items = await collect([at('sniffed-jsonl'), at('sniffed-md'), at('sniffed-seed')]);
    expect(summary(items)).toEqual([
      `${at('sniffed-jsonl')}:2 jsonl: Sniffed`,
      `${at('sniffed-md')} markdown: Sniffed Markdown`,
      `${at('sniffed-seed')} seed: Sniffed Seed`,
    ]);
  });

  it('reads JSON Lines from stdin for "-", with stable keys for repeated titles', async () => {
    const stdin = Readable.from([
      '{"title":"Same","body":"one"}\n{"title":"Same","bo',
      'dy":"two"}\r\n',
      'not json\n{"title":"Keyed","body":"x","sourceKey":"cms:1"}',
    ]);
    const items = await collect(['-'], stdin);
    expect(summary(items)).toEqual(['<stdin>:1 jsonl: Same', '<stdin>:2 jsonl: Same', '<stdin>:3 INVALID_JSON', '<stdin>:4 jsonl: Keyed']);
    expect(items.flatMap((i) => (i.kind === 'article' ? [i.source.sourceKey] : []))).toEqual(['stdin:#same', 'stdin:#same~2', 'cms:1']);
    expect(items.flatMap((i) => (i.kind === 'article' ? [i.source.sourcePath] : []))).toEqual([null, null, null]);
  });

  it('reports missing inputs, empty globs and unreadable files as failures and goes on', async () => {
    const items = await collect([at('missing.txt'), at('nothing', '*.md'), at('empty.txt'), at('archive', 'b-plain.txt')]);
    expect(summary(items)).toEqual([
      `${at('missing.txt')} FILE_NOT_FOUND`,
      `${at('nothing', '*.md')} FILE_NOT_FOUND`,
      `${at('empty.txt')} EMPTY_FILE`,
      `${at('archive', 'b-plain.txt')} plain: Plain Headline`,
    ]);
  });

  it('turns a stream that fails midway into a failure naming the line', async () => {
    const stdin = new Readable({ read() {} });
    stdin.push('{"title":"A","body":"x"}\n');
    setTimeout(() => stdin.destroy(Object.assign(new Error('device error'), { code: 'EIO' })), 10);
    const items = await collect(['-'], stdin);
    expect(summary(items)).toEqual(['<stdin>:1 jsonl: A', '<stdin>:2 FILE_UNREADABLE']);
  });
});

describe('planGlob', () => {
  it('splits a glob into a directory to walk and a pattern below it', () => {
    const plan = planGlob('stories/**/*.md');
    expect(plan.base).toBe('stories');
    expect(plan.maxDepth).toBe(Infinity);
    for (const path of ['a.md', '2024/a.md', '2024/03/a.md']) expect(plan.pattern.test(path)).toBe(true);
    for (const path of ['a.txt', 'a.md/x', '2024/a.mdx']) expect(plan.pattern.test(path)).toBe(false);
  });

  it('supports ?, classes, negation and braces, without crossing directories', () => {
    const plan = planGlob('/data/in/20??-[0-9][!x]/*.{txt,md}');
    expect(plan.base).toBe('/data/in');
    expect(plan.maxDepth).toBe(2);
    expect(plan.pattern.test('2024-05/a.txt')).toBe(true);
    expect(plan.pattern.test('2024-5x/a.txt')).toBe(false);
    expect(plan.pattern.test('2024-05/sub/a.txt')).toBe(false);
    expect(planGlob('*.jsonl')).toMatchObject({ base: '.', maxDepth: 1 });
  });
});
