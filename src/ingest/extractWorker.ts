// Worker thread for the import: extracts and plans articles sent by extractArticles.ts.
import { parentPort } from 'node:worker_threads';
import { extractPlan } from './extractPlan.js';
import type { ParsedArticle } from './parseArticle.js';
import type { ArticleSource } from './planArticle.js';

parentPort!.on('message', ({ id, parsed, source, contentHash }: { id: number; parsed: ParsedArticle; source: ArticleSource; contentHash: string }) => {
  const plan = extractPlan(parsed, source, contentHash);
  parentPort!.postMessage(plan instanceof Error ? { id, error: plan.message } : { id, plan });
});
