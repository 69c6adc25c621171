import { EXTRACTOR_VERSION, extractArticle } from '../extract/extractArticle.js';
import type { ParsedArticle } from './parseArticle.js';
import { planArticle, type ArticlePlan, type ArticleSource } from './planArticle.js';

/**
 * Extracts one parsed article and plans what storing it writes; an extraction that throws
 * gives its Error instead, so one bad article cannot stop a batch. The same in the main
 * thread and in extraction workers.
 */
export function extractPlan(parsed: ParsedArticle, source: ArticleSource, contentHash: string): ArticlePlan | Error {
  try {
    const extraction = extractArticle({ text: parsed.text, title: parsed.title, paragraphs: parsed.paragraphs, editorTags: parsed.editorTags });
    return planArticle(parsed, extraction, source, EXTRACTOR_VERSION, contentHash);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
