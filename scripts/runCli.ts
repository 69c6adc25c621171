import { isAppError } from '../src/errors.js';

/**
 * Runs a CLI's main function with the project's conventions: exit code from the result,
 * one clear line on stderr for expected failures (with the error code), a stack only for bugs.
 */
export function runCli(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = isAppError(error) ? `${error.message} [${error.code}]` : error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`${name}: ${message}\n`);
      process.exitCode = 1;
    },
  );
}
