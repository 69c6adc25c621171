import { AppError, ErrorCode } from '../errors.js';

/** Connection fields of a PostgreSQL URL, as separate values `pg` accepts. */
export interface DatabaseTarget {
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  database: string;
  /** Extra query parameters, e.g. sslmode or schema. */
  params: Record<string, string>;
}

/**
 * Parses and validates a postgresql:// URL. Throws INVALID_DATABASE_URL with a one-line reason
 * that never repeats the password.
 */
export function parseDatabaseUrl(url: string, variable = 'DATABASE_URL'): DatabaseTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError(ErrorCode.INVALID_DATABASE_URL, `${variable} is not a valid URL; expected postgresql://user:password@host:5432/database`, { variable });
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') {
    throw new AppError(ErrorCode.INVALID_DATABASE_URL, `${variable} must start with postgresql:// (got ${parsed.protocol}//)`, { variable });
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!parsed.hostname || !database) {
    throw new AppError(ErrorCode.INVALID_DATABASE_URL, `${variable} must name a host and a database, e.g. postgresql://postgres@127.0.0.1:5432/storygraph`, {
      variable,
    });
  }
  const port = parsed.port ? Number(parsed.port) : 5432;
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port,
    user: decodeURIComponent(parsed.username) || 'postgres',
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database,
    params: Object.fromEntries(parsed.searchParams),
  };
}

/** Builds a URL from its fields (used for databases created at run time). */
export function formatDatabaseUrl(target: Omit<DatabaseTarget, 'params'>): string {
  const auth = encodeURIComponent(target.user) + (target.password ? `:${encodeURIComponent(target.password)}` : '');
  return `postgresql://${auth}@${target.host}:${target.port}/${encodeURIComponent(target.database)}`;
}

/** The URL with its password replaced, safe for logs. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}
