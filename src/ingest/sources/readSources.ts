import { closeSync, createReadStream, readSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../config/importLimits.js';
import { AppError, ErrorCode, isAppError } from '../../errors.js';
import { decodeText } from '../decodeText.js';
import { parseArticle } from '../parseArticle.js';
import { textEncodingOf } from '../textEncoding.js';
import { articleTooLarge, checkParagraphCount } from './articleLimits.js';
import { formatOfContent, formatOfName, type InputFormat } from './detectFormat.js';
import { expandInputs, type InputEntry } from './expandInputs.js';
import { parseMarkdown } from './parseMarkdown.js';
import { readJsonLines } from './readJsonLines.js';
import { openRegularFile, readAtMost, type RegularFile } from './regularFile.js';
import type { SourceItem } from './types.js';

/** How much of a file without a telling extension is read to recognise its format. */
const SNIFF_BYTES = 64 * 1024;

export interface ReadSourcesOptions {
  /** Where "-" reads JSON Lines from; defaults to process.stdin. */
  stdin?: NodeJS.ReadableStream;
  /** What one article may hold; defaults to DEFAULT_IMPORT_LIMITS. */
  limits?: ImportLimits;
}

/**
 * Reads import inputs (files, directories, globs, "-" for JSON Lines on stdin; or the entries of
 * a walk already under way) as a stream of articles and failures, in input order. Formats: by
 * extension (.txt seed or plain text, .md and .markdown Markdown, .jsonl and .ndjson JSON
 * Lines), else by the first line. Nothing is held beyond the article being read, and no
 * article beyond its limits (ARTICLE_TOO_LARGE, TOO_MANY_PARAGRAPHS). A failure names the
 * input (and line and field); it never stops the stream.
 */
export async function* readSources(inputs: readonly string[] | AsyncIterable<InputEntry>, options: ReadSourcesOptions = {}): AsyncGenerator<SourceItem> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const entries: AsyncIterable<InputEntry> = Symbol.asyncIterator in inputs ? inputs : expandInputs(inputs);
  for await (const entry of entries) {
    if (entry.kind === 'failure') yield { kind: 'failure', label: entry.label, error: entry.error };
    else if (entry.kind === 'stdin') yield* readJsonLines(options.stdin ?? process.stdin, { file: '<stdin>', real: null }, limits);
    else yield* readFileSource(entry.path, entry.real, limits);
  }
}

/**
 * One file: an article or a failure, or each line of a JSON Lines file. Article files are read
 * synchronously: they are small and local, and each asynchronous read costs several
 * thread-pool round trips and their promises, more than the read itself, on the thread that
 * also extracts.
 */
async function* readFileSource(path: string, real: string, limits: ImportLimits): AsyncGenerator<SourceItem> {
  let file: RegularFile;
  let format: InputFormat;
  try {
    file = openRegularFile(path);
  } catch (error) {
    yield { kind: 'failure', label: path, error: asAppError(error, path) };
    return;
  }
  try {
    format = formatOfName(path) ?? formatOfContent(readHead(file));
  } catch (error) {
    closeSync(file.fd);
    yield { kind: 'failure', label: path, error: asAppError(error, path) };
    return;
  }
  if (format === 'jsonl') {
    yield* readJsonLines(createReadStream(path, { fd: file.fd, start: 0 }), { file: path, real }, limits);
    return;
  }
  try {
    yield readArticle(file, path, real, format, limits);
  } finally {
    closeSync(file.fd);
  }
}

function readArticle(file: RegularFile, path: string, real: string, format: 'text' | 'markdown', limits: ImportLimits): SourceItem {
  const where = { label: path, file: path };
  try {
    // Refused before it is read whole: a huge file costs neither the read nor the parse.
    if (file.size > limits.maxArticleBytes) throw articleTooLarge(where, limits, file.size);
    const bytes = readAtMost(file, limits.maxArticleBytes);
    if (!bytes) throw articleTooLarge(where, limits);
    const { text, warnings } = decodeText(bytes, path);
    if (format === 'markdown') {
      const { parsed, source } = parseMarkdown(text, path);
      checkParagraphCount(parsed, limits, where);
      return { kind: 'article', label: path, parsed, source: { ...source, sourceKey: source.sourceKey ?? `file:${real}`, sourcePath: real }, warnings };
    }
    const parsed = parseArticle(text, path);
    checkParagraphCount(parsed, limits, where);
    // The seed format carries the article's path in its CMS: that is its identity wherever
    // the file lies. Plain text is identified by its real path.
    const sourceKey = parsed.pathLine !== null ? `path:/${parsed.pathLine}` : `file:${real}`;
    return { kind: 'article', label: path, parsed, source: { sourceKey, sourcePath: real, sourceUrl: null, byline: null, publishedAt: null }, warnings };
  } catch (error) {
    return { kind: 'failure', label: path, error: asAppError(error, path) };
  }
}

/** The first bytes of a file, decoded leniently (UTF-16 if a byte order mark says so), to recognise its format. */
function readHead(file: RegularFile): string {
  const buffer = Buffer.alloc(SNIFF_BYTES);
  const head = buffer.subarray(0, readSync(file.fd, buffer, 0, SNIFF_BYTES, 0));
  return new TextDecoder(textEncodingOf(head).encoding).decode(head);
}

/** File system errors become FILE_NOT_FOUND / FILE_UNREADABLE; anything else is reported, not thrown, so one odd file cannot stop an archive. */
function asAppError(error: unknown, path: string): AppError {
  if (isAppError(error)) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new AppError(ErrorCode.FILE_NOT_FOUND, `${path}: no such file`, { file: path });
  if (code) return new AppError(ErrorCode.FILE_UNREADABLE, `${path}: cannot read (${code})`, { file: path }, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new AppError(ErrorCode.INTERNAL_SERVER_ERROR, `${path}: could not be read: ${message}`, { file: path }, { cause: error });
}
