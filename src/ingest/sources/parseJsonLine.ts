import { AppError, ErrorCode } from '../../errors.js';
import type { ParsedArticle } from '../parseArticle.js';
import type { ArticleSource } from '../planArticle.js';
import { buildParsedArticle, splitParagraphs } from './buildParsedArticle.js';
import { describe, FieldProblem, readDate, readLine, readSlug, readStatus, readTags, readTitle, readUrl } from './sourceFields.js';

/** Where a JSON line came from, for messages: `label` is "export.jsonl:12" or "<stdin>:12". */
export interface LineOrigin {
  file: string;
  line: number;
  label: string;
}

/** One JSON Lines article before the reader settles its identity (see readJsonLines). */
export interface JsonLineArticle {
  parsed: ParsedArticle;
  /** `sourceKey` and `sourcePath` are null unless the line states them (or a URL gives the key). */
  source: Omit<ArticleSource, 'sourceKey' | 'sourcePath'> & { sourceKey: string | null; sourcePath: string | null };
}

/**
 * Parses one line of JSON Lines: `{"title", "body" | "paragraphs", "publishedAt", "url", "tags",
 * "byline", "status", "section", "slug", "sourceKey", "sourcePath"}`. Other keys (an export's entities,
 * quotes, topics) are ignored. Throws INVALID_JSON, INVALID_FIELD, NO_HEADLINE or NO_BODY naming
 * the line and field.
 */
export function parseJsonLine(line: string, origin: LineOrigin): JsonLineArticle {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new AppError(
      ErrorCode.INVALID_JSON,
      `${origin.label}: not valid JSON (${(error as Error).message})`,
      { file: origin.file, line: origin.line },
      { cause: error },
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AppError(ErrorCode.INVALID_JSON, `${origin.label}: expected a JSON object, found ${describe(value)}`, { file: origin.file, line: origin.line });
  }
  const record = value as Record<string, unknown>;
  const field = <T>(name: string, read: (v: unknown) => T): T | null => {
    const v = record[name];
    if (v === undefined || v === null) return null;
    try {
      return read(v);
    } catch (error) {
      if (!(error instanceof FieldProblem)) throw error;
      throw new AppError(ErrorCode.INVALID_FIELD, `${origin.label}: field "${name}" ${error.message}`, { file: origin.file, line: origin.line, field: name });
    }
  };

  const title = field('title', readTitle);
  if (title === null)
    throw new AppError(ErrorCode.NO_HEADLINE, `${origin.label}: no headline: field "title" is missing`, {
      file: origin.file,
      line: origin.line,
      field: 'title',
    });
  if (record.body !== null && record.body !== undefined && record.paragraphs !== null && record.paragraphs !== undefined) {
    throw new AppError(ErrorCode.INVALID_FIELD, `${origin.label}: field "paragraphs" given with "body"; give one of them`, {
      file: origin.file,
      line: origin.line,
      field: 'paragraphs',
    });
  }
  const paragraphs = field('paragraphs', readParagraphs) ?? field('body', readBody) ?? [];
  if (paragraphs.length === 0) {
    throw new AppError(ErrorCode.NO_BODY, `${origin.label}: the article has a headline but no paragraphs (field "body" or "paragraphs")`, {
      file: origin.file,
      line: origin.line,
      field: 'body',
    });
  }

  const url = field('url', readUrl);
  const sourceKey = field('sourceKey', readLine) ?? (url ? `url:${url}` : null);
  return {
    parsed: buildParsedArticle('jsonl', title, paragraphs, field('tags', readTags) ?? []),
    source: {
      sourceKey,
      sourcePath: field('sourcePath', readLine),
      sourceUrl: url,
      byline: field('byline', readLine),
      publishedAt: field('publishedAt', readDate),
      slug: field('slug', readSlug),
      status: field('status', readStatus),
      section: field('section', readLine),
    },
  };
}

/** "paragraphs": a list of strings, each trimmed; blank ones dropped. */
function readParagraphs(value: unknown): string[] {
  if (!Array.isArray(value)) throw new FieldProblem(`must be a list of strings, not ${describe(value)}`);
  const bad = value.findIndex((p) => typeof p !== 'string');
  if (bad >= 0) throw new FieldProblem(`must be a list of strings, but item ${bad} is ${describe(value[bad])}`);
  return (value as string[]).map((p) => p.replace(/\r\n?/g, '\n').trim()).filter((p) => p !== '');
}

/** "body": one string, paragraphs separated by blank lines. */
function readBody(value: unknown): string[] {
  if (typeof value !== 'string') throw new FieldProblem(`must be a string, not ${describe(value)}`);
  return splitParagraphs(value);
}
