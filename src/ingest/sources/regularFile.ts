import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { AppError, ErrorCode } from '../../errors.js';

/** An open input file. */
export interface RegularFile {
  fd: number;
  /** Its size when opened, in bytes. */
  size: number;
}

/**
 * Opens an input file for reading, refusing anything but a regular file with
 * NOT_A_REGULAR_FILE: reading a FIFO waits for a writer (forever, if none comes), a device may
 * never end, a socket cannot be opened. The open does not block (O_NONBLOCK), and the check is
 * made on what was opened, so a file swapped for a FIFO meanwhile is refused too. File system
 * errors are thrown as they are (callers name the file).
 */
export function openRegularFile(path: string): RegularFile {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') throw notRegular(path, 'a socket');
    throw error;
  }
  let info: Stats;
  try {
    info = fstatSync(fd);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  if (info.isFile()) return { fd, size: info.size };
  closeSync(fd);
  if (info.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' });
  throw notRegular(
    path,
    info.isFIFO() ? 'a FIFO (named pipe)' : info.isSocket() ? 'a socket' : info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : null,
  );
}

/**
 * The file's bytes from its start, or null when it holds more than `max`: never more than
 * `max` + 1 bytes are read, whatever the file's size.
 */
export function readAtMost(file: RegularFile, max: number): Buffer | null {
  // One read for a file whose size is known; a file that grew since it was opened is read on.
  const chunks: Buffer[] = [];
  let total = 0;
  let want = Math.min(file.size, max) + 1;
  for (;;) {
    const chunk = Buffer.allocUnsafe(want);
    const n = readSync(file.fd, chunk, 0, want, total);
    if (n > 0) chunks.push(n === want ? chunk : chunk.subarray(0, n));
    total += n;
    if (total > max) return null;
    if (n < want) break;
    want = Math.min(64 * 1024, max + 1 - total);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

function notRegular(path: string, kind: string | null): AppError {
  return new AppError(ErrorCode.NOT_A_REGULAR_FILE, `${path}: ${kind ? `is ${kind}, ` : ''}not a regular file; only files and directories can be imported`, {
    file: path,
  });
}
