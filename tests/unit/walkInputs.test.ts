import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkInputs } from '../../src/ingest/sources/walkInputs.js';

describe('walkInputs', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storygraph-walk-'));
    await mkdir(join(dir, 'a', 'b'), { recursive: true });
    for (const name of ['a/1.txt', 'a/b/2.md', 'a/b/3.txt', 'a/skip.json', 'feed.jsonl']) await writeFile(join(dir, name), 'x');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const paths = async (walk: ReturnType<typeof walkInputs>) => {
    const out: string[] = [];
    for await (const entry of walk.entries) out.push(entry.kind === 'file' ? entry.path.slice(dir.length + 1) : entry.kind);
    return out;
  };

  it('walks the inputs once, in order, and knows the total when the walk has ended', async () => {
    const walk = walkInputs([join(dir, 'a'), join(dir, 'missing.txt')]);
    expect(walk.total()).toBeNull();
    expect(await paths(walk)).toEqual(['a/1.txt', 'a/b/2.md', 'a/b/3.txt', 'failure']);
    expect(walk.total()).toBe(4);
  });

  it('gives the same entries when it may run only one entry ahead of the reader', async () => {
    const walk = walkInputs([join(dir, 'a')], 1);
    expect(await paths(walk)).toEqual(['a/1.txt', 'a/b/2.md', 'a/b/3.txt']);
    expect(walk.total()).toBe(3);
  });

  it('has no total for JSON Lines and stdin, whose articles are lines', async () => {
    const walk = walkInputs([join(dir, 'a'), join(dir, 'feed.jsonl'), '-']);
    expect(await paths(walk)).toEqual(['a/1.txt', 'a/b/2.md', 'a/b/3.txt', 'feed.jsonl', 'stdin']);
    expect(walk.total()).toBeNull();
  });
});
