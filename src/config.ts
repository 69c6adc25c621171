import { join } from 'node:path';
import { AppError, ErrorCode } from './errors.js';
import { isLogLevel, type LogFormat, type LogLevel } from './log.js';
import { parseDatabaseUrl } from './config/databaseUrl.js';
import { projectRoot } from './projectRoot.js';
import { LIMIT_SPECS, type Limits } from './config/limits.js';
import { parseCorsOrigins, type CorsOrigins } from './config/corsOrigins.js';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './config/importLimits.js';

export type NodeEnv = 'development' | 'production' | 'test';

/** Everything the process reads from its environment, validated once at start. */
export interface Config {
  nodeEnv: NodeEnv;
  port: number;
  /** A PostgreSQL server, or null to use the embedded database. */
  databaseUrl: string | null;
  /** Streaming replicas of `databaseUrl` that serve public reads (`DATABASE_REPLICA_URLS`); empty: none. */
  databaseReplicaUrls: string[];
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** Port of the embedded database (0 = any free port). */
  embeddedPort: number;
  logLevel: LogLevel;
  /** The API server's log lines: JSON (`json`) or for a terminal (`pretty`, the default in development). */
  logFormat: LogFormat;
  /** Import the demo story when the database has no articles (not by default in production). */
  seedOnEmpty: boolean;
  /** Apply pending migrations when the server starts (not by default in production: `npm run migrate` does). */
  migrateOnStart: boolean;
  /** Who may read `/metrics`. */
  metrics: MetricsSettings;
  /** OpenTelemetry trace export, or null when tracing is off. */
  tracing: TracingSettings | null;
  /** Allow schema introspection (on by default except in production). */
  introspection: boolean;
  /** Server-side timeout for each SQL statement, in milliseconds (also `limits.statementTimeoutMs`). */
  statementTimeoutMs: number;
  /** Every request limit (see `config/limits.ts`): GraphQL, inputs, time, connections, rate. */
  limits: Limits;
  /** Redis for state shared by replicas (rate-limit buckets), or null to keep it in memory. */
  redisUrl: string | null;
  /**
   * How many proxies in front of the API append to `X-Forwarded-For`: the client address is the
   * entry that many places from its end. 0 (default) ignores the header: the socket's address.
   */
  trustProxyHops: number;
  /**
   * Seconds anonymous and READER answers may be reused (`RESPONSE_CACHE_SECONDS`): their
   * `Cache-Control: max-age`, and the TTL of the shared response cache (Redis with `REDIS_URL`,
   * else this process's memory). 0 (default): no shared cache, clients revalidate by ETag.
   */
  responseCacheSeconds: number;
  /** Longest a shutdown waits for in-flight requests and the database before exiting anyway. */
  shutdownTimeoutMs: number;
  /** What one imported article may hold: bytes and paragraphs. */
  importLimits: ImportLimits;
  /** Browser origins allowed to call the API (CORS). */
  corsOrigins: CorsOrigins;
  /** Where the public site lives, for links in JSON-LD and webhooks (`PUBLIC_BASE_URL`), or null. */
  publicBaseUrl: string | null;
  /** The publisher named in JSON-LD (`PUBLISHER_NAME`), or null. */
  publisherName: string | null;
  /** Webhook delivery from this process. */
  webhooks: WebhookSettings;
  /** Serve GraphiQL at /explorer (`EXPLORER`; on by default except in production). */
  explorer: boolean;
  /** The import queue in Redis (`npm run import -- --queue`, `npm run worker`). */
  importQueue: ImportQueueSettings;
  /**
   * The port `npm run worker` serves `/metrics` and its health probes on (`WORKER_METRICS_PORT`,
   * 0 = any free port). 9464 by default: the port the production topology gives every API's
   * `METRICS_PORT`, so one scrape rule (`<container>:9464`) covers every Storygraph container.
   */
  workerMetricsPort: number;
}

/** Where queued imports wait and how long a worker's claim on a job lasts. */
export interface ImportQueueSettings {
  /** Queue name (`IMPORT_QUEUE`): deployments sharing one Redis use different names. */
  name: string;
  /**
   * A worker's lock on a job, in ms (`IMPORT_JOB_LOCK_MS`), renewed while it works: a job whose
   * worker died is handed to another worker after about this long.
   */
  lockMs: number;
}

/**
 * Who may read the Prometheus metrics: with a token, only requests carrying it; with a port,
 * only that port serves them; in production, neither means no `/metrics` at all.
 */
export interface MetricsSettings {
  /** `METRICS_TOKEN`: `/metrics` asks for `Authorization: Bearer <token>`. */
  token: string | null;
  /** `METRICS_PORT`: serve `/metrics` on this port (and not on `PORT`). */
  port: number | null;
  /** Serve `/metrics` on `PORT` without a token (development and test only). */
  open: boolean;
  /** Distinct operation names kept as metric labels; later ones count as "other" (`METRICS_MAX_OPERATION_NAMES`). */
  maxOperationNames: number;
}

/** Where traces go (OTLP over HTTP). */
export interface TracingSettings {
  /** `OTEL_EXPORTER_OTLP_ENDPOINT`, e.g. `http://collector:4318` (traces go to `/v1/traces` below it). */
  endpoint: string;
  /** `OTEL_SERVICE_NAME`, default `storygraph`. */
  serviceName: string;
}

/** How this process delivers webhooks from the outbox. */
export interface WebhookSettings {
  /** Deliver from this process (`WEBHOOK_DELIVERY`); any number of processes may. */
  deliver: boolean;
  /** How often to look for due deliveries, in ms (`WEBHOOK_POLL_MS`). */
  pollMs: number;
  /** Time allowed for a receiver to answer, in ms (`WEBHOOK_TIMEOUT_MS`). */
  timeoutMs: number;
  /** Attempts before a delivery is given up (`WEBHOOK_MAX_ATTEMPTS`). */
  maxAttempts: number;
  /** First retry delay in ms, doubled after each failure (`WEBHOOK_RETRY_BASE_MS`). */
  retryBaseMs: number;
}

type Env = Record<string, string | undefined>;

/** `WORKER_METRICS_PORT` when unset (see `Config.workerMetricsPort`). */
export const DEFAULT_WORKER_METRICS_PORT = 9464;

/** Reads and validates configuration. Throws INVALID_CONFIG or INVALID_DATABASE_URL naming the variable. */
export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl) parseDatabaseUrl(databaseUrl);
  const databaseReplicaUrls = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  for (const url of databaseReplicaUrls) parseDatabaseUrl(url, 'DATABASE_REPLICA_URLS');
  if (databaseReplicaUrls.length && !databaseUrl)
    throw new AppError(ErrorCode.INVALID_CONFIG, 'DATABASE_REPLICA_URLS needs DATABASE_URL (the primary they replicate)', {
      variable: 'DATABASE_REPLICA_URLS',
    });
  const logLevel = env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info');
  if (!isLogLevel(logLevel)) throw invalid('LOG_LEVEL', logLevel, 'debug, info, warn, error or silent');
  // Tests send bursts from one address; they turn rate limiting on when they test it.
  const limits = readLimits(nodeEnv === 'test' ? { RATE_LIMIT_PER_SECOND: '0', ...env } : env);
  return {
    nodeEnv,
    port: integer(env, 'PORT', 4000, 0, 65535),
    databaseUrl,
    databaseReplicaUrls,
    dataDir: env.STORYGRAPH_DATA_DIR?.trim() || join(projectRoot, '.storygraph'),
    embeddedPort: integer(env, 'EMBEDDED_PG_PORT', 54329, 0, 65535),
    logLevel,
    logFormat: oneOf(env, 'LOG_FORMAT', ['json', 'pretty'], nodeEnv === 'development' ? 'pretty' : 'json'),
    seedOnEmpty: boolean(env, 'SEED_ON_EMPTY', nodeEnv !== 'production'),
    migrateOnStart: boolean(env, 'MIGRATE_ON_START', nodeEnv !== 'production'),
    metrics: {
      token: env.METRICS_TOKEN?.trim() || null,
      port: env.METRICS_PORT?.trim() ? integer(env, 'METRICS_PORT', 0, 0, 65535) : null,
      open: nodeEnv !== 'production',
      maxOperationNames: integer(env, 'METRICS_MAX_OPERATION_NAMES', 100, 0, 10_000),
    },
    tracing: tracing(env),
    introspection: boolean(env, 'GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
    statementTimeoutMs: limits.statementTimeoutMs,
    limits,
    redisUrl: env.REDIS_URL?.trim() || null,
    trustProxyHops: integer(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
    responseCacheSeconds: integer(env, 'RESPONSE_CACHE_SECONDS', 0, 0, 3600),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 5000, 100, 600_000),
    importLimits: {
      maxArticleBytes: integer(env, 'IMPORT_MAX_ARTICLE_BYTES', DEFAULT_IMPORT_LIMITS.maxArticleBytes, 1024, 1024 * 1024 * 1024),
      maxParagraphs: integer(env, 'IMPORT_MAX_PARAGRAPHS', DEFAULT_IMPORT_LIMITS.maxParagraphs, 1, 1_000_000),
    },
    corsOrigins: corsOrigins(env, nodeEnv === 'production'),
    publicBaseUrl: baseUrl(env, 'PUBLIC_BASE_URL'),
    publisherName: env.PUBLISHER_NAME?.trim() || null,
    explorer: boolean(env, 'EXPLORER', nodeEnv !== 'production'),
    webhooks: {
      deliver: boolean(env, 'WEBHOOK_DELIVERY', true),
      pollMs: integer(env, 'WEBHOOK_POLL_MS', 1000, 10, 3_600_000),
      timeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 300_000),
      maxAttempts: integer(env, 'WEBHOOK_MAX_ATTEMPTS', 12, 1, 100),
      retryBaseMs: integer(env, 'WEBHOOK_RETRY_BASE_MS', 1000, 1, 3_600_000),
    },
    importQueue: {
      name: queueName(env, 'IMPORT_QUEUE', 'storygraph-import'),
      lockMs: integer(env, 'IMPORT_JOB_LOCK_MS', 30_000, 1000, 3_600_000),
    },
    workerMetricsPort: integer(env, 'WORKER_METRICS_PORT', DEFAULT_WORKER_METRICS_PORT, 0, 65535),
  };
}

/** Reads every limit of `LIMIT_SPECS` from its variable. */
function readLimits(env: Env): Limits {
  return Object.fromEntries(Object.entries(LIMIT_SPECS).map(([key, spec]) => [key, integer(env, spec.variable, spec.default, spec.min, spec.max)])) as Limits;
}

function tracing(env: Env): TracingSettings | null {
  const endpoint = baseUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  return endpoint ? { endpoint, serviceName: env.OTEL_SERVICE_NAME?.trim() || 'storygraph' } : null;
}

function corsOrigins(env: Env, production: boolean): CorsOrigins {
  const parsed = parseCorsOrigins(env.CORS_ORIGINS, production);
  if (typeof parsed === 'string') throw invalid('CORS_ORIGINS', env.CORS_ORIGINS ?? '', `* or comma-separated origins: ${parsed}`);
  return parsed;
}

function baseUrl(env: Env, name: string): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid(name, raw, 'an http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(name, raw, 'an http or https URL');
  return url.toString().replace(/\/$/, '');
}

function queueName(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  // Redis keys are built from it: keep it to a plain word.
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(raw)) throw invalid(name, raw, 'letters, digits, "_", "." or "-" (at most 100)');
  return raw;
}

function invalid(name: string, value: string, expected: string): AppError {
  return new AppError(ErrorCode.INVALID_CONFIG, `${name}=${JSON.stringify(value)} is invalid: expected ${expected}`, { variable: name });
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw invalid(name, raw, `an integer from ${min} to ${max}`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw invalid(name, raw, 'true or false');
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw invalid(name, raw, allowed.join(', '));
}
