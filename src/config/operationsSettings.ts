/**
 * The settings of running Storygraph in production (logs, metrics, traces, start and stop),
 * with their defaults as `loadConfig` applies them. The README's operations table is generated
 * from this list (`npm run docs`); a unit test checks that `loadConfig` reads every variable.
 */
export interface OperationsSetting {
  variable: string;
  default: string;
  meaning: string;
}

export const OPERATIONS_SETTINGS: readonly OperationsSetting[] = [
  {
    variable: 'LOG_FORMAT',
    default: '`pretty` in development, else `json`',
    meaning:
      'API server logs: one JSON object a line (`json`), or lines for a terminal (`pretty`, needs the development dependency pino-pretty; JSON without it)',
  },
  {
    variable: 'LOG_LEVEL',
    default: '`info` (`warn` when `NODE_ENV=test`)',
    meaning: '`debug` (adds health probes and scrapes to the request log), `info`, `warn`, `error` or `silent`; logs go to stderr',
  },
  { variable: 'METRICS_TOKEN', default: 'unset', meaning: '`/metrics` answers only requests with `Authorization: Bearer <token>` (401 otherwise)' },
  {
    variable: 'METRICS_PORT',
    default: 'unset',
    meaning: 'serve `/metrics` on this port instead of `PORT` (keep it off the balancer); with `METRICS_TOKEN` too, the token is still asked',
  },
  {
    variable: 'WORKER_METRICS_PORT',
    default: '`9464`',
    meaning:
      '`npm run worker` serves `/metrics` (asking for `METRICS_TOKEN` when set) and `/health/live`, `/health/ready` on this port; `0` takes any free port (several workers on one machine)',
  },
  {
    variable: 'METRICS_MAX_OPERATION_NAMES',
    default: '`100`',
    meaning:
      'distinct operation names kept as metric labels besides the example operations; later names, and names that are not GraphQL names, count as `other`',
  },
  {
    variable: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    default: 'unset (tracing off)',
    meaning: 'an OTLP/HTTP collector, e.g. `http://otel-collector:4318`: spans go to `<endpoint>/v1/traces`',
  },
  { variable: 'OTEL_SERVICE_NAME', default: '`storygraph`', meaning: 'the `service.name` of exported spans' },
  {
    variable: 'MIGRATE_ON_START',
    default: '`true`, except in production',
    meaning:
      'apply pending migrations when the API starts; when off, a pending migration stops the start with `MIGRATION_FAILED` (run `npm run migrate` first)',
  },
  { variable: 'SEED_ON_EMPTY', default: '`true`, except in production', meaning: 'import the demo story when the database has no article' },
  {
    variable: 'SHUTDOWN_TIMEOUT_MS',
    default: '`5000`',
    meaning:
      'on SIGTERM or SIGINT, how long requests already accepted get to finish (readiness fails and new connections are refused at once); the process then closes its pools and Redis and exits 0',
  },
];
