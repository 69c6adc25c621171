import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { AppError, ErrorCode, isAppError } from '../../errors.js';
import { decodeText } from '../decodeText.js';
import { parseArticle } from '../parseArticle.js';
import { formatOfContent, formatOfName, type InputFormat } from './detectFormat.js';
import { expandInputs, type InputEntry } from './expandInputs.js';
import { parseMarkdown } from './parseMarkdown.js';
import { readJsonLines } from './readJsonLines.js';
import type { SourceItem } from './types.js';

/** A one-article file larger than this is not an article; JSON Lines files have no limit. */
export const MAX_ARTICLE_FILE_BYTES = 16 * 1024 * 1024;

/** How much of a file without a telling extension is read to recognise its format. */
const SNIFF_BYTES = 64 * 1024;

export interface ReadSourcesOptions {
  /** Where "-" reads JSON Lines from; defaults to process.stdin. */
  stdin?: NodeJS.ReadableStream;
}

/**
 * Reads import inputs (files, directories, globs, "-" for JSON Lines on stdin) as a stream of
 * articles and failures, in input order. Formats: by extension (.txt seed or plain text, .md and
 * .markdown Markdown, .jsonl and .ndjson JSON Lines), else by the first line. Nothing is held
 * beyond the article being read. A failure names the input (and line and field); it never
 * stops the stream.
 */
export async function* readSources(inputs: readonly string[] | AsyncIterable<InputEntry>, options: ReadSourcesOptions = {}): AsyncGenerator<SourceItem> {
  for await (const entry of Array.isArray(inputs) ? expandInputs(inputs) : (inputs as AsyncIterable<InputEntry>)) {
    if (entry.kind === 'failure') yield { kind: 'failure', label: entry.label, error: entry.error };
    else if (entry.kind === 'stdin') yield* readJsonLines(options.stdin ?? process.stdin, { file: '<stdin>', real: null });
    else yield* readFileSource(entry.path, entry.real);
  }
}

/**
 * One file: an article or a failure, or each line of a JSON Lines file. Article files are read
 * synchronously: they are small and local, and each asynchronous read costs five thread-pool
 * round trips and their promises, several times the read itself, on the thread that also
 * extracts.
 */
async function* readFileSource(path: string, real: string): AsyncGenerator<SourceItem> {
  let format: InputFormat;
  try {
    format = formatOfName(path) ?? formatOfContent(readHead(path));
  } catch (error) {
    yield { kind: 'failure', label: path, error: asAppError(error, path) };
    return;
  }
  if (format === 'jsonl') {
    yield* readJsonLines(createReadStream(path), { file: path, real });
    return;
  }
  yield readArticle(path, real, format);
}

function readArticle(path: string, real: string, format: 'text' | 'markdown'): SourceItem {
  try {
    const info = statSync(path);
    if (info.size > MAX_ARTICLE_FILE_BYTES) {
      throw new AppError(
        ErrorCode.FILE_TOO_LARGE,
        `${path}: ${info.size} bytes is too large for one article (at most ${MAX_ARTICLE_FILE_BYTES}); archives belong in JSON Lines`,
        { file: path },
      );
    }
    const { text, warnings } = decodeText(readFileSync(path), path);
    if (format === 'markdown') {
      const { parsed, source } = parseMarkdown(text, path);
      return { kind: 'article', label: path, parsed, source: { ...source, sourceKey: source.sourceKey ?? `file:${real}`, sourcePath: real }, warnings };
    }
    const parsed = parseArticle(text, path);
    // The seed format carries the article's path in its CMS: that is its identity wherever
    // the file lies. Plain text is identified by its real path.
    const sourceKey = parsed.pathLine !== null ? `path:/${parsed.pathLine}` : `file:${real}`;
    return { kind: 'article', label: path, parsed, source: { sourceKey, sourcePath: real, sourceUrl: null, byline: null, publishedAt: null }, warnings };
  } catch (error) {
    return { kind: 'failure', label: path, error: asAppError(error, path) };
  }
}

/** The first bytes of a file, decoded leniently, to recognise its format. */
function readHead(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const bytesRead = readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    closeSync(fd);
  }
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
