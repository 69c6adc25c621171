// Worker thread for the import: extracts and plans articles sent by extractArticles.ts.
import { parentPort } from 'node:worker_threads';
import { EXTRACTOR_VERSION, extractArticle } from '../extract/extractArticle.js';
import type { ParsedArticle } from './parseArticle.js';
import { planArticle, type ArticleSource } from './planArticle.js';

parentPort!.on('message', ({ id, parsed, source, contentHash }: { id: number; parsed: ParsedArticle; source: ArticleSource; contentHash: string }) => {
  try {
    const extraction = extractArticle({ text: parsed.text, title: parsed.title, paragraphs: parsed.paragraphs, editorTags: parsed.editorTags });
    parentPort!.postMessage({ id, plan: planArticle(parsed, extraction, source, EXTRACTOR_VERSION, contentHash) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
