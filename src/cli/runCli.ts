import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isAppError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What a CLI declares: its name (for messages), its help text, its options and positionals. */
export interface CliSpec<O extends Options> {
  /** Prefix of every message, e.g. `import`. */
  name: string;
  /** The whole `--help` text (usage line, options, environment, exit codes). */
  help: string;
  /** `node:util` parseArgs options; `-h/--help` is added. */
  options: O;
  /** Positional arguments: none unless given; `min` of them required (usage error below). */
  positionals?: { min?: number; label: string };
  /** Accept `--no-<flag>` for boolean options. */
  allowNegative?: boolean;
}

/** A mistake in the command line: reported with the help text and exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type ValueOf<T> = T extends { type: 'boolean'; multiple: true }
  ? boolean[]
  : T extends { type: 'boolean' }
    ? boolean
    : T extends { type: 'string'; multiple: true }
      ? string[]
      : string;

/** Parsed option values by name; absent when not given and without a default. */
export type CliValues<O extends Options> = { [K in keyof O]?: ValueOf<O[K]> };

/**
 * Runs a CLI with the project's conventions: arguments parsed against `spec` (`-h/--help`
 * prints the help on stdout and exits 0; an unknown option, a missing positional or a
 * `UsageError` thrown by `main` prints the reason and the help on stderr and exits 2), the exit
 * code from `main`'s result, one clear line on stderr for expected failures (with the error
 * code, exit 1), and a stack only for bugs.
 */
export function runCli<O extends Options>(spec: CliSpec<O>, main: (args: { values: CliValues<O>; positionals: string[] }) => Promise<number>): void {
  const usage = (message: string): void => {
    process.stderr.write(`${spec.name}: ${message}\n\n${spec.help}\n`);
    process.exitCode = 2;
  };
  let parsed: { values: CliValues<O> & { help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      allowNegative: spec.allowNegative ?? false,
      strict: true,
    }) as typeof parsed;
  } catch (error) {
    usage((error as Error).message);
    return;
  }
  if (parsed.values.help) {
    process.stdout.write(spec.help + '\n');
    return;
  }
  const min = spec.positionals?.min ?? 0;
  if (!spec.positionals && parsed.positionals.length > 0) return usage(`unexpected argument ${JSON.stringify(parsed.positionals[0])}`);
  if (parsed.positionals.length < min) return usage(`no ${spec.positionals!.label} given`);
  main({ values: parsed.values, positionals: parsed.positionals }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) return usage(error.message);
      const message = isAppError(error) ? `${error.message} [${error.code}]` : error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`${spec.name}: ${message}\n`);
      process.exitCode = 1;
    },
  );
}
