/**
 * Keeps up to `depth` items requested ahead, so the next batch's files are read (their I/O and
 * parsing run between extractions) while this batch is extracted and written.
 */
export async function* readAhead<T>(source: AsyncIterable<T>, depth: number): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const queue: Promise<IteratorResult<T>>[] = [];
  const fill = () => {
    while (queue.length < depth) {
      const next = iterator.next();
      next.catch(() => undefined); // rethrown where it is awaited, below; not "unhandled" meanwhile
      queue.push(next);
    }
  };
  fill();
  for (;;) {
    const next = await queue.shift()!;
    if (next.done) return;
    fill();
    yield next.value;
  }
}
