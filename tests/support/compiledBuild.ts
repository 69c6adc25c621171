import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/projectRoot.js';

export const dist = join(projectRoot, 'dist');

/** Newest modification time of any file under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Runs a command to its end, as a user would, with what it wrote. */
export function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
  cwd = projectRoot,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// A build takes about a minute on two busy cores, so it runs only when dist/ is missing or older
// than the sources (CI builds before the tests).
export async function ensureBuilt(): Promise<void> {
  const entry = join(dist, 'src', 'index.js');
  if (existsSync(entry) && statSync(entry).mtimeMs >= Math.max(newest(join(projectRoot, 'src')), newest(join(projectRoot, 'scripts')))) return;
  const build = await run('npm', ['run', 'build']);
  if (build.code !== 0) throw new Error(`npm run build failed: ${build.stdout}${build.stderr}`);
}
