import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src/projectRoot.js';

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');

/** Runs one of the project's scripts as a real child process, as a user would. */
export function runScript(script: string, args: string[], env: Record<string, string | undefined> = {}): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [join(projectRoot, script), ...args], {
      cwd: projectRoot,
      env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
