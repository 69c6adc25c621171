import { batchLimit, inBatches } from '../../src/ingest/inBatches.js';
import type { SourceItem } from '../../src/ingest/sources/types.js';

/** Items no batch rule looks into (failures carry no source key). */
async function* failures(n: number): AsyncGenerator<SourceItem> {
  for (let i = 0; i < n; i++) yield { kind: 'failure', label: `item ${i}`, error: new Error('unreadable') } as SourceItem;
}

async function sizes(n: number, size: number, total?: () => number | null): Promise<number[]> {
  const out: number[] = [];
  for await (const batch of inBatches(failures(n), size, total)) out.push(batch.length);
  return out;
}

describe('inBatches', () => {
  it('keeps batches of the given size when the total is unknown', async () => {
    expect(await sizes(250, 100)).toEqual([100, 100, 50]);
    expect(await sizes(250, 100, () => null)).toEqual([100, 100, 50]);
  });

  it('shrinks batches towards the end of a run of known length, so the last write is small', async () => {
    const got = await sizes(927, 100, () => 927);
    expect(got.reduce((a, b) => a + b, 0)).toBe(927);
    expect(got.slice(0, 6)).toEqual([100, 100, 100, 100, 100, 100]);
    for (let i = 1; i < got.length; i++) expect(got[i]).toBeLessThanOrEqual(got[i - 1]!);
    expect(got[got.length - 1]).toBeLessThanOrEqual(10);
  });

  it('never makes batches larger than asked, nor smaller than ten while more are left', () => {
    expect(batchLimit(5, 1000, 0)).toBe(5);
    expect(batchLimit(100, 1000, 990)).toBe(10);
    expect(batchLimit(100, 1000, 600)).toBe(100);
    expect(batchLimit(100, 1000, 700)).toBe(75);
    expect(batchLimit(100, null, 990)).toBe(100);
  });
});
