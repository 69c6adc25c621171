import type { AppError } from '../../errors.js';
import type { ParsedArticle } from '../parseArticle.js';
import type { ArticleSource } from '../planArticle.js';

/** One article read from an input (a file, or one line of JSON Lines), ready to extract. */
export interface SourceArticle {
  kind: 'article';
  /** Where it came from, for messages: a file path, or "<stdin>:12" / "export.jsonl:12" for JSON Lines. */
  label: string;
  parsed: ParsedArticle;
  source: ArticleSource;
  warnings: string[];
}

/** An input that could not be read or parsed; the import reports it and goes on. */
export interface SourceFailure {
  kind: 'failure';
  label: string;
  error: AppError;
}

export type SourceItem = SourceArticle | SourceFailure;
