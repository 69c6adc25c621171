import { formatOfName } from './detectFormat.js';
import { expandInputs, type InputEntry } from './expandInputs.js';

/** The inputs' entries, walked once, and how many articles they hold once that is known. */
export interface InputWalk {
  /** The entries in order (iterate once). */
  entries: AsyncIterable<InputEntry>;
  /**
   * How many articles the inputs hold: null while the walk goes on, and for JSON Lines and
   * stdin (their articles are lines, known only by reading them).
   */
  total(): number | null;
}

/** Entries the walk may run ahead of the reader (paths only: ~10 MB at most). */
const LOOK_AHEAD = 50_000;

/**
 * Expands the inputs (see expandInputs) once, running ahead of the reader so that the total is
 * known early for a progress bar: a tree of up to LOOK_AHEAD files is counted at the start,
 * a larger one when the reader is that close to its end.
 */
export function walkInputs(inputs: readonly string[], lookAhead = LOOK_AHEAD): InputWalk {
  const queue: InputEntry[] = [];
  let head = 0;
  let counted = 0;
  let countable = true;
  let ended = false;
  let stopped = false;
  const failure: { error?: unknown } = {};
  let wakeReader: (() => void) | null = null;
  let wakeWalker: (() => void) | null = null;
  const notifyReader = () => {
    wakeReader?.();
    wakeReader = null;
  };

  const walk = async () => {
    try {
      for await (const entry of expandInputs(inputs)) {
        if (entry.kind === 'stdin' || (entry.kind === 'file' && formatOfName(entry.path) === 'jsonl')) countable = false;
        counted++;
        queue.push(entry);
        notifyReader();
        while (queue.length - head >= lookAhead && !stopped) await new Promise<void>((resolve) => (wakeWalker = resolve));
        if (stopped) return;
      }
    } catch (error) {
      failure.error = error ?? new Error('the input walk failed');
    } finally {
      ended = true;
      notifyReader();
    }
  };
  void walk();

  return {
    total: () => (ended && countable && failure.error === undefined ? counted : null),
    entries: {
      async *[Symbol.asyncIterator]() {
        try {
          for (;;) {
            if (head < queue.length) {
              const entry = queue[head++]!;
              if (head >= 1024 && head * 2 >= queue.length) {
                // Drop what was read now and then, so the queue does not hold every path.
                queue.splice(0, head);
                head = 0;
              }
              wakeWalker?.();
              wakeWalker = null;
              yield entry;
            } else if (ended) {
              if (failure.error !== undefined) throw failure.error;
              return;
            } else await new Promise<void>((resolve) => (wakeReader = resolve));
          }
        } finally {
          stopped = true;
          wakeWalker?.();
        }
      },
    },
  };
}
