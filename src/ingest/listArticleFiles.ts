import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, ErrorCode } from '../errors.js';

/** Extensions picked up when walking a directory; a file named explicitly is always read. */
const ARTICLE_EXTENSIONS = ['.txt'];

export interface ListedPath {
  file: string;
  /** Set when the path could not be listed; the import reports it and goes on. */
  error?: AppError;
}

/**
 * Expands files and directories (recursively, in name order, skipping hidden entries and
 * `*.gold.json`-style annotations) into the article files to import.
 */
export async function listArticleFiles(paths: string[]): Promise<ListedPath[]> {
  const out: ListedPath[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      out.push({ file: path, error: new AppError(ErrorCode.FILE_NOT_FOUND, `${path}: no such file or directory`, { file: path }) });
      continue;
    }
    if (info.isDirectory()) await walk(path, out);
    else out.push({ file: path });
  }
  return out;
}

async function walk(dir: string, out: ListedPath[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (ARTICLE_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) out.push({ file: path });
  }
}
