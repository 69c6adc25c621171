import { closeSync } from 'node:fs';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../config/importLimits.js';
import { AppError, ErrorCode, isAppError } from '../errors.js';
import { decodeText } from './decodeText.js';
import { parseArticle, type ParsedArticle } from './parseArticle.js';
import { articleTooLarge, checkParagraphCount } from './sources/articleLimits.js';
import { openRegularFile, readAtMost } from './sources/regularFile.js';

export interface ReadArticle {
  parsed: ParsedArticle;
  warnings: string[];
}

/**
 * Reads, decodes and parses one article file (seed format or plain text), within the import's
 * limits. Throws AppError naming the file: FILE_NOT_FOUND, FILE_UNREADABLE, NOT_A_REGULAR_FILE,
 * ARTICLE_TOO_LARGE, TOO_MANY_PARAGRAPHS, or what decoding and parsing throw.
 */
export async function readArticleFile(file: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<ReadArticle> {
  let bytes: Buffer | null;
  try {
    const opened = openRegularFile(file);
    try {
      bytes = opened.size > limits.maxArticleBytes ? null : readAtMost(opened, limits.maxArticleBytes);
    } finally {
      closeSync(opened.fd);
    }
  } catch (error) {
    if (isAppError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError(ErrorCode.FILE_NOT_FOUND, `${file}: no such file`, { file });
    throw new AppError(ErrorCode.FILE_UNREADABLE, `${file}: cannot read (${code ?? String(error)})`, { file }, { cause: error });
  }
  if (!bytes) throw articleTooLarge({ label: file, file }, limits);
  const { text, warnings } = decodeText(bytes, file);
  const parsed = parseArticle(text, file);
  checkParagraphCount(parsed, limits, { label: file, file });
  return { parsed, warnings };
}
