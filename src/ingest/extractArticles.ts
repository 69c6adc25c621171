import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { ParsedArticle } from './parseArticle.js';
import { extractPlan } from './extractPlan.js';
import type { ArticleSource, ArticlePlan } from './planArticle.js';

/** Extracts and plans articles, in this thread or in worker threads. */
export interface ArticleExtractor {
  /** Plans in input order; an article whose extraction threw gives an Error in its place. */
  /** `contentHash` is the article's contentHashOf, which the caller has already computed to skip unchanged articles. */
  extract(articles: readonly { parsed: ParsedArticle; source: ArticleSource; contentHash: string }[]): Promise<(ArticlePlan | Error)[]>;
  close(): Promise<void>;
}

/**
 * With `workers` > 0, extraction (the import's CPU-bound step) runs in that many worker
 * threads, so the main thread stays free for reading files and database round trips and, on a
 * machine with cores to spare, several articles are extracted at once. With 0 it runs here,
 * yielding between articles so pending database replies are handled.
 */
export function createExtractor(workers: number): ArticleExtractor {
  if (workers <= 0) {
    return {
      async extract(articles) {
        const out: (ArticlePlan | Error)[] = [];
        for (const { parsed, source, contentHash } of articles) {
          out.push(extractPlan(parsed, source, contentHash));
          await yieldToEventLoop();
        }
        return out;
      },
      close: async () => undefined,
    };
  }
  const pool = Array.from({ length: workers }, startWorker);
  const pending = new Map<number, (result: ArticlePlan | Error) => void>();
  let nextId = 0;
  const failAll = (error: Error) => {
    for (const settle of pending.values()) settle(error);
    pending.clear();
  };
  for (const worker of pool) {
    worker.on('message', (message: { id: number; plan?: ArticlePlan; error?: string }) => {
      const settle = pending.get(message.id);
      pending.delete(message.id);
      settle?.(message.plan ?? new Error(message.error ?? 'extraction failed'));
    });
    // A crashed worker fails what is pending; the run reports those articles and goes on.
    worker.on('error', failAll);
    worker.on('exit', () => failAll(new Error('the extraction worker stopped')));
  }
  return {
    extract(articles) {
      return Promise.all(
        articles.map(
          ({ parsed, source, contentHash }, i) =>
            new Promise<ArticlePlan | Error>((resolve) => {
              const id = nextId++;
              pending.set(id, resolve);
              pool[i % pool.length]!.postMessage({ id, parsed, source, contentHash });
            }),
        ),
      );
    },
    close: async () => {
      await Promise.all(pool.map((worker) => worker.terminate()));
    },
  };
}

/**
 * The project runs from TypeScript sources through tsx, whose loader does not reach worker
 * threads by itself: a worker registers it before importing the worker module.
 */
function startWorker(): Worker {
  const url = new URL(import.meta.url.endsWith('.ts') ? './extractWorker.ts' : './extractWorker.js', import.meta.url);
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`, { eval: true });
}
