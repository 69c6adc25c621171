import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src/projectRoot.js';

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');

/** Runs a command to its end as a real child process, as a user would, with what it wrote. */
export function runCommand(command: string, args: string[], env: Record<string, string | undefined> = {}, cwd = projectRoot): Promise<ScriptResult> {
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

/** Runs one of the project's scripts through tsx. */
export function runScript(script: string, args: string[], env: Record<string, string | undefined> = {}): Promise<ScriptResult> {
  return runCommand(tsx, [join(projectRoot, script), ...args], { LOG_LEVEL: 'info', ...env });
}
