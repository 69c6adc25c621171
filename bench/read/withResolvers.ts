// Promise.withResolvers for Node 20 (PostGraphile 5 declares Node >= 22 and calls it), loaded
// with `node --import tsx --import ./bench/read/withResolvers.ts` by the read benchmark only.
const promise = Promise as unknown as { withResolvers?: unknown };
if (typeof promise.withResolvers !== 'function') {
  promise.withResolvers = function withResolvers<T>() {
    let resolve!: (value: T) => void;
    let reject!: (reason?: unknown) => void;
    const created = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise: created, resolve, reject };
  };
}
export {};
