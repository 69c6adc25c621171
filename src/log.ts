/** Log levels in increasing severity. */
const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof levels;

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A logger that writes plain lines to stderr (stdout stays free for program output). */
export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (line) => process.stderr.write(line + '\n')): Logger {
  const min = levels[level];
  const at = (name: Exclude<LogLevel, 'silent'>) => (message: string) => {
    if (levels[name] >= min) write(name === 'info' ? message : `${name}: ${message}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export function isLogLevel(value: string): value is LogLevel {
  return value in levels;
}
