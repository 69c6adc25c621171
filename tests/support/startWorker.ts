import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src/projectRoot.js';

/** An import worker (`npm run worker`) as a real process, with what it logged so far. */
export interface WorkerProcess {
  child: ChildProcess;
  log: () => string;
  /** Where it serves Prometheus metrics (`/health/live` and `/health/ready` beside it). */
  metricsUrl: string;
  /** Resolves when the worker's log matches `pattern` (rejects if it exits first). */
  waitFor: (pattern: RegExp) => Promise<RegExpExecArray>;
}

/**
 * Starts `scripts/worker.ts` as one plain node process (SIGKILL hits the worker itself) and waits
 * until it listens to the queue. Its metrics go to a free port unless `WORKER_METRICS_PORT` is
 * given: several workers run on this one machine.
 */
export async function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'scripts', 'worker.ts')], {
    cwd: projectRoot,
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'info', WORKER_METRICS_PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const waiters: (() => void)[] = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  });
  const exited = new Promise<never>((_, reject) => child.on('exit', (code, signal) => reject(new Error(`worker exited (${code ?? signal}): ${log}`))));
  exited.catch(() => undefined);
  const waitFor = async (pattern: RegExp): Promise<RegExpExecArray> => {
    for (;;) {
      const match = pattern.exec(log);
      if (match) return match;
      await Promise.race([new Promise<void>((resolve) => waiters.push(resolve)), exited]);
    }
  };
  await waitFor(/worker: waiting for import jobs/);
  const metricsUrl = (await waitFor(/worker: metrics at (\S+)/))[1]!;
  return { child, log: () => log, metricsUrl, waitFor };
}
