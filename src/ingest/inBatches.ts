import type { SourceItem } from './sources/types.js';

/**
 * Groups source items into batches of up to `size`. A source key seen again closes the batch,
 * so one transaction never holds two versions of one article (the later one then updates it).
 */
export async function* inBatches(items: AsyncIterable<SourceItem>, size: number): AsyncGenerator<SourceItem[]> {
  let batch: SourceItem[] = [];
  let keys = new Set<string>();
  for await (const item of items) {
    if (item.kind === 'article') {
      if (keys.has(item.source.sourceKey)) {
        yield batch;
        batch = [];
        keys = new Set();
      }
      keys.add(item.source.sourceKey);
    }
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
      keys = new Set();
    }
  }
  if (batch.length) yield batch;
}
