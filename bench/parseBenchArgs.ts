import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * parseArgs for the benchmark scripts, with the usual conventions: `-h`/`--help` prints the
 * usage on stdout and exits 0; a bad option prints the reason and the usage on stderr and
 * exits 2.
 */
export function parseBenchArgs<O extends Options>(usage: string, options: O) {
  try {
    const parsed = parseArgs({ allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
    if ((parsed.values as { help?: boolean }).help) {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    return parsed;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    process.exit(2);
  }
}
