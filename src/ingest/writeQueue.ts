/** Tasks run one at a time, in order, behind the code that adds them. */
export interface WriteQueue {
  /** Adds a task; resolves at once, or, while `depth` tasks already wait, when the oldest is done. */
  push(task: () => Promise<void>): Promise<void>;
  /** Resolves when every task added is done; rejects if one failed. */
  drain(): Promise<void>;
}

/**
 * A queue that lets extraction run ahead of the writes: batches are written one at a time and
 * in order, and up to `depth` wait their turn, so a batch whose write takes longer than the
 * next one's extraction does not stall extraction.
 */
export function writeQueue(depth: number): WriteQueue {
  let tail: Promise<void> = Promise.resolve();
  const waiting: Promise<void>[] = [];
  return {
    async push(task) {
      tail = tail.then(task);
      tail.catch(() => undefined); // rethrown by drain (or push); not "unhandled" while queued
      waiting.push(tail);
      if (waiting.length > depth) await waiting.shift();
    },
    drain: () => tail,
  };
}
