import type { ImportLimits } from '../../config/importLimits.js';
import { AppError, ErrorCode } from '../../errors.js';
import type { ParsedArticle } from '../parseArticle.js';

/** Where an article comes from, for messages: `label` is "story.txt" or "feed.jsonl:12". */
export interface ArticleOrigin {
  label: string;
  file: string;
  line?: number;
}

/** ARTICLE_TOO_LARGE for an article that has more than `maxArticleBytes` bytes (`bytes`: how many, when known). */
export function articleTooLarge(origin: ArticleOrigin, limits: ImportLimits, bytes?: number): AppError {
  const size = bytes === undefined ? `more than ${limits.maxArticleBytes} bytes` : `${bytes} bytes`;
  return new AppError(
    ErrorCode.ARTICLE_TOO_LARGE,
    `${origin.label}: the article has ${size}; one article may hold at most ${limits.maxArticleBytes} (IMPORT_MAX_ARTICLE_BYTES)`,
    details(origin),
  );
}

/** Throws TOO_MANY_PARAGRAPHS for an article with more than `maxParagraphs` paragraphs. */
export function checkParagraphCount(parsed: ParsedArticle, limits: ImportLimits, origin: ArticleOrigin): void {
  const n = parsed.paragraphs.length;
  if (n <= limits.maxParagraphs) return;
  throw new AppError(
    ErrorCode.TOO_MANY_PARAGRAPHS,
    `${origin.label}: the article has ${n} paragraphs; one article may hold at most ${limits.maxParagraphs} (IMPORT_MAX_PARAGRAPHS)`,
    details(origin),
  );
}

function details(origin: ArticleOrigin): Record<string, unknown> {
  return origin.line === undefined ? { file: origin.file } : { file: origin.file, line: origin.line };
}
