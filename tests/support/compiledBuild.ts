import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/projectRoot.js';
import { runCommand } from './runScript.js';

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

// A build takes about a minute on two busy cores, so it runs only when dist/ is missing or older
// than the sources (CI builds before the tests).
export async function ensureBuilt(): Promise<void> {
  const entry = join(dist, 'src', 'index.js');
  if (existsSync(entry) && statSync(entry).mtimeMs >= Math.max(newest(join(projectRoot, 'src')), newest(join(projectRoot, 'scripts')))) return;
  const build = await runCommand('npm', ['run', 'build']);
  if (build.code !== 0) throw new Error(`npm run build failed: ${build.stdout}${build.stderr}`);
}

export interface RunningServer {
  /** The GraphQL endpoint the server logged as ready. */
  url: string;
  /** What it has written to stderr so far. */
  log: () => string;
  /** SIGTERM, then its exit code. */
  stop: () => Promise<number | null>;
  kill: () => void;
}

/** Starts a compiled server (`node <args>`) and waits for its "ready at" line. */
export async function startCompiled(args: string[], env: Record<string, string>, cwd = projectRoot): Promise<RunningServer> {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const ready = /ready at (http\S+)/.exec(log);
      if (ready) resolve(ready[1]!);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${log}`)));
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  child.removeAllListeners('exit');
  return {
    url,
    log: () => log,
    stop: () => {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      return exited;
    },
    kill: () => child.kill('SIGKILL'),
  };
}
