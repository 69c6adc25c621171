import type { ImportLimits } from '../config/importLimits.js';
import { AppError, ErrorCode, isAppError } from '../errors.js';
import { cleanTags, MAX_HEADLINE_LENGTH, parseArticle, type ParsedArticle } from '../ingest/parseArticle.js';
import type { ArticleSource } from '../ingest/planArticle.js';
import type { ArticleInput } from '../ingest/prepareArticles.js';
import { buildParsedArticle } from '../ingest/sources/buildParsedArticle.js';
import { parseJsonLine } from '../ingest/sources/parseJsonLine.js';
import { parseMarkdown } from '../ingest/sources/parseMarkdown.js';

/** The import formats an article's text may come in through the API. */
export type ArticleFormat = 'PLAIN' | 'SEED' | 'MARKDOWN' | 'JSON';

/** An article's content as an API write gives it; every field optional (validated here). */
export interface ArticleDraft {
  text?: string | null;
  format?: ArticleFormat | null;
  title?: string | null;
  paragraphs?: readonly string[] | null;
  byline?: string | null;
  section?: string | null;
  tags?: readonly string[] | null;
  status?: 'DRAFT' | 'PUBLISHED' | null;
  publishedAt?: Date | null;
  sourceUrl?: string | null;
}

/** Which of the draft's fields were given (an update leaves the others as they are; null clears). */
type Given = Partial<Record<keyof ArticleDraft, boolean>>;

/**
 * Turns an API write's content into what the write path stores (the same `ArticleInput` the
 * import builds from a file): `text` is parsed as the import parses a file of its format, and
 * fields given beside it override what it says. `base` holds what an update starts from.
 * Throws BAD_USER_INPUT naming the field path (`input.text`, `input.paragraphs[2]` …).
 */
export function articleInputOf(
  draft: ArticleDraft,
  given: Given,
  base: { parsed: ParsedArticle | null; source: ArticleSource },
  limits: ImportLimits,
): ArticleInput {
  let { parsed, source } = base;
  if (draft.text !== undefined && draft.text !== null) {
    if (Buffer.byteLength(draft.text) > limits.maxArticleBytes) bad('input.text', `is over ${limits.maxArticleBytes} bytes (IMPORT_MAX_ARTICLE_BYTES)`);
    const read = parseText(draft.text, draft.format ?? 'PLAIN');
    parsed = read.parsed;
    // The API gives the article its identity; what the text says about itself fills the rest.
    const { sourceKey: _key, sourcePath: _path, ...stated } = read.source;
    source = { ...source, ...definedOnly(stated) };
  }
  const title = given.title ? readTitle(draft.title) : (parsed?.title.text ?? bad('input.title', 'is needed when input.text is not given'));
  const paragraphs = given.paragraphs
    ? readParagraphs(draft.paragraphs)
    : (parsed?.paragraphs.map((p) => p.text) ?? bad('input.paragraphs', 'are needed when input.text is not given'));
  const tags = given.tags ? cleanTags([...(draft.tags ?? [])]) : (parsed?.editorTags ?? []);
  if (paragraphs.length > limits.maxParagraphs)
    bad('input.paragraphs', `has ${paragraphs.length} paragraphs; an article may hold at most ${limits.maxParagraphs}`);
  if (!parsed || given.title || given.paragraphs || given.tags) parsed = buildParsedArticle('api', title, paragraphs, tags);
  if (given.byline) source = { ...source, byline: optionalLine(draft.byline, 'input.byline') };
  if (given.section) source = { ...source, section: optionalLine(draft.section, 'input.section') };
  if (given.sourceUrl) source = { ...source, sourceUrl: optionalUrl(draft.sourceUrl) };
  if (given.status && draft.status) source = { ...source, status: draft.status };
  if (given.publishedAt) source = { ...source, publishedAt: draft.publishedAt ?? null };
  return { parsed, source };
}

/** What a text says about itself: its parsed content and source fields (identity fields may be null). */
type ParsedText = {
  parsed: ParsedArticle;
  source: Partial<Omit<ArticleSource, 'sourceKey' | 'sourcePath'>> & { sourceKey?: string | null; sourcePath?: string | null };
};

function parseText(text: string, format: ArticleFormat): ParsedText {
  try {
    if (format === 'MARKDOWN') return parseMarkdown(text, 'input.text');
    if (format === 'JSON') return parseJsonLine(text.trim(), { file: 'input.text', line: 1, label: 'input.text' });
    return { parsed: parseArticle(text, 'input.text'), source: {} };
  } catch (error) {
    // The import's file codes (NO_HEADLINE, INVALID_FIELD …) are input mistakes here; the message names the line.
    if (isAppError(error)) throw new AppError(ErrorCode.BAD_USER_INPUT, error.message, { argument: 'input.text', reason: error.code, ...error.details });
    throw error;
  }
}

function readTitle(value: string | null | undefined): string {
  const title = (value ?? '').replace(/\s+/g, ' ').trim();
  if (!title) bad('input.title', 'must not be empty');
  if (title.length > MAX_HEADLINE_LENGTH) bad('input.title', `is longer than ${MAX_HEADLINE_LENGTH} characters`);
  return title;
}

function readParagraphs(value: readonly string[] | null | undefined): string[] {
  const paragraphs = (value ?? []).map((p, i) => {
    const text = p.replace(/[ \t]+/g, ' ').trim();
    if (!text) bad(`input.paragraphs[${i}]`, 'is empty');
    if (/\n\s*\n/.test(text)) bad(`input.paragraphs[${i}]`, 'holds a blank line: give each paragraph as its own item');
    return text;
  });
  if (!paragraphs.length) bad('input.paragraphs', 'needs at least one paragraph');
  return paragraphs;
}

function optionalLine(value: string | null | undefined, argument: string): string | null {
  if (value === null || value === undefined) return null;
  const line = value.replace(/\s+/g, ' ').trim();
  if (!line) bad(argument, 'is empty (give null to clear it)');
  return line;
}

function optionalUrl(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // reported below
  }
  return bad('input.sourceUrl', `${JSON.stringify(value)} is not an http or https URL`);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

function bad(argument: string, message: string): never {
  throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument} ${message}`, { argument });
}
