import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The superuser password Storygraph versions before this one gave every embedded cluster. Only
 * ever used to log in once and replace it.
 */
export const LEGACY_PASSWORD = 'storygraph';

/** Where a data directory keeps its embedded server's password. */
export function passwordFileOf(dataDir: string): string {
  return join(dataDir, 'postgres-password');
}

/** The stored password, or null when there is none yet. */
export async function readPassword(file: string): Promise<string | null> {
  try {
    const password = (await readFile(file, 'utf8')).trim();
    return password || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Generates a password and stores it with mode 0600, unless another process stored one first
 * (exclusive create): returns whichever is in the file.
 */
export async function claimPassword(file: string): Promise<string> {
  const generated = randomBytes(24).toString('base64url');
  try {
    await writeFile(file, generated + '\n', { mode: 0o600, flag: 'wx' });
    return generated;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readPassword(file)) ?? generated;
  }
}
