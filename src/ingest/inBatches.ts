import type { SourceItem } from './sources/types.js';

/** Near the end of a run of known length, a batch holds at most this share of what is left… */
const TAPER = 4;
/** …and at least this many items. */
const MIN_TAPERED = 10;

/**
 * Groups source items into batches of up to `size`. A source key seen again closes the batch,
 * so one transaction never holds two versions of one article (the later one then updates it).
 *
 * With `total` (how many items the source holds, once known), batches shrink towards the end
 * to a quarter of what is left: each batch is written while the next is extracted, so the run
 * ends with the one write nothing overlaps, and that is then a small batch's.
 */
export async function* inBatches(items: AsyncIterable<SourceItem>, size: number, total?: () => number | null): AsyncGenerator<SourceItem[]> {
  let batch: SourceItem[] = [];
  let keys = new Set<string>();
  let taken = 0;
  let limit = batchLimit(size, total?.() ?? null, taken);
  const close = () => {
    taken += batch.length;
    batch = [];
    keys = new Set();
    limit = batchLimit(size, total?.() ?? null, taken);
  };
  for await (const item of items) {
    if (item.kind === 'article') {
      if (keys.has(item.source.sourceKey)) {
        yield batch;
        close();
      }
      keys.add(item.source.sourceKey);
    }
    batch.push(item);
    if (batch.length >= limit) {
      yield batch;
      close();
    }
  }
  if (batch.length) yield batch;
}

/** The size of the next batch: `size`, or less near the end of a run of known length. */
export function batchLimit(size: number, total: number | null, taken: number): number {
  if (total === null) return size;
  return Math.min(size, Math.max(MIN_TAPERED, Math.ceil((total - taken) / TAPER)));
}
