import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { AppError, ErrorCode } from '../../errors.js';
import { formatOfName } from './detectFormat.js';
import { isGlob, planGlob } from './globToRegExp.js';

/**
 * One thing to read: a file (with its real path, for identity, and the name of the folder it sits
 * in when a walk found it below the directory or glob base it was given: a plain-text story's
 * section), stdin, or an input that failed.
 */
export type InputEntry =
  { kind: 'file'; path: string; real: string; folder?: string | null } | { kind: 'stdin' } | { kind: 'failure'; label: string; error: AppError };

/**
 * Expands import inputs lazily, in order: a file as given, a directory walked recursively in
 * name order (code-point order, the same on every machine) for known extensions, a glob
 * matched below its static prefix, and "-" for stdin. Hidden entries (".name") are skipped
 * when walking. A file reached twice (a directory and a glob over it) is read once.
 */
export async function* expandInputs(inputs: readonly string[]): AsyncGenerator<InputEntry> {
  const seen = new Set<string>();
  for (const input of inputs) {
    if (input === '-') {
      yield { kind: 'stdin' };
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      if (isGlob(input)) {
        let matched = false;
        for await (const entry of expandGlob(input, seen)) {
          matched = true;
          if (entry) yield entry;
        }
        if (!matched) yield failure(input, ErrorCode.FILE_NOT_FOUND, `${input}: no file matches this pattern`);
        continue;
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') yield failure(input, ErrorCode.FILE_NOT_FOUND, `${input}: no such file or directory`);
      else yield failure(input, ErrorCode.FILE_UNREADABLE, `${input}: cannot read (${code ?? String(error)})`);
      continue;
    }
    if (info.isDirectory()) {
      for await (const file of walk(input, Infinity, await realpath(input).catch(() => null))) {
        if (file instanceof AppError) yield { kind: 'failure', label: file.details.file as string, error: file };
        else if (formatOfName(file.path)) {
          const entry = await fileEntry(file.path, seen, file.real, folderBelow(input, file.path));
          if (entry) yield entry;
        }
      }
    } else {
      const entry = await fileEntry(input, seen);
      if (entry) yield entry;
    }
  }
}

/** Entries matching a glob; null for a match already read through an earlier input. */
async function* expandGlob(glob: string, seen: Set<string>): AsyncGenerator<InputEntry | null> {
  const plan = planGlob(glob);
  try {
    if (!(await stat(plan.base)).isDirectory()) return;
  } catch {
    return;
  }
  for await (const file of walk(plan.base, plan.maxDepth, await realpath(plan.base).catch(() => null))) {
    if (file instanceof AppError) {
      yield { kind: 'failure', label: file.details.file as string, error: file };
      continue;
    }
    const { path } = file;
    const relative = plan.base === '.' ? path : path.slice(plan.base.length).replace(/^\/+/, '');
    if (plan.pattern.test(relative)) {
      yield await fileEntry(plan.base === '.' ? relative : path, seen, file.real, folderBelow(plan.base, path));
    }
  }
}

/**
 * Files below `dir`, depth-first in code-point name order. A directory that cannot be listed is
 * yielded as an error and the walk goes on. Symbolic links to files are followed; links to
 * directories are not (they can loop).
 *
 * `realDir` is dir's real path (null if unknown): a regular file's real path is then its name
 * under it, which spares a realpath call per file (each one a thread-pool round trip that
 * waits for the event loop, and the import's loop is busy extracting).
 */
async function* walk(dir: string, depth: number, realDir: string | null): AsyncGenerator<{ path: string; real: string | null } | AppError> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    yield new AppError(ErrorCode.FILE_UNREADABLE, `${dir}: cannot list the directory (${code})`, { file: dir });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (depth > 1) yield* walk(path, depth - 1, realDir === null ? null : join(realDir, entry.name));
    } else if (entry.isFile()) {
      yield { path, real: realDir === null ? null : join(realDir, entry.name) };
    } else if (entry.isSymbolicLink() && (await stat(path).catch(() => null))?.isFile()) {
      yield { path, real: null };
    }
  }
}

/** The name of the folder `path` sits in, when that folder is below `base` (not `base` itself); else null. */
function folderBelow(base: string, path: string): string | null {
  const inside = relative(base, dirname(path));
  return inside && !inside.startsWith('..') ? basename(inside) : null;
}

/** The entry for a file; `known` is its real path when the walk already knows it. */
async function fileEntry(path: string, seen: Set<string>, known: string | null = null, folder: string | null = null): Promise<InputEntry | null> {
  let real: string;
  try {
    real = known ?? (await realpath(path));
  } catch (error) {
    return failure(path, ErrorCode.FILE_UNREADABLE, `${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (seen.has(real)) return null;
  seen.add(real);
  return { kind: 'file', path, real, folder };
}

function failure(label: string, code: ErrorCode, message: string): InputEntry {
  return { kind: 'failure', label, error: new AppError(code, message, { file: label }) };
}
