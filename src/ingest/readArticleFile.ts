import { readFile } from 'node:fs/promises';
import { AppError, ErrorCode } from '../errors.js';
import { decodeText } from './decodeText.js';
import { parseArticle, type ParsedArticle } from './parseArticle.js';

export interface ReadArticle {
  parsed: ParsedArticle;
  warnings: string[];
}

/** Reads, decodes and parses one article file. Throws AppError naming the file. */
export async function readArticleFile(file: string): Promise<ReadArticle> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError(ErrorCode.FILE_NOT_FOUND, `${file}: no such file`, { file });
    throw new AppError(ErrorCode.FILE_UNREADABLE, `${file}: cannot read (${code ?? String(error)})`, { file }, { cause: error });
  }
  const { text, warnings } = decodeText(bytes, file);
  return { parsed: parseArticle(text, file), warnings };
}
