import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SpawnedServer {
  child: ChildProcess;
  /** The address the server announced ("… ready at http://localhost:PORT/graphql"). */
  url: string;
}

/** Where every server's log goes (one directory per benchmark process, removed at its exit). */
let logDir: string | undefined;

/**
 * Starts a server with its standard error in a file, and resolves once the log says it is ready
 * (or rejects with the log's end if it exits first). The file is polled until then and never read
 * again: a benchmark's process is also its load generator, and Storygraph logs every request, so
 * reading the log as it grows would charge the benchmark's CPU to each request (a pipe read for
 * the whole run cost the load generator 0.4 ms per request, see bench/README.md).
 */
export function spawnServer(
  name: string,
  command: string,
  args: readonly string[],
  options: Omit<SpawnOptions, 'stdio'> & { ipc?: boolean },
): Promise<SpawnedServer> {
  if (!logDir) {
    const dir = mkdtempSync(join(tmpdir(), 'storygraph-bench-logs-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    logDir = dir;
  }
  const logFile = join(logDir, `${name}-${Date.now()}.log`);
  const fd = openSync(logFile, 'w');
  const { ipc, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, stdio: ipc ? ['ignore', 'ignore', fd, 'ipc'] : ['ignore', 'ignore', fd] });
  closeSync(fd);
  return new Promise((resolve, reject) => {
    let settled = false;
    child.on('exit', (code) => {
      if (settled) return;
      settled = true;
      reject(new Error(`${name} exited with ${code}: ${readFileSync(logFile, 'utf8').slice(-4000)}`));
    });
    const poll = () => {
      if (settled) return;
      const ready = /ready at (http[^\s"]+)/.exec(readFileSync(logFile, 'utf8'));
      if (!ready) return void setTimeout(poll, 100);
      settled = true;
      resolve({ child, url: ready[1]! });
    };
    poll();
  });
}
