import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src/projectRoot.js';

/** The API server as a real process (`npm start`), with its URL and what it logged so far. */
export interface ApiProcess {
  child: ChildProcess;
  url: string;
  log: () => string;
}

/** Starts `src/index.ts` as `npm start` does and waits for its "ready at" line. */
export function startApi(env: Record<string, string>): Promise<ApiProcess> {
  // One process (node with tsx's loader, not the tsx wrapper, which runs the server in a child),
  // so a signal reaches the server itself: SIGKILL really kills it.
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'index.ts')], {
    cwd: projectRoot,
    env: { ...process.env, NODE_OPTIONS: '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const ready = /ready at (http\S+)/.exec(log);
      if (ready) resolve({ child, url: ready[1]!, log: () => log });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${log}`)));
  });
}

/** Stops the process with `signal` and resolves with its exit code (null when killed). */
export function stopApi(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.on('exit', (code) => resolve(code));
    child.kill(signal);
  });
}
