import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { currentRequest } from './requestScope.js';

/** Log levels in increasing severity. */
const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof levels;

/** How the API server writes its logs: one JSON object a line, or lines for a person to read. */
export type LogFormat = 'json' | 'pretty';

/** Structured fields of a log line (a request's status, duration…). */
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/**
 * A logger that writes plain lines to stderr (stdout stays free for program output): the CLIs'
 * logger, whose lines a person reads and tests compare. Fields are not written.
 */
export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (line) => process.stderr.write(line + '\n')): Logger {
  const min = levels[level];
  const at = (name: Exclude<LogLevel, 'silent'>) => (message: string) => {
    if (levels[name] >= min) write(name === 'info' ? message : `${name}: ${message}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export interface ServiceLoggerOptions {
  level: LogLevel;
  format: LogFormat;
  /** Where lines go: stderr unless given (tests pass a stream to read them back). */
  destination?: DestinationStream;
}

/**
 * The API server's logger (pino): every line is a JSON object with `time`, `level` (a name),
 * `msg`, the fields given and, inside a request, its `reqId`. `pretty` renders lines for a
 * terminal with pino-pretty, a development dependency loaded only when asked for; without it
 * (a production install) the lines stay JSON.
 */
export async function createServiceLogger(options: ServiceLoggerOptions): Promise<Logger> {
  const destination = options.destination ?? (options.format === 'pretty' ? await prettyStream() : null) ?? pino.destination({ fd: 2, sync: false });
  const base = pino(
    {
      level: options.level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Every line written while a request runs names it, so its lines can be found together.
      mixin: () => {
        const request = currentRequest();
        return request ? { reqId: request.id } : {};
      },
    },
    destination,
  );
  return adapt(base);
}

function adapt(base: PinoLogger): Logger {
  const at = (name: Exclude<LogLevel, 'silent'>) => (message: string, fields?: LogFields) => (fields ? base[name](fields, message) : base[name](message));
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

async function prettyStream(): Promise<DestinationStream | null> {
  try {
    const { default: pretty } = await import('pino-pretty');
    return pretty({
      destination: 2,
      sync: true,
      colorize: process.stderr.isTTY === true,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
    });
  } catch {
    return null;
  }
}

export function isLogLevel(value: string): value is LogLevel {
  return value in levels;
}

export function isLogFormat(value: string): value is LogFormat {
  return value === 'json' || value === 'pretty';
}
